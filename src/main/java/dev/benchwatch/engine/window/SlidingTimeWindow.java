package dev.benchwatch.engine.window;

/** The readings of the last {@code size} nanoseconds of event time: (newest - size, newest]. */
public final class SlidingTimeWindow extends Window {
    private final long sizeNanos;
    private final SlidingStats stats = new SlidingStats(64);
    private long newest = Long.MIN_VALUE;

    SlidingTimeWindow(WindowSpec spec, int channel) {
        super(spec, channel);
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

    @Override
    public double value(Stat stat) {
        return stats.get(stat);
    }

    @Override
    public boolean isContinuous() {
        return true;
    }

    @Override
    public WindowResult current() {
        double[] out = new double[Stat.values().length];
        stats.copyTo(out);
        long count = stats.count();
        return new WindowResult(id(), channel(), count == 0 ? 0 : stats.oldestTimestamp(),
                count == 0 ? 0 : stats.newestTimestamp(), out);
    }

    /** For tests and memory accounting. */
    public SlidingStats stats() {
        return stats;
    }
}
