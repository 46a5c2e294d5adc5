package dev.benchwatch.engine.window;

/**
 * Back-to-back buckets [k*size, (k+1)*size) of event time. A bucket closes when the first reading of a
 * later bucket arrives.
 */
public final class TumblingTimeWindow extends ClosingWindow {
    private final long sizeNanos;
    private long openBucket = Long.MIN_VALUE;

    TumblingTimeWindow(WindowSpec spec, int channel) {
        super(spec, channel);
        this.sizeNanos = spec.sizeNanos();
    }

    @Override
    public WindowResult add(long timestampNanos, double value) {
        long bucket = Math.floorDiv(timestampNanos, sizeNanos);
        WindowResult result = null;
        if (bucket > openBucket) {
            if (open.count() > 0) {
                long start = openBucket * sizeNanos;
                result = closeOpen(start, start + sizeNanos);
            }
            openBucket = bucket;
        }
        // a late reading for an already-closed bucket is folded into the open one
        open.add(timestampNanos, value);
        return result;
    }

    /** Statistics of the bucket still filling. */
    public WindowStats openBucket() {
        return openWindow();
    }

    public boolean hasClosedBucket() {
        return hasClosed();
    }
}
