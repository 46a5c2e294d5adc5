package dev.benchwatch.engine.window;

/**
 * One window on one channel, updated by the engine thread with every reading of that channel.
 * {@link #value(Stat)} is what triggers and aggregate operators see.
 */
public abstract sealed class Window permits ContinuousWindow, ClosingWindow {
    private final WindowSpec spec;
    private final int channel;

    protected Window(WindowSpec spec, int channel) {
        this.spec = spec;
        this.channel = channel;
    }

    public static Window create(WindowSpec spec, int channel) {
        return switch (spec.kind()) {
            case SLIDING_TIME -> new SlidingTimeWindow(spec, channel);
            case COUNT -> new CountWindow(spec, channel);
            case TUMBLING_TIME -> new TumblingTimeWindow(spec, channel);
            case SESSION -> new SessionWindow(spec, channel);
        };
    }

    public WindowSpec spec() {
        return spec;
    }

    public String id() {
        return spec.id();
    }

    public int channel() {
        return channel;
    }

    /**
     * Adds a reading. Returns the result of a window that this reading closed (a tumbling bucket or a
     * session), or null. Sliding and count windows never close.
     */
    public abstract WindowResult add(long timestampNanos, double value);

    /** The statistic as triggers see it: current contents, or the last closed bucket/session. */
    public abstract double value(Stat stat);

    /** True for windows whose {@link #value} changes with every reading (sliding and count). */
    public abstract boolean isContinuous();

    /** The statistics as they are now (for snapshots); allocates. */
    public abstract WindowResult current();
}
