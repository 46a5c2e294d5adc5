package dev.benchwatch.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A channel's recent readings in two preallocated primitive arrays (16 bytes per reading), kept by count
 * (the capacity) and by age (readings older than {@code maxAgeNanos} behind the newest are dropped).
 *
 * <p>Written by the engine thread only. Other threads read with {@link #copyTo}, which detects a
 * concurrent overwrite through the sequence counters and retries, so readers never block the writer.
 */
public final class ChannelHistory {
    private static final VarHandle HEAD;
    private static final VarHandle TAIL;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HEAD = lookup.findVarHandle(ChannelHistory.class, "head", long.class);
            TAIL = lookup.findVarHandle(ChannelHistory.class, "tail", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long[] timestamps;
    private final double[] values;
    private final long maxAgeNanos;
    @SuppressWarnings("unused") // accessed through HEAD
    private long head; // sequence of the oldest retained reading
    @SuppressWarnings("unused") // accessed through TAIL
    private long tail; // sequence after the newest reading
    // engine-thread copies of head % capacity and tail % capacity, to avoid a division per reading
    private int headIndex;
    private int tailIndex;

    /**
     * @param capacity    readings kept at most
     * @param maxAgeNanos readings older than this behind the newest are dropped; 0 keeps them by count only
     */
    public ChannelHistory(int capacity, long maxAgeNanos) {
        if (capacity < 1) {
            throw new IllegalArgumentException("history capacity must be >= 1, got " + capacity);
        }
        if (maxAgeNanos < 0) {
            throw new IllegalArgumentException("history max age must be >= 0, got " + maxAgeNanos);
        }
        this.timestamps = new long[capacity];
        this.values = new double[capacity];
        this.maxAgeNanos = maxAgeNanos;
    }

    public int capacity() {
        return values.length;
    }

    /** Engine thread only. */
    public void append(long timestampNanos, double value) {
        long t = (long) TAIL.getOpaque(this);
        long h = (long) HEAD.getOpaque(this);
        int capacity = values.length;
        if (t - h == capacity) {
            h++;
            headIndex = headIndex + 1 == capacity ? 0 : headIndex + 1;
        }
        timestamps[tailIndex] = timestampNanos;
        values[tailIndex] = value;
        tailIndex = tailIndex + 1 == capacity ? 0 : tailIndex + 1;
        t++;
        if (maxAgeNanos > 0) {
            long cutoff = timestampNanos - maxAgeNanos;
            while (h < t && timestamps[headIndex] < cutoff) {
                h++;
                headIndex = headIndex + 1 == capacity ? 0 : headIndex + 1;
            }
        }
        // head first: a reader that sees the new tail also sees the advanced head
        HEAD.setRelease(this, h);
        TAIL.setRelease(this, t);
    }

    public int size() {
        long t = (long) TAIL.getAcquire(this);
        long h = (long) HEAD.getAcquire(this);
        return (int) (t - h);
    }

    /** Total readings ever appended. */
    public long appended() {
        return (long) TAIL.getAcquire(this);
    }

    /**
     * Copies the retained readings, oldest first, into the arrays (which must be at least
     * {@link #capacity()} long). Safe from any thread; returns how many were copied.
     */
    public int copyTo(long[] timestampsOut, double[] valuesOut) {
        while (true) {
            long t = (long) TAIL.getAcquire(this);
            long h = (long) HEAD.getAcquire(this);
            int n = (int) (t - h);
            for (int i = 0; i < n; i++) {
                int index = (int) ((h + i) % values.length);
                timestampsOut[i] = timestamps[index];
                valuesOut[i] = values[index];
            }
            VarHandle.acquireFence();
            // slots with a sequence below tail - capacity were overwritten while we copied: retry
            if ((long) TAIL.getAcquire(this) - values.length <= h) {
                return n;
            }
        }
    }

    /** Latest value, NaN when empty. */
    public double latest() {
        long t = (long) TAIL.getAcquire(this);
        long h = (long) HEAD.getAcquire(this);
        return t == h ? Double.NaN : values[(int) ((t - 1) % values.length)];
    }
}
