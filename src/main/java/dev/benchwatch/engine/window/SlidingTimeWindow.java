package dev.benchwatch.engine.window;

/** The readings of the last {@code size} nanoseconds of event time: (newest - size, newest]. */
public final class SlidingTimeWindow extends ContinuousWindow {
    private final long sizeNanos;
    private long newest = Long.MIN_VALUE;

    SlidingTimeWindow(WindowSpec spec, int channel) {
        super(spec, channel, 64);
        this.sizeNanos = spec.sizeNanos();
    }

    @Override
    public WindowResult add(long timestampNanos, double value) {
        // a late reading joins the window but never moves its end backwards
        if (timestampNanos > newest) {
            newest = timestampNanos;
        }
        stats.add(timestampNanos, value);
        stats.evictUpTo(newest - sizeNanos);
        return null;
    }
}
