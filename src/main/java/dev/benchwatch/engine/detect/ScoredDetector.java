package dev.benchwatch.engine.detect;

/**
 * A detector bound to one channel inside the engine: keeps the latest score for trigger conditions to read
 * (NaN until warmed up) and the excursion state for ANOMALY_DETECTED events. Lives on the engine thread.
 */
public final class ScoredDetector {
    private final DetectorKind kind;
    private final long windowNanos;
    private final Detector detector;
    /** Fixed at construction for every detector: read once here rather than through an interface call per reading. */
    private final double threshold;
    private final ExcursionTracker excursion = new ExcursionTracker();
    private double score = Double.NaN;
    private boolean warmedUp;
    private boolean reportsEvents;

    /** @param windowNanos the detector's time setting, 0 for its default ({@link DetectorKind#create(long)}) */
    public ScoredDetector(DetectorKind kind, long windowNanos) {
        this.kind = kind;
        this.windowNanos = Math.max(0, windowNanos);
        this.detector = kind.create(this.windowNanos);
        this.threshold = detector.threshold();
    }

    /** Takes a reading; true when it opens an excursion (an anomaly to report). */
    public boolean update(long timestampNanos, double value) {
        double s = updateByKind(timestampNanos, value);
        score = warmedUp ? s : Double.NaN;
        return excursion.opens(s, threshold, warmedUp);
    }

    /**
     * The detector's update and warm-up through its own class rather than the interface: a channel's detectors of
     * eight kinds make every interface call here megamorphic (a dispatch stub per call, nothing inlined), while
     * one jump on the kind leads to calls the JIT binds statically and inlines. Sets {@link #warmedUp}.
     */
    private double updateByKind(long t, double v) {
        double s;
        switch (kind) {
            case ZSCORE -> {
                ZScoreDetector d = (ZScoreDetector) detector;
                s = d.update(t, v);
                warmedUp = d.warmedUp();
            }
            case EWMA -> {
                EwmaDetector d = (EwmaDetector) detector;
                s = d.update(t, v);
                warmedUp = d.warmedUp();
            }
            case MAD -> {
                MadDetector d = (MadDetector) detector;
                s = d.update(t, v);
                warmedUp = d.warmedUp();
            }
            case CUSUM -> {
                CusumDetector d = (CusumDetector) detector;
                s = d.update(t, v);
                warmedUp = d.warmedUp();
            }
            case FLATLINE -> {
                FlatlineDetector d = (FlatlineDetector) detector;
                s = d.update(t, v);
                warmedUp = d.warmedUp();
            }
            case DROPOUT -> {
                DropoutDetector d = (DropoutDetector) detector;
                s = d.update(t, v);
                warmedUp = d.warmedUp();
            }
            case SPIKE -> {
                SpikeDetector d = (SpikeDetector) detector;
                s = d.update(t, v);
                warmedUp = d.warmedUp();
            }
            case TREND -> {
                TrendDetector d = (TrendDetector) detector;
                s = d.update(t, v);
                warmedUp = d.warmedUp();
            }
            default -> throw new IllegalStateException("no dispatch for " + kind);
        }
        return s;
    }

    /** The latest score; NaN before warm-up (NaN compares false in every condition). */
    public double score() {
        return score;
    }

    public DetectorKind kind() {
        return kind;
    }

    public long windowNanos() {
        return windowNanos;
    }

    public boolean matches(DetectorKind otherKind, long otherWindowNanos) {
        return kind == otherKind && windowNanos == Math.max(0, otherWindowNanos);
    }

    public double threshold() {
        return threshold;
    }

    public String describe(double value) {
        return detector.describe(score, value);
    }

    /** Whether excursions become ANOMALY_DETECTED events (set by {@code Engine.addDetector}). */
    public boolean reportsEvents() {
        return reportsEvents;
    }

    public void reportEvents() {
        reportsEvents = true;
    }
}
