package dev.benchwatch.engine.window;

/**
 * A run of readings with no gap longer than {@code gap} between neighbours. The first reading after a
 * longer gap closes the session.
 */
public final class SessionWindow extends ClosingWindow {
    private final long gapNanos;

    SessionWindow(WindowSpec spec, int channel) {
        super(spec, channel);
        this.gapNanos = spec.sizeNanos();
    }

    @Override
    public WindowResult add(long timestampNanos, double value) {
        WindowResult result = null;
        if (open.count() > 0 && timestampNanos - open.lastTimestamp() > gapNanos) {
            result = closeOpen(open.firstTimestamp(), open.lastTimestamp());
        }
        open.add(timestampNanos, value);
        return result;
    }

    /** Statistics of the session still open. */
    public WindowStats openSession() {
        return openWindow();
    }
}
