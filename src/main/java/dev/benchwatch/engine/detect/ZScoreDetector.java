package dev.benchwatch.engine.detect;

import dev.benchwatch.engine.window.SlidingStats;
import dev.benchwatch.engine.window.Stat;

/**
 * Rolling z-score: how many standard deviations a reading lies from the mean of the readings in the preceding
 * time window. The reading is scored against the window before it joins, so a single outlier cannot dilute its
 * own score. Mean and deviation come from {@link SlidingStats} (the engine's own O(1) sliding window).
 */
public final class ZScoreDetector implements Detector {
    private final long windowNanos;
    private final int minReadings;
    private final double threshold;
    private final SlidingStats stats = new SlidingStats(64);

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
    }

    @Override
    public double update(long timestampNanos, double value) {
        stats.evictUpTo(timestampNanos - windowNanos);
        double score = Double.NaN;
        if (stats.count() >= 2) {
            score = Settings.deviations(value - stats.get(Stat.MEAN), stats.get(Stat.STDDEV), stats.get(Stat.MEAN));
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

    @Override
    public String describe(double score, double value) {
        return String.format(java.util.Locale.ROOT, "value %.4g is %.1f standard deviations from the %s mean %.4g",
                value, score, Settings.duration(windowNanos), stats.get(Stat.MEAN));
    }
}
