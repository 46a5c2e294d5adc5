package dev.benchwatch.engine.detect;

/**
 * Default settings of every detector, as named constants in one place. Chosen on the NAB recordings (see
 * docs/DETECTORS.md for the table they produce); change them there and in the evaluation test together.
 */
public final class Defaults {
    private static final long MINUTE = 60_000_000_000L;
    private static final long HOUR = 60 * MINUTE;

    public static final long ZSCORE_WINDOW = 24 * HOUR;
    public static final int ZSCORE_WARMUP = 12;
    public static final double ZSCORE_THRESHOLD = 4;

    public static final long EWMA_HALF_LIFE = 3 * HOUR;
    public static final int EWMA_WARMUP = 24;
    public static final double EWMA_THRESHOLD = 4;

    public static final int MAD_WINDOW = 48;
    public static final double MAD_THRESHOLD = 6;

    public static final long CUSUM_BASELINE = 72 * HOUR;
    public static final int CUSUM_WARMUP = 12;
    public static final double CUSUM_K = 0.5;
    public static final double CUSUM_H = 8;

    public static final double FLATLINE_EPSILON = 1e-9;
    public static final long FLATLINE_DURATION = 6 * HOUR;

    public static final long DROPOUT_DURATION = 3 * HOUR;

    public static final double SPIKE_LIMIT_PER_SECOND = 1.2 / 60;

    public static final int TREND_STEPS = 9;
    public static final double TREND_MIN_STEP = 0;

    private Defaults() {
    }
}
