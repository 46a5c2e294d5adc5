package dev.benchwatch.engine.detect;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The detectors by the names users type ({@code --detector zscore,cusum}, {@code zscore(ch, 1h)}), each with
 * its default settings. The defaults were chosen by replaying the two NAB recordings (docs/DETECTORS.md,
 * {@code NabDetectorEvaluationTest} asserts the resulting table), so they suit slow physical signals sampled
 * every few minutes to an hour.
 */
public enum DetectorKind {
    ZSCORE("zscore", "rolling z-score", () -> new ZScoreDetector(Defaults.ZSCORE_WINDOW, Defaults.ZSCORE_WARMUP,
            Defaults.ZSCORE_THRESHOLD)),
    EWMA("ewma", "deviation from a moving average", () -> new EwmaDetector(Defaults.EWMA_HALF_LIFE,
            Defaults.EWMA_WARMUP, Defaults.EWMA_THRESHOLD)),
    MAD("mad", "robust deviation (median / MAD)", () -> new MadDetector(Defaults.MAD_WINDOW, Defaults.MAD_THRESHOLD)),
    CUSUM("cusum", "level shift or drift (CUSUM)", () -> new CusumDetector(Defaults.CUSUM_BASELINE,
            Defaults.CUSUM_WARMUP, Defaults.CUSUM_K, Defaults.CUSUM_H)),
    FLATLINE("flatline", "stuck sensor", () -> new FlatlineDetector(Defaults.FLATLINE_EPSILON, Defaults.FLATLINE_DURATION)),
    DROPOUT("dropout", "no reading", () -> new DropoutDetector(Defaults.DROPOUT_DURATION)),
    SPIKE("spike", "rate of change above a limit", () -> new SpikeDetector(Defaults.SPIKE_LIMIT_PER_SECOND)),
    TREND("trend", "monotonic trend", () -> new TrendDetector(Defaults.TREND_STEPS, Defaults.TREND_MIN_STEP));

    private final String id;
    private final String title;
    private final Supplier<Detector> withDefaults;

    DetectorKind(String id, String title, Supplier<Detector> withDefaults) {
        this.id = id;
        this.title = title;
        this.withDefaults = withDefaults;
    }

    /** The name users type. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** A new detector with the default settings. */
    public Detector create() {
        return withDefaults.get();
    }

    /**
     * A new detector whose time setting is {@code windowNanos} (0 for the default): the look-back window of
     * {@code zscore}, the half-life of {@code ewma}, the baseline of {@code cusum}, the duration of
     * {@code flatline} and {@code dropout}. {@code mad}, {@code spike} and {@code trend} have no time setting.
     */
    public Detector create(long windowNanos) {
        if (windowNanos <= 0) {
            return create();
        }
        return switch (this) {
            case ZSCORE -> new ZScoreDetector(windowNanos, Defaults.ZSCORE_WARMUP, Defaults.ZSCORE_THRESHOLD);
            case EWMA -> new EwmaDetector(windowNanos, Defaults.EWMA_WARMUP, Defaults.EWMA_THRESHOLD);
            case CUSUM -> new CusumDetector(windowNanos, Defaults.CUSUM_WARMUP, Defaults.CUSUM_K, Defaults.CUSUM_H);
            case FLATLINE -> new FlatlineDetector(Defaults.FLATLINE_EPSILON, windowNanos);
            case DROPOUT -> new DropoutDetector(windowNanos);
            case MAD, SPIKE, TREND -> throw new IllegalArgumentException(id + " takes no time window; write " + id
                    + "(channel)");
        };
    }

    /** Whether {@link #create(long)} accepts a time window. */
    public boolean takesWindow() {
        return this != MAD && this != SPIKE && this != TREND;
    }

    /** The kind named {@code name} (case-insensitive), or an error listing the names there are. */
    public static DetectorKind parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (DetectorKind kind : values()) {
            if (kind.id.equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown detector '" + name + "'; expected one of " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(DetectorKind::id).collect(Collectors.joining(", "));
    }
}
