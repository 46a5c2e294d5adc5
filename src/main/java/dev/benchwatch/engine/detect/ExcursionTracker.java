package dev.benchwatch.engine.detect;

/**
 * Turns a stream of scores into excursions with hysteresis: one excursion opens when a warmed-up score
 * reaches the threshold and stays open until the score falls below {@code clearRatio x threshold}, so a noisy
 * score hovering at the threshold is one event, not one per reading. NaN scores change nothing.
 */
public final class ExcursionTracker {
    /** Clear at three quarters of the threshold unless told otherwise. */
    public static final double DEFAULT_CLEAR_RATIO = 0.75;

    private final double clearRatio;
    private boolean open;
    private double peak;

    public ExcursionTracker() {
        this(DEFAULT_CLEAR_RATIO);
    }

    /** @param clearRatio fraction of the threshold below which an open excursion ends, in (0, 1] */
    public ExcursionTracker(double clearRatio) {
        if (!(clearRatio > 0 && clearRatio <= 1)) {
            throw new IllegalArgumentException("clear ratio must be in (0, 1], got " + clearRatio);
        }
        this.clearRatio = clearRatio;
    }

    /** Takes one score; true exactly when it opens a new excursion. */
    public boolean opens(double score, double threshold, boolean warmedUp) {
        if (Double.isNaN(score)) {
            return false;
        }
        if (open) {
            peak = Math.max(peak, score);
            if (score < clearRatio * threshold) {
                open = false;
            }
            return false;
        }
        if (warmedUp && score >= threshold) {
            open = true;
            peak = score;
            return true;
        }
        return false;
    }

    public boolean isOpen() {
        return open;
    }

    /** Highest score of the current (or last) excursion. */
    public double peak() {
        return peak;
    }
}
