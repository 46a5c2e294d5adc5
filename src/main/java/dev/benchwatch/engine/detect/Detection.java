package dev.benchwatch.engine.detect;

/**
 * One anomaly a detector found: the reading that opened the excursion, its score and a sentence for a person.
 * Created once per excursion (rare), never per reading.
 */
public record Detection(long timestampNanos, DetectorKind kind, double score, double value, String message) {
}
