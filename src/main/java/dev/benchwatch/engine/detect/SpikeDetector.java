package dev.benchwatch.engine.detect;

/**
 * Spike: the rate of change between consecutive readings, |dv/dt| in units per second, above a limit. The
 * limit is physical (a thermocouple cannot move 5 degrees a second), so it is set per sensor; readings with the
 * same timestamp are compared over one nanosecond rather than dividing by zero.
 */
public final class SpikeDetector implements Detector {
    private final double limitPerSecond;
    private long lastTimestamp;
    private double lastValue = Double.NaN;
    private double lastRate;

    /** @param limitPerSecond the largest credible rate of change, units per second */
    public SpikeDetector(double limitPerSecond) {
        Settings.requirePositive(limitPerSecond, "rate limit");
        this.limitPerSecond = limitPerSecond;
    }

    @Override
    public double update(long timestampNanos, double value) {
        double score = Double.NaN;
        if (!Double.isNaN(lastValue)) {
            long dt = Math.max(1, timestampNanos - lastTimestamp);
            lastRate = (value - lastValue) / (dt / 1e9);
            score = Math.abs(lastRate);
        }
        lastTimestamp = timestampNanos;
        lastValue = value;
        return score;
    }

    @Override
    public boolean warmedUp() {
        return !Double.isNaN(lastValue);
    }

    @Override
    public double threshold() {
        return limitPerSecond;
    }

    @Override
    public String describe(double score, double value) {
        return String.format(java.util.Locale.ROOT, "value %s at %.4g per minute to %.4g (limit %.4g per minute)",
                lastRate >= 0 ? "jumped" : "dropped", Math.abs(lastRate) * 60, value, limitPerSecond * 60);
    }
}
