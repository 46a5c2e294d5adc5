package dev.benchwatch.ui;

/**
 * Shares frames out among the views that refresh a few times a second (the gauges at 10 Hz, the device and
 * channel tables at 4 Hz): at most one of them repaints in any frame, the others wait a frame or two. On Prism's
 * software pipeline a frame that repaints the charts, sixteen tiles and two tables at once is the one that
 * misses its vsync; spread out, no frame carries more than the charts and one of them. JavaFX thread only.
 */
public final class FrameTurns {
    private long takenAt = Long.MIN_VALUE;

    /**
     * Takes the frame that started at {@code frameNanos} (the pulse's time, the same for every listener of a
     * frame): true for the first view to ask, false for the others in the same frame.
     */
    public boolean take(long frameNanos) {
        if (takenAt == frameNanos) {
            return false;
        }
        takenAt = frameNanos;
        return true;
    }
}
