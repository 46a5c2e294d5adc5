package dev.benchwatch.record;

import dev.benchwatch.engine.ReadingTap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hand-off from the engine thread to the recorder thread: a preallocated single-producer,
 * single-consumer ring of primitive slots. The engine thread (the only producer, through
 * {@link #accepted}) never waits and never allocates: when the ring is full the reading is counted as lost
 * and dropped, because a recording must never slow the engine down. The recorder thread (the only
 * consumer) copies readings out in batches with {@link #drainTo}.
 *
 * <p>The derived flag travels in the channel word ({@code ~channel} for a pipeline's output), so a slot is
 * three primitives: 20 bytes.
 */
final class ReadingRing implements ReadingTap {
    private final int capacity;
    private final int mask;
    private final int[] channels;
    private final long[] timestamps;
    private final double[] values;
    private final AtomicLong head = new AtomicLong(); // next slot to write; written by the producer only
    private final AtomicLong tail = new AtomicLong(); // next slot to read; written by the consumer only
    private final AtomicLong lost = new AtomicLong(); // written by the producer only
    private long cachedTail; // producer only: saves reading the consumer's counter on every offer

    ReadingRing(int capacity) {
        if (capacity < 2 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("ring capacity must be a power of two >= 2, got " + capacity);
        }
        this.capacity = capacity;
        this.mask = capacity - 1;
        channels = new int[capacity];
        timestamps = new long[capacity];
        values = new double[capacity];
    }

    /** Engine thread: takes the reading, or counts it as lost when the ring is full. Never blocks. */
    @Override
    public void accepted(int channel, long timestampNanos, double value, boolean derived) {
        long h = head.getPlain();
        if (h - cachedTail >= capacity) {
            cachedTail = tail.getAcquire();
            if (h - cachedTail >= capacity) {
                lost.setRelease(lost.getPlain() + 1);
                return;
            }
        }
        int i = (int) h & mask;
        channels[i] = derived ? ~channel : channel;
        timestamps[i] = timestampNanos;
        values[i] = value;
        head.setRelease(h + 1);
    }

    /**
     * Recorder thread: copies up to {@code max} readings out and frees their slots. A channel word below 0
     * is a derived reading on channel {@code ~word}. Returns how many were copied.
     */
    int drainTo(int[] channelWords, long[] ts, double[] vs, int max) {
        long t = tail.getPlain();
        int n = (int) Math.min(Math.min(head.getAcquire() - t, max), channelWords.length);
        for (int k = 0; k < n; k++) {
            int i = (int) (t + k) & mask;
            channelWords[k] = channels[i];
            ts[k] = timestamps[i];
            vs[k] = values[i];
        }
        tail.setRelease(t + n);
        return n;
    }

    /** Readings the producer handed over: those taken plus those lost. */
    long offered() {
        return head.getAcquire() + lost.getAcquire();
    }

    /** Readings dropped because the ring was full. */
    long lost() {
        return lost.getAcquire();
    }

    /** Readings waiting for the recorder thread. */
    int size() {
        return (int) (head.getAcquire() - tail.getAcquire());
    }

    int capacity() {
        return capacity;
    }
}
