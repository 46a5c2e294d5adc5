package dev.benchwatch.engine.ingest;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A bounded, lock-free multi-producer queue of readings stored in preallocated primitive slots
 * (Dmitry Vyukov's bounded MPMC algorithm). Producers never allocate; {@link #offer} returns false
 * instead of blocking. It is multi-consumer too, which is what lets a producer under
 * {@link OverloadPolicy#DROP_OLDEST} discard the oldest reading itself.
 */
public final class ReadingLane {
    private final int mask;
    private final AtomicLongArray sequence;
    private final int[] channels;
    private final long[] timestamps;
    private final double[] values;
    private final long[] ingestTimes;
    private final AtomicLong tail = new AtomicLong();
    private final AtomicLong head = new AtomicLong();

    /** @param capacity rounded up to a power of two, at least 2 */
    public ReadingLane(int capacity) {
        if (capacity < 2 || capacity > (1 << 28)) {
            throw new IllegalArgumentException("lane capacity must be between 2 and 2^28, got " + capacity);
        }
        int size = Integer.highestOneBit(capacity - 1) << 1;
        mask = size - 1;
        sequence = new AtomicLongArray(size);
        for (int i = 0; i < size; i++) {
            sequence.set(i, i);
        }
        channels = new int[size];
        timestamps = new long[size];
        values = new double[size];
        ingestTimes = new long[size];
    }

    public int capacity() {
        return mask + 1;
    }

    /** Adds a reading; false when the lane is full. */
    public boolean offer(int channel, long timestampNanos, double value, long ingestNanoTime) {
        long pos = tail.get();
        while (true) {
            int index = (int) pos & mask;
            long dif = sequence.get(index) - pos;
            if (dif == 0) {
                if (tail.compareAndSet(pos, pos + 1)) {
                    channels[index] = channel;
                    timestamps[index] = timestampNanos;
                    values[index] = value;
                    ingestTimes[index] = ingestNanoTime;
                    sequence.lazySet(index, pos + 1);
                    return true;
                }
                pos = tail.get();
            } else if (dif < 0) {
                return false;
            } else {
                pos = tail.get();
            }
        }
    }

    /**
     * Adds up to {@code n} readings from the arrays, starting at {@code from}, claiming their slots with one
     * compare-and-set: as many as are free in a row (at least one unless the lane is full). Returns how many
     * were added; 0 when the lane is full.
     */
    public int offerBatch(int[] channelsIn, long[] timestampsIn, double[] valuesIn, long ingestNanoTime, int from,
                          int n) {
        while (true) {
            long pos = tail.get();
            long first = sequence.get((int) pos & mask) - pos;
            if (first < 0) {
                return 0;
            }
            if (first > 0) {
                continue; // another producer moved the tail
            }
            // every slot is checked, not just the last: a discard racing the engine's drain may release a
            // later slot before an earlier one
            int free = 1;
            while (free < n && sequence.get((int) (pos + free) & mask) == pos + free) {
                free++;
            }
            if (tail.compareAndSet(pos, pos + free)) {
                for (int i = 0; i < free; i++) {
                    int index = (int) (pos + i) & mask;
                    channels[index] = channelsIn[from + i];
                    timestamps[index] = timestampsIn[from + i];
                    values[index] = valuesIn[from + i];
                    ingestTimes[index] = ingestNanoTime;
                    sequence.lazySet(index, pos + i + 1);
                }
                return free;
            }
        }
    }

    /** Takes up to {@code limit} readings in order and hands each to the sink; returns how many. */
    public int drain(ReadingSink sink, int limit) {
        int taken = 0;
        while (taken < limit) {
            long pos = head.get();
            int index = (int) pos & mask;
            long dif = sequence.get(index) - (pos + 1);
            if (dif < 0) {
                return taken;
            }
            if (dif == 0 && head.compareAndSet(pos, pos + 1)) {
                int channel = channels[index];
                long timestamp = timestamps[index];
                double value = values[index];
                long ingest = ingestTimes[index];
                sequence.lazySet(index, pos + mask + 1);
                sink.accept(channel, timestamp, value, ingest);
                taken++;
            }
        }
        return taken;
    }

    /** Removes the oldest reading without looking at it; false when the lane is empty. */
    public boolean discardOldest() {
        while (true) {
            long pos = head.get();
            int index = (int) pos & mask;
            long dif = sequence.get(index) - (pos + 1);
            if (dif < 0) {
                return false;
            }
            if (dif == 0 && head.compareAndSet(pos, pos + 1)) {
                sequence.lazySet(index, pos + mask + 1);
                return true;
            }
        }
    }

    /** Readings ever queued (successful offers). */
    public long enqueued() {
        return tail.get();
    }

    /** Approximate number of queued readings (exact when no producer or consumer is active). */
    public int size() {
        long size = tail.get() - head.get();
        return (int) Math.max(0, Math.min(size, capacity()));
    }
}
