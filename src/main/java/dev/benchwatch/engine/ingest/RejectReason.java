package dev.benchwatch.engine.ingest;

/** Why a reading did not reach the engine's state. Counted per reason and per source. */
public enum RejectReason {
    /** Older than the configured maximum age when the engine took it. */
    STALE,
    /** NaN or infinite. */
    NON_FINITE,
    /** The channel id is not registered. */
    UNKNOWN_CHANNEL,
    /** Discarded from a full lane under {@link OverloadPolicy#DROP_OLDEST}. */
    DROPPED_OVERLOAD,
    /** Refused by a pipeline's validate operator (range, finite, staleness). */
    VALIDATION_FAILED,
    /** Offered after the engine stopped. */
    ENGINE_STOPPED
}
