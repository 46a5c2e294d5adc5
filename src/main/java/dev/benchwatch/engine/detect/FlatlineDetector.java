package dev.benchwatch.engine.detect;

/**
 * Stuck sensor: the value has stayed within {@code epsilon} of where the current run started. The score is
 * how long (seconds of event time) the run has lasted; the threshold is the duration that counts as stuck.
 * A live signal always has some noise, so a run this long means a frozen converter, a dead probe or a
 * firmware that repeats its last reading.
 */
public final class FlatlineDetector implements Detector {
    private final double epsilon;
    private final double durationSeconds;
    private long runStart;
    private double runValue = Double.NaN;

    /**
     * @param epsilon       largest change still counted as "no change"
     * @param durationNanos how long without change counts as stuck
     */
    public FlatlineDetector(double epsilon, long durationNanos) {
        Settings.requireNonNegative(epsilon, "epsilon");
        Settings.requirePositive(durationNanos, "duration");
        this.epsilon = epsilon;
        this.durationSeconds = durationNanos / 1e9;
    }

    @Override
    public double update(long timestampNanos, double value) {
        if (Double.isNaN(runValue) || Math.abs(value - runValue) > epsilon) {
            runValue = value;
            runStart = timestampNanos;
        }
        return (timestampNanos - runStart) / 1e9;
    }

    @Override
    public boolean warmedUp() {
        return !Double.isNaN(runValue);
    }

    @Override
    public double threshold() {
        return durationSeconds;
    }

    @Override
    public String describe(double score, double value) {
        return String.format(java.util.Locale.ROOT, "value stuck at %.4g (within %.3g) for %s", runValue, epsilon,
                Settings.duration((long) (score * 1e9)));
    }
}
