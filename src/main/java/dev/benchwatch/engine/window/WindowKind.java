package dev.benchwatch.engine.window;

/** The shapes of window a channel can have. */
public enum WindowKind {
    /** Back-to-back time buckets aligned to the epoch; statistics of the last complete bucket. */
    TUMBLING_TIME,
    /** The readings of the last {@code size} of event time; statistics updated with every reading. */
    SLIDING_TIME,
    /** The last N readings; statistics updated with every reading. */
    COUNT,
    /** Readings with no gap longer than {@code gap} between them; statistics of the last closed session. */
    SESSION
}
