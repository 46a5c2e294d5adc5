package dev.benchwatch.engine.window;

/** A window whose statistics change with every reading (sliding time and count windows). */
public abstract sealed class ContinuousWindow extends Window permits SlidingTimeWindow, CountWindow {
    protected final SlidingStats stats;

    ContinuousWindow(WindowSpec spec, int channel, int initialCapacity) {
        super(spec, channel);
        this.stats = new SlidingStats(initialCapacity);
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
        boolean empty = stats.count() == 0;
        return new WindowResult(id(), channel(), empty ? 0 : stats.oldestTimestamp(),
                empty ? 0 : stats.newestTimestamp(), out);
    }

    /** For tests and memory accounting. */
    public SlidingStats stats() {
        return stats;
    }
}
