package dev.benchwatch.engine.detect;

/**
 * Rolling z-score: how many standard deviations a reading lies from the mean of the readings in the preceding
 * time window. The reading is scored against the window before it joins, so a single outlier cannot dilute its
 * own score. Mean and deviation come from {@link BucketedWindowStats}: the window in 288 time buckets, so the
 * memory is fixed however fast the channel, and the window's edge moves a bucket (window / 288) at a time.
 */
public final class ZScoreDetector implements Detector {
    private final long windowNanos;
    private final int minReadings;
    private final double threshold;
    private final BucketedWindowStats stats;

    /**
     * @param windowNanos the look-back window
     * @param minReadings readings the window must hold before scores count (warm-up)
     * @param threshold   anomalous at or above this many standard deviations
     */
    public ZScoreDetector(long windowNanos, int minReadings, double threshold) {
        Settings.requirePositive(windowNanos, "window");
        Settings.requireAtLeast(minReadings, 2, "warm-up readings");
        Settings.requirePositive(threshold, "threshold");
        this.windowNanos = windowNanos;
        this.minReadings = minReadings;
        this.threshold = threshold;
        this.stats = new BucketedWindowStats(windowNanos, BucketedWindowStats.DEFAULT_BUCKETS);
    }

    @Override
    public double update(long timestampNanos, double value) {
        stats.slideTo(timestampNanos);
        double score = Double.NaN;
        if (stats.count() >= 2) {
            double mean = stats.mean();
            score = Settings.deviations(value - mean, stats.stddev(), mean);
        }
        stats.add(timestampNanos, value);
        return score;
    }

    @Override
    public boolean warmedUp() {
        return stats.count() > minReadings;
    }

    @Override
    public double threshold() {
        return threshold;
    }

    /** The window's statistics, for tests of its memory and precision. */
    BucketedWindowStats window() {
        return stats;
    }

    @Override
    public String describe(double score, double value) {
        return String.format(java.util.Locale.ROOT, "value %.4g is %.1f standard deviations from the %s mean %.4g",
                value, score, Settings.duration(windowNanos), stats.mean());
    }
}
