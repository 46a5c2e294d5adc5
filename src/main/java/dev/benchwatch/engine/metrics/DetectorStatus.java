package dev.benchwatch.engine.metrics;

import dev.benchwatch.engine.detect.DetectorKind;

/**
 * A detector the engine runs on a channel, for display and tests: which one, whether its excursions become
 * {@code ANOMALY_DETECTED} events (declared with {@code Engine.addDetector}), and how many trigger conditions
 * read its score. A detector with neither is not running.
 *
 * @param windowNanos its time setting, 0 for the default
 * @param triggerReads trigger operands that read its score (a trigger naming it twice counts twice)
 */
public record DetectorStatus(String channel, DetectorKind kind, long windowNanos, boolean reportsEvents,
                             int triggerReads) {
}
