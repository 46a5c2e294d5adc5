package dev.benchwatch.engine.detect;

/**
 * Two-sided CUSUM for level shifts and slow drift: small deviations that a z-score never flags add up. Each
 * reading is standardised against a baseline (mean and standard deviation of a preceding time window, in the
 * fixed memory of {@link BucketedWindowStats}); {@code S+ = max(0, S+ + z - k)} and
 * {@code S- = max(0, S- - z - k)}; the score is the larger sum, in standard deviations, and {@code h} is the
 * threshold.
 *
 * <p>The sums are capped at {@code 2h}: once the baseline window has absorbed a shift the sums drain again in
 * about {@code 2h / k} readings, so one shift is one excursion rather than an alarm that never ends.
 */
public final class CusumDetector implements Detector {
    /**
     * Time buckets of the baseline window: 5-minute buckets in the default 72 h baseline, the z-score's edge,
     * so 5-minute data sees exactly its window (288 buckets would move a few NAB detections by 5 minutes).
     */
    static final int BASELINE_BUCKETS = 3 * BucketedWindowStats.DEFAULT_BUCKETS;

    private final long baselineNanos;
    private final int minReadings;
    private final double k;
    private final double h;
    private final BucketedWindowStats baseline;
    private double upper;
    private double lower;

    /**
     * @param baselineNanos window the reference mean and deviation come from
     * @param minReadings   readings the baseline must hold before scores count
     * @param k             allowance (slack) per reading, in standard deviations (half the shift to detect)
     * @param h             decision threshold, in standard deviations
     */
    public CusumDetector(long baselineNanos, int minReadings, double k, double h) {
        Settings.requirePositive(baselineNanos, "baseline window");
        Settings.requireAtLeast(minReadings, 2, "warm-up readings");
        Settings.requireNonNegative(k, "drift allowance k");
        Settings.requirePositive(h, "threshold h");
        this.baselineNanos = baselineNanos;
        this.minReadings = minReadings;
        this.k = k;
        this.h = h;
        this.baseline = new BucketedWindowStats(baselineNanos, BASELINE_BUCKETS);
    }

    @Override
    public double update(long timestampNanos, double value) {
        baseline.slideTo(timestampNanos);
        double score = Double.NaN;
        if (baseline.count() >= 2) {
            double mean = baseline.mean();
            double z = Settings.deviations(value - mean, baseline.stddev(), mean) * Math.signum(value - mean);
            upper = Math.min(2 * h, Math.max(0, upper + z - k));
            lower = Math.min(2 * h, Math.max(0, lower - z - k));
            score = Math.max(upper, lower);
        }
        baseline.add(timestampNanos, value);
        return score;
    }

    @Override
    public boolean warmedUp() {
        return baseline.count() > minReadings;
    }

    @Override
    public double threshold() {
        return h;
    }

    /** The baseline's statistics, for tests of its memory. */
    BucketedWindowStats baseline() {
        return baseline;
    }

    @Override
    public String describe(double score, double value) {
        return String.format(java.util.Locale.ROOT, "level %s: cumulative deviation %.1f standard deviations from "
                + "the %s baseline mean %.4g", upper >= lower ? "rose" : "fell", score,
                Settings.duration(baselineNanos), baseline.mean());
    }
}
