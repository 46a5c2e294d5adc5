package dev.benchwatch.engine.window;

/** The last N readings of a channel. */
public final class CountWindow extends Window {
    private final int size;
    private final SlidingStats stats;

    CountWindow(WindowSpec spec, int channel) {
        super(spec, channel);
        this.size = spec.count();
        this.stats = new SlidingStats(size + 1);
    }

    @Override
    public WindowResult add(long timestampNanos, double value) {
        stats.add(timestampNanos, value);
        if (stats.count() > size) {
            stats.evictOldest();
        }
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
}
