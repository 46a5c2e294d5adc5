package dev.benchwatch.engine;

/**
 * How the engine thread schedules its work. Only timing and publication differ: every mode gives the
 * same window results and trigger transitions for the same readings, because all of them are computed
 * in event time, reading by reading.
 */
public enum ProcessingMode {
    /** Each reading is taken and handled on its own; lowest latency, highest per-reading overhead. */
    EVENT_DRIVEN,
    /** Readings are gathered into batches of up to N readings or T ms, then handled together. */
    MICRO_BATCH,
    /** Readings are handled as they come; snapshots are published when a window emits a result. */
    STREAMING,
    /** Whatever is queued is drained in one go, the batch growing with the backlog. */
    HYBRID
}
