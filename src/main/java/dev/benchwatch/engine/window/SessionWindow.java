package dev.benchwatch.engine.window;

/**
 * A run of readings with no gap longer than {@code gap} between neighbours. The first reading after a
 * longer gap closes the session; triggers see the last closed session.
 */
public final class SessionWindow extends Window {
    private final long gapNanos;
    private final RunningStats open = new RunningStats();
    private final double[] closed = new double[Stat.values().length];
    private long closedStart;
    private long closedEnd;

    SessionWindow(WindowSpec spec, int channel) {
        super(spec, channel);
        this.gapNanos = spec.sizeNanos();
        java.util.Arrays.fill(closed, Double.NaN);
        closed[Stat.COUNT.ordinal()] = 0;
        closed[Stat.SUM.ordinal()] = 0;
    }

    @Override
    public WindowResult add(long timestampNanos, double value) {
        WindowResult result = null;
        if (open.count() > 0 && timestampNanos - open.lastTimestamp() > gapNanos) {
            open.copyTo(closed);
            closedStart = open.firstTimestamp();
            closedEnd = open.lastTimestamp();
            result = new WindowResult(id(), channel(), closedStart, closedEnd, closed.clone());
            open.reset();
        }
        open.add(timestampNanos, value);
        return result;
    }

    @Override
    public double value(Stat stat) {
        return closed[stat.ordinal()];
    }

    @Override
    public boolean isContinuous() {
        return false;
    }

    /** Statistics of the session still open. */
    public WindowStats openSession() {
        return open;
    }

    @Override
    public WindowResult current() {
        return new WindowResult(id(), channel(), closedStart, closedEnd, closed.clone());
    }
}
