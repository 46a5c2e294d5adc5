package dev.benchwatch.ui.chart;

/**
 * The chart's visible time range and whether it follows the newest data. Following, the range is the
 * last {@code span} ns up to the newest point; zooming, panning or pausing freezes it where it is (data
 * keeps arriving, off screen); {@link #follow()} goes back to the live edge with the span in use, and
 * {@link #reset()} also restores the default span. Pure state, in ns; no JavaFX.
 */
public final class TimeViewport {
    /** Zooming stops at 1 µs across the plot, and at 30 days. */
    static final long MIN_SPAN = 1_000L;
    static final long MAX_SPAN = 30L * 24 * 3600 * 1_000_000_000L;

    private long defaultSpan;
    private long span;
    private long start;
    private long end;
    private boolean following = true;

    public TimeViewport(long defaultSpanNanos) {
        setDefaultSpan(defaultSpanNanos);
        span = defaultSpan;
        end = 0;
        start = -span;
    }

    public void setDefaultSpan(long spanNanos) {
        if (spanNanos < MIN_SPAN || spanNanos > MAX_SPAN) {
            throw new IllegalArgumentException("time span must be in " + MIN_SPAN + ".." + MAX_SPAN + " ns, got "
                    + spanNanos);
        }
        defaultSpan = spanNanos;
    }

    public long defaultSpan() {
        return defaultSpan;
    }

    /**
     * While following, moves the range so it ends at {@code newestTime} (plus nothing: the newest point is
     * drawn at the right edge). Returns whether the range changed.
     */
    public boolean track(long newestTime) {
        if (!following) {
            return false;
        }
        long newEnd = newestTime + 1;
        if (newEnd == end && end - start == span) {
            return false;
        }
        end = newEnd;
        start = end - span;
        return true;
    }

    /** Back to following the live edge, keeping the span. */
    public void follow() {
        following = true;
    }

    /** Stops following: the range stays where it is. */
    public void freeze() {
        following = false;
    }

    /** Back to following with the default span. */
    public void reset() {
        span = defaultSpan;
        start = end - span;
        following = true;
    }

    /**
     * Zooms by {@code factor} (below 1 zooms in) keeping {@code anchorTime} at the same place on screen;
     * stops following.
     */
    public void zoom(double factor, long anchorTime) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("zoom factor must be > 0, got " + factor);
        }
        long newSpan = Math.max(MIN_SPAN, Math.min(MAX_SPAN, Math.round(span * factor)));
        double anchorFraction = (double) (anchorTime - start) / span;
        anchorFraction = Math.max(0, Math.min(1, anchorFraction));
        start = anchorTime - Math.round(newSpan * anchorFraction);
        end = start + newSpan;
        span = newSpan;
        following = false;
    }

    /** Moves the range by {@code deltaNanos} (positive: later); stops following. */
    public void pan(long deltaNanos) {
        start += deltaNanos;
        end += deltaNanos;
        following = false;
    }

    /** Shows exactly [startTime, endTime); stops following. */
    public void show(long startTime, long endTime) {
        if (endTime - startTime < MIN_SPAN) {
            throw new IllegalArgumentException("time range must span at least " + MIN_SPAN + " ns: " + startTime
                    + " .. " + endTime);
        }
        start = startTime;
        end = endTime;
        span = endTime - startTime;
        following = false;
    }

    public boolean following() {
        return following;
    }

    public long start() {
        return start;
    }

    public long end() {
        return end;
    }

    public long span() {
        return span;
    }
}
