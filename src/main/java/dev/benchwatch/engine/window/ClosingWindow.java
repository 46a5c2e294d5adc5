package dev.benchwatch.engine.window;

import java.util.Arrays;

/**
 * A window that fills and then closes (tumbling buckets, sessions). Triggers see the last closed one,
 * never a half-filled one.
 */
public abstract sealed class ClosingWindow extends Window permits TumblingTimeWindow, SessionWindow {
    protected final RunningStats open = new RunningStats();
    private final double[] closed = new double[Stat.values().length];
    private long closedStart;
    private long closedEnd;
    private boolean hasClosed;

    ClosingWindow(WindowSpec spec, int channel) {
        super(spec, channel);
        Arrays.fill(closed, Double.NaN);
        closed[Stat.COUNT.ordinal()] = 0;
        closed[Stat.SUM.ordinal()] = 0;
    }

    /** Closes the open window over [start, end], starts a new one, and returns the closed window's result. */
    protected WindowResult closeOpen(long startNanos, long endNanos) {
        open.copyTo(closed);
        closedStart = startNanos;
        closedEnd = endNanos;
        hasClosed = true;
        open.reset();
        return new WindowResult(id(), channel(), startNanos, endNanos, closed.clone());
    }

    @Override
    public double value(Stat stat) {
        return closed[stat.ordinal()];
    }

    @Override
    public boolean isContinuous() {
        return false;
    }

    /** Statistics of the window still filling. */
    public WindowStats openWindow() {
        return open;
    }

    public boolean hasClosed() {
        return hasClosed;
    }

    @Override
    public WindowResult current() {
        return new WindowResult(id(), channel(), closedStart, closedEnd, closed.clone());
    }
}
