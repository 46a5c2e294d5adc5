package dev.benchwatch.engine.detect;

/**
 * One incremental anomaly detector over one channel. Each reading updates its state in O(1) and fixed memory
 * (the median-based one moves up to its window's size of values) and returns a score in the detector's own
 * unit; an anomaly is a score at or above {@link #threshold()} once the detector has {@link #warmedUp() warmed
 * up}. Scores are kept separate from
 * events so the same score can feed a trigger condition, a chart or {@link ExcursionTracker}.
 *
 * <p>Readings must arrive in event-time order; a detector is not thread-safe (it lives on the engine thread).
 */
public interface Detector {
    /** Takes one reading and returns its score (NaN while the detector cannot judge it yet). */
    double update(long timestampNanos, double value);

    /** Whether enough readings have been seen for the score to mean something. */
    boolean warmedUp();

    /** The score at or above which a reading is anomalous; fixed for the detector's life. */
    double threshold();

    /** A sentence a person reads for a reading that crossed the threshold with {@code score}. */
    String describe(double score, double value);
}
