package dev.benchwatch.engine.ingest;

/** What a source does when its ingest lane is full. Either way, nothing is lost without a counter. */
public enum OverloadPolicy {
    /** The producing adapter waits for room (back-pressure to the device or broker). Waits are counted. */
    BLOCK,
    /** The oldest queued reading of this source is discarded to make room; each discard is counted. */
    DROP_OLDEST
}
