package dev.benchwatch.record;

import java.util.Arrays;

/**
 * Puts readings that arrive almost in time order (as a recording stores them: in the order the engine
 * accepted them, where one device's readings may come a little late) into exact time order, ties in
 * arrival order, in one pass and in primitive arrays.
 *
 * <p>It relies on a known bound: no reading arrives more than {@code disorderNanos} earlier than the
 * latest timestamp seen before it (the reader measures this bound first). A buffered reading is released
 * once the latest timestamp is more than that bound past it, since nothing earlier can still come.
 */
final class ReorderBuffer {
    private final long disorderNanos;
    private final ReadingHandler out;
    private long[] times = new long[1024];
    private long[] order = new long[1024];
    private int[] channels = new int[1024];
    private double[] values = new double[1024];
    private int size;
    private long arrivals;
    private long latest = Long.MIN_VALUE;
    private boolean stopped;

    ReorderBuffer(long disorderNanos, ReadingHandler out) {
        this.disorderNanos = disorderNanos;
        this.out = out;
    }

    /** Takes one reading in arrival order; false once the handler asked to stop. */
    boolean add(int channel, long ts, double value) {
        if (ts > latest) {
            latest = ts;
        }
        push(channel, ts, value);
        long safeBefore = latest - disorderNanos; // every later reading is at or after this
        while (size > 0 && times[0] < safeBefore && !stopped) {
            pop();
        }
        return !stopped;
    }

    /** Releases what is left at the end of the readings. */
    void finish() {
        while (size > 0 && !stopped) {
            pop();
        }
    }

    private void push(int channel, long ts, double value) {
        if (size == times.length) {
            int grown = size * 2;
            times = Arrays.copyOf(times, grown);
            order = Arrays.copyOf(order, grown);
            channels = Arrays.copyOf(channels, grown);
            values = Arrays.copyOf(values, grown);
        }
        int i = size++;
        long seq = arrivals++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(ts, seq, times[parent], order[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, ts, seq, channel, value);
    }

    private void pop() {
        if (!out.reading(channels[0], times[0], values[0])) {
            stopped = true;
        }
        int last = --size;
        long ts = times[last];
        long seq = order[last];
        int channel = channels[last];
        double value = values[last];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(times[child + 1], order[child + 1], times[child], order[child])) {
                child++;
            }
            if (!before(times[child], order[child], ts, seq)) {
                break;
            }
            move(child, i);
            i = child;
        }
        if (size > 0) {
            set(i, ts, seq, channel, value);
        }
    }

    private static boolean before(long ts, long seq, long otherTs, long otherSeq) {
        return ts < otherTs || (ts == otherTs && seq < otherSeq);
    }

    private void move(int from, int to) {
        times[to] = times[from];
        order[to] = order[from];
        channels[to] = channels[from];
        values[to] = values[from];
    }

    private void set(int i, long ts, long seq, int channel, double value) {
        times[i] = ts;
        order[i] = seq;
        channels[i] = channel;
        values[i] = value;
    }
}
