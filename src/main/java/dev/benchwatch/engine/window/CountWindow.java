package dev.benchwatch.engine.window;

/** The last N readings of a channel. */
public final class CountWindow extends ContinuousWindow {
    private final int size;

    CountWindow(WindowSpec spec, int channel) {
        super(spec, channel, spec.count() + 1);
        this.size = spec.count();
    }

    @Override
    public WindowResult add(long timestampNanos, double value) {
        stats.add(timestampNanos, value);
        if (stats.count() > size) {
            stats.evictOldest();
        }
        return null;
    }
}
