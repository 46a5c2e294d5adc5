package dev.benchwatch.engine.detect;

/**
 * Deviation from an exponentially weighted moving average, in units of the exponentially weighted standard
 * deviation. Needs no window at all (two doubles of state), and forgets by time rather than by count: the weight
 * of a reading halves every {@code halfLife} of event time, so irregular sampling does not skew it.
 */
public final class EwmaDetector implements Detector {
    private static final double MINUS_LN_2 = -Math.log(2);

    private final double halfLifeNanos;
    private final int warmUp;
    private final double threshold;
    private double mean;
    private double variance;
    private long lastTimestamp;
    private long seen;
    /** The weight of the last step and its time: regular sampling repeats the step, and the exp() need not be. */
    private long lastStepNanos = -1;
    private double lastStepWeight;

    /**
     * @param halfLifeNanos event time over which a reading's weight halves
     * @param warmUp        readings before scores count
     * @param threshold     anomalous at or above this many (weighted) standard deviations
     */
    public EwmaDetector(long halfLifeNanos, int warmUp, double threshold) {
        Settings.requirePositive(halfLifeNanos, "half-life");
        Settings.requireAtLeast(warmUp, 2, "warm-up readings");
        Settings.requirePositive(threshold, "threshold");
        this.halfLifeNanos = halfLifeNanos;
        this.warmUp = warmUp;
        this.threshold = threshold;
    }

    @Override
    public double update(long timestampNanos, double value) {
        if (seen == 0) {
            mean = value;
            variance = 0;
            lastTimestamp = timestampNanos;
            seen = 1;
            return Double.NaN;
        }
        double deviation = value - mean;
        double score = seen >= 2 ? Settings.deviations(deviation, Math.sqrt(variance), mean) : Double.NaN;
        long dt = Math.max(0, timestampNanos - lastTimestamp);
        double alpha = weightOfStep(dt);
        if (seen < warmUp) {
            // during warm-up, at least the plain running mean's weight: the first estimate is then a good one
            alpha = Math.max(alpha, 1.0 / (seen + 1));
        }
        mean += alpha * deviation;
        variance = (1 - alpha) * (variance + alpha * deviation * deviation);
        lastTimestamp = Math.max(lastTimestamp, timestampNanos);
        seen++;
        return score;
    }

    /** The weight a reading {@code dt} after the previous one gets: 1 - 2^(-dt / half-life). */
    private double weightOfStep(long dt) {
        if (dt != lastStepNanos) {
            lastStepNanos = dt;
            lastStepWeight = 1 - Math.exp(MINUS_LN_2 * dt / halfLifeNanos);
        }
        return lastStepWeight;
    }

    @Override
    public boolean warmedUp() {
        return seen > warmUp;
    }

    @Override
    public double threshold() {
        return threshold;
    }

    @Override
    public String describe(double score, double value) {
        return String.format(java.util.Locale.ROOT, "value %.4g is %.1f weighted standard deviations from the "
                + "moving average %.4g (half-life %s)", value, score, mean, Settings.duration((long) halfLifeNanos));
    }
}
