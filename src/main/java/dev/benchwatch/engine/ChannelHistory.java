package dev.benchwatch.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A channel's recent readings in one preallocated primitive array (16 bytes per reading: timestamp and
 * value side by side, so an append touches one cache line), kept by count
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

    private final int capacity;
    // one slot more than the capacity: the writer fills the spare slot while readers may still be copying
    // every retained reading, so a copy of a full history can succeed while the writer is mid-append
    /**
     * Slot i lives in chunk i / CHUNK_SLOTS: a timestamp, then the value's bits. Chunks of 256 KiB keep a
     * long history out of G1's "humongous" regions, which would waste up to a third of the heap on heaps
     * under 4 GiB. {@code ring} = capacity + 1 slots.
     */
    private static final int CHUNK_SHIFT = 14;
    private static final int CHUNK_SLOTS = 1 << CHUNK_SHIFT;
    private static final int CHUNK_MASK = CHUNK_SLOTS - 1;
    private final long[][] chunks;
    private final int ring;
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
        this.capacity = capacity;
        this.ring = capacity + 1;
        int chunkCount = (ring + CHUNK_SLOTS - 1) >>> CHUNK_SHIFT;
        this.chunks = new long[chunkCount][];
        for (int i = 0; i < chunkCount; i++) {
            int slotsInChunk = Math.min(CHUNK_SLOTS, ring - i * CHUNK_SLOTS);
            chunks[i] = new long[2 * slotsInChunk];
        }
        this.maxAgeNanos = maxAgeNanos;
    }

    public int capacity() {
        return capacity;
    }

    /** Engine thread only. */
    public void append(long timestampNanos, double value) {
        long t = (long) TAIL.getOpaque(this);
        long h = (long) HEAD.getOpaque(this);
        if (t - h == capacity) {
            h++;
            headIndex = headIndex + 1 == ring ? 0 : headIndex + 1;
        }
        // the slot of sequence t last held sequence t - ring; readers detect its reuse through the tail
        // published by the previous append, so these writes must not become visible before that tail
        VarHandle.storeStoreFence();
        long[] chunk = chunks[tailIndex >>> CHUNK_SHIFT];
        int offset = 2 * (tailIndex & CHUNK_MASK);
        chunk[offset] = timestampNanos;
        chunk[offset + 1] = Double.doubleToRawLongBits(value);
        tailIndex = tailIndex + 1 == ring ? 0 : tailIndex + 1;
        t++;
        if (maxAgeNanos > 0) {
            long cutoff = timestampNanos - maxAgeNanos;
            while (h < t && timestampAt(headIndex) < cutoff) {
                h++;
                headIndex = headIndex + 1 == ring ? 0 : headIndex + 1;
            }
        }
        // tail first: a reader that sees the new head also sees the new tail, so a copy is never short of
        // the newest reading (a reader that sees the new tail with the old head trims to the capacity)
        TAIL.setRelease(this, t);
        HEAD.setRelease(this, h);
    }

    public int size() {
        long h = (long) HEAD.getAcquire(this);
        long t = (long) TAIL.getAcquire(this);
        return (int) Math.min(t - h, capacity);
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
            // head before tail: the tail read is then at least the tail that went with this head, so n >= 0
            long h = (long) HEAD.getAcquire(this);
            long t = (long) TAIL.getAcquire(this);
            h = Math.max(h, t - capacity); // the writer moved on between the two reads
            int n = (int) (t - h);
            for (int i = 0; i < n; i++) {
                int index = (int) ((h + i) % ring);
                timestampsOut[i] = timestampAt(index);
                valuesOut[i] = valueAt(index);
            }
            VarHandle.acquireFence();
            // sequence s shares its slot with s + ring, which is written only after tail reached s + ring:
            // while tail is below h + ring, nothing we copied can have been overwritten
            if ((long) TAIL.getAcquire(this) - ring < h) {
                return n;
            }
        }
    }

    /**
     * Copies the readings appended since {@code cursor.nextSequence()}, oldest first, at most {@code max} of
     * them, and moves the cursor past them. Safe from any thread (one cursor per reader); allocates nothing.
     *
     * <p>Readings the history no longer holds (overwritten by newer ones, or dropped by age) are skipped:
     * the cursor then says how many in {@link ReadCursor#skipped()} (this call) and
     * {@link ReadCursor#totalSkipped()}, and {@link ReadCursor#firstSequence()} is the sequence of the first
     * reading copied, later than the sequence asked for. A reader that copies less than the backlog (a
     * small {@code max}) continues where it stopped on the next call.
     *
     * @return how many readings were copied into the arrays (0 when nothing new)
     */
    public int copySince(ReadCursor cursor, long[] timestampsOut, double[] valuesOut, int max) {
        long from = cursor.nextSequence;
        int limit = Math.min(max, Math.min(timestampsOut.length, valuesOut.length));
        if (limit < 0) {
            throw new IllegalArgumentException("max must be >= 0, got " + max);
        }
        while (true) {
            long h = (long) HEAD.getAcquire(this);
            long t = (long) TAIL.getAcquire(this);
            h = Math.max(h, t - capacity); // the writer moved on between the two reads
            long first = Math.max(from, h);
            int n = (int) Math.max(0, Math.min(t - first, limit));
            int index = (int) (first % ring);
            for (int i = 0; i < n; i++) {
                timestampsOut[i] = timestampAt(index);
                valuesOut[i] = valueAt(index);
                index = index + 1 == ring ? 0 : index + 1;
            }
            VarHandle.acquireFence();
            // as in copyTo: sequence s shares its slot with s + ring, written only once tail reached s + ring
            if (n == 0 || (long) TAIL.getAcquire(this) - ring < first) {
                long skipped = Math.max(0, first - from);
                cursor.firstSequence = first;
                cursor.skipped = skipped;
                cursor.totalSkipped += skipped;
                cursor.nextSequence = n == 0 ? Math.max(from, Math.min(first, t)) : first + n;
                return n;
            }
        }
    }

    /**
     * A reader's place in a history for {@link #copySince}: the next sequence to copy and what was missed.
     * Owned by one reader thread; not thread-safe itself. Sequences count every reading ever appended
     * (the first is 0), so {@link #appended()} - {@code nextSequence()} is the reader's backlog.
     */
    public static final class ReadCursor {
        private long nextSequence;
        private long firstSequence;
        private long skipped;
        private long totalSkipped;

        /** A cursor at the first reading ever appended (sequence 0). */
        public ReadCursor() {
            this(0);
        }

        /** A cursor at {@code sequence}: e.g. {@code history.appended()} to copy only what comes next. */
        public ReadCursor(long sequence) {
            if (sequence < 0) {
                throw new IllegalArgumentException("sequence must be >= 0, got " + sequence);
            }
            this.nextSequence = sequence;
            this.firstSequence = sequence;
        }

        /** Sequence of the next reading the next copy starts from (when still held). */
        public long nextSequence() {
            return nextSequence;
        }

        /** Sequence of the first reading the last copy returned (meaningless when it returned 0). */
        public long firstSequence() {
            return firstSequence;
        }

        /** Readings the last copy skipped because the history no longer held them. */
        public long skipped() {
            return skipped;
        }

        /** Readings skipped over the cursor's life. */
        public long totalSkipped() {
            return totalSkipped;
        }
    }

    /** Latest value, NaN when empty. */
    public double latest() {
        while (true) {
            // the newest reading is never dropped by age: the history is empty only before the first append
            long t = (long) TAIL.getAcquire(this);
            if (t == 0) {
                return Double.NaN;
            }
            double value = valueAt((int) ((t - 1) % ring));
            VarHandle.acquireFence();
            if ((long) TAIL.getAcquire(this) - ring < t - 1) { // slot not yet reused by sequence t - 1 + ring
                return value;
            }
        }
    }

    private long timestampAt(int index) {
        return chunks[index >>> CHUNK_SHIFT][2 * (index & CHUNK_MASK)];
    }

    private double valueAt(int index) {
        return Double.longBitsToDouble(chunks[index >>> CHUNK_SHIFT][2 * (index & CHUNK_MASK) + 1]);
    }
}
