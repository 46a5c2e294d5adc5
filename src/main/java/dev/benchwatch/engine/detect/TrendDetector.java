package dev.benchwatch.engine.detect;

/**
 * Monotonic trend: N consecutive rises (or falls), each larger than {@code minStep}. The score is the length
 * of the current run; a reading that neither rises nor falls by more than {@code minStep} ends it. Catches a
 * heater running away or a leak draining a tank long before a level limit is reached.
 */
public final class TrendDetector implements Detector {
    private final int steps;
    private final double minStep;
    private double lastValue = Double.NaN;
    private int run; // > 0 rising, < 0 falling

    /**
     * @param steps   consecutive rises or falls that make a trend (the threshold)
     * @param minStep smallest change that counts as a rise or fall
     */
    public TrendDetector(int steps, double minStep) {
        Settings.requireAtLeast(steps, 2, "steps");
        Settings.requireNonNegative(minStep, "minimum step");
        this.steps = steps;
        this.minStep = minStep;
    }

    @Override
    public double update(long timestampNanos, double value) {
        if (!Double.isNaN(lastValue)) {
            double change = value - lastValue;
            if (change > minStep) {
                run = run > 0 ? run + 1 : 1;
            } else if (change < -minStep) {
                run = run < 0 ? run - 1 : -1;
            } else {
                run = 0;
            }
        }
        lastValue = value;
        return Math.abs(run);
    }

    @Override
    public boolean warmedUp() {
        return !Double.isNaN(lastValue);
    }

    @Override
    public double threshold() {
        return steps;
    }

    @Override
    public String describe(double score, double value) {
        return String.format(java.util.Locale.ROOT, "%d consecutive %s, now %.4g", (int) score,
                run >= 0 ? "rises" : "falls", value);
    }
}
