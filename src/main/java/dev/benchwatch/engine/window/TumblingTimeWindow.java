package dev.benchwatch.engine.window;

/**
 * Back-to-back buckets [k*size, (k+1)*size) of event time. A bucket closes when the first reading of a
 * later bucket arrives; triggers see the last closed bucket, never a half-filled one.
 */
public final class TumblingTimeWindow extends Window {
    private final long sizeNanos;
    private final RunningStats open = new RunningStats();
    private long openBucket = Long.MIN_VALUE;
    private final double[] closed = new double[Stat.values().length];
    private long closedStart;
    private boolean hasClosed;

    TumblingTimeWindow(WindowSpec spec, int channel) {
        super(spec, channel);
        this.sizeNanos = spec.sizeNanos();
        java.util.Arrays.fill(closed, Double.NaN);
        closed[Stat.COUNT.ordinal()] = 0;
        closed[Stat.SUM.ordinal()] = 0;
    }

    @Override
    public WindowResult add(long timestampNanos, double value) {
        long bucket = Math.floorDiv(timestampNanos, sizeNanos);
        WindowResult result = null;
        if (bucket > openBucket) {
            if (open.count() > 0) {
                open.copyTo(closed);
                closedStart = openBucket * sizeNanos;
                hasClosed = true;
                result = new WindowResult(id(), channel(), closedStart, closedStart + sizeNanos, closed.clone());
            }
            open.reset();
            openBucket = bucket;
        }
        // a late reading for an already-closed bucket is folded into the open one
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

    /** Statistics of the bucket still filling. */
    public WindowStats openBucket() {
        return open;
    }

    public boolean hasClosedBucket() {
        return hasClosed;
    }

    @Override
    public WindowResult current() {
        return new WindowResult(id(), channel(), closedStart, closedStart + sizeNanos, closed.clone());
    }
}
