package dev.benchwatch.ui.chart;

/**
 * One chart series' points, (timestamp ns, value), in a primitive ring that grows up to its capacity and
 * then drops the oldest point per append, with a min/max pyramid over the ring kept up to date on every
 * append: level k holds the minimum and maximum of each aligned bucket of 16^(k+1) points. The extent
 * (min and max) of any range of points then costs O(16 x levels) whatever its length, which is what makes
 * {@link MinMaxDecimator} cost per pixel column rather than per point.
 *
 * <p>Timestamps never go backwards: a point older than the newest is kept with the newest timestamp (its
 * value is not lost). NaN values are kept but ignored by extents. Not thread-safe: one thread (the JavaFX
 * thread, through {@link HistoryFeed}) appends and reads.
 */
public final class SeriesBuffer {
    /** Buckets of 16 children: small enough that the partial buckets at a range's ends cost little. */
    static final int FANOUT_SHIFT = 4;
    static final int FANOUT = 1 << FANOUT_SHIFT;
    private static final int MIN_CAPACITY = 256;
    private static final int INITIAL_LENGTH = 1 << 12;

    private final int capacity;
    private final int levels;
    private long[] times;
    private double[] values;
    private int mask;
    private final double[][] levelMin;
    private final double[][] levelMax;
    private final int[] levelMask;
    private long head;
    private long tail;
    private long lastTime = Long.MIN_VALUE;
    private long generation;

    /**
     * @param capacity points kept at least (rounded up to a power of two, at least 256); memory grows with
     *                 the points held, up to about 17 bytes per point of capacity
     */
    public SeriesBuffer(int capacity) {
        if (capacity < 1 || capacity > 1 << 30) {
            throw new IllegalArgumentException("series capacity must be in 1..2^30, got " + capacity);
        }
        int rounded = Integer.highestOneBit(Math.max(capacity, MIN_CAPACITY));
        this.capacity = rounded < capacity ? rounded << 1 : rounded;
        int length = Math.min(this.capacity, INITIAL_LENGTH);
        times = new long[length];
        values = new double[length];
        mask = length - 1;
        int n = 0;
        while ((1L << (FANOUT_SHIFT * (n + 2))) <= this.capacity) { // keep at least 16 buckets per level
            n++;
        }
        levels = n;
        levelMin = new double[levels][];
        levelMax = new double[levels][];
        levelMask = new int[levels];
        for (int k = 0; k < levels; k++) {
            int slots = Math.max(1, length >>> (FANOUT_SHIFT * (k + 1)));
            levelMin[k] = new double[slots];
            levelMax[k] = new double[slots];
            levelMask[k] = slots - 1;
        }
    }

    /** Points this series keeps before dropping the oldest (a power of two). */
    public int capacity() {
        return capacity;
    }

    /** Pyramid levels (bucket sizes 16, 256, 4096, ...). */
    int levels() {
        return levels;
    }

    public void append(long timestampNanos, double value) {
        long time = Math.max(timestampNanos, lastTime);
        long s = tail;
        if (s - head == times.length) {
            if (times.length < capacity) {
                grow();
            } else {
                head++;
            }
        }
        int i = (int) s & mask;
        times[i] = time;
        values[i] = value;
        tail = s + 1;
        lastTime = time;
        double lo = value;
        double hi = value;
        if (value != value) { // NaN takes no part in extents
            lo = Double.POSITIVE_INFINITY;
            hi = Double.NEGATIVE_INFINITY;
        }
        // level k's child (a point, or a bucket of level k - 1) just completed at s: fold it in, and carry the
        // bucket upwards only when it is complete too
        for (int k = 0; k < levels; k++) {
            int child = (int) (s >>> (FANOUT_SHIFT * k)) & (FANOUT - 1);
            int slot = (int) (s >>> (FANOUT_SHIFT * (k + 1))) & levelMask[k];
            double[] mn = levelMin[k];
            double[] mx = levelMax[k];
            if (child == 0) {
                mn[slot] = lo;
                mx[slot] = hi;
            } else {
                if (lo < mn[slot]) {
                    mn[slot] = lo;
                }
                if (hi > mx[slot]) {
                    mx[slot] = hi;
                }
            }
            if (child != FANOUT - 1) {
                break;
            }
            lo = mn[slot];
            hi = mx[slot];
        }
    }

    /**
     * Doubles the arrays, moving every point (and pyramid bucket) held to its place in the bigger ring.
     * (Before the first wrap sequence s lives at index s and a plain copy would do; but after a
     * {@link #clear()} the points held may already have wrapped round the smaller array.)
     */
    private void grow() {
        int length = times.length * 2;
        int newMask = length - 1;
        long[] newTimes = new long[length];
        double[] newValues = new double[length];
        for (long s = head; s < tail; s++) {
            newTimes[(int) s & newMask] = times[(int) s & mask];
            newValues[(int) s & newMask] = values[(int) s & mask];
        }
        times = newTimes;
        values = newValues;
        mask = newMask;
        for (int k = 0; k < levels; k++) {
            int slots = Math.max(1, length >>> (FANOUT_SHIFT * (k + 1)));
            int shift = FANOUT_SHIFT * (k + 1);
            double[] mins = new double[slots];
            double[] maxs = new double[slots];
            int oldMask = levelMask[k];
            int slotMask = slots - 1;
            if (tail > head) {
                for (long b = head >>> shift, last = (tail - 1) >>> shift; b <= last; b++) {
                    mins[(int) b & slotMask] = levelMin[k][(int) b & oldMask];
                    maxs[(int) b & slotMask] = levelMax[k][(int) b & oldMask];
                }
            }
            levelMin[k] = mins;
            levelMax[k] = maxs;
            levelMask[k] = slotMask;
        }
    }

    /** Removes every point (the capacity and the memory already taken stay). */
    public void clear() {
        head = tail;
        lastTime = Long.MIN_VALUE;
        generation++;
    }

    /**
     * Counts {@link #clear()} calls: after a clear, new points may be older than the ones before it, so
     * anything derived from the old points (a decimation kept between frames) must be rebuilt.
     */
    public long generation() {
        return generation;
    }

    public int size() {
        return (int) (tail - head);
    }

    public boolean isEmpty() {
        return tail == head;
    }

    /** Sequence of the oldest point held (sequences count every point ever appended, from 0). */
    public long firstSequence() {
        return head;
    }

    /** Sequence after the newest point: the total ever appended. */
    public long endSequence() {
        return tail;
    }

    public long timeAt(long sequence) {
        return times[(int) sequence & mask];
    }

    public double valueAt(long sequence) {
        return values[(int) sequence & mask];
    }

    /** Timestamp of the oldest point held; call only when not empty. */
    public long firstTime() {
        return times[(int) head & mask];
    }

    /** Timestamp of the newest point held; call only when not empty. */
    public long lastTime() {
        return times[(int) (tail - 1) & mask];
    }

    /** Sequence of the first point at or after {@code time}; {@link #endSequence()} when there is none. */
    public long sequenceAtOrAfter(long time) {
        return search(time, head, tail);
    }

    /** Sequence of the first point at or after {@code time}; {@link #endSequence()} when there is none. */
    private long search(long time, long lo, long hi) {
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (times[(int) mid & mask] < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * As {@link #sequenceAtOrAfter(long)}, knowing the answer is at or after {@code from}: gallops from
     * there (1, 2, 4, ... points), so the cost grows with the distance, not the series' length.
     */
    public long sequenceAtOrAfter(long time, long from) {
        long lo = Math.max(from, head);
        long step = 1;
        long probe = lo;
        while (probe < tail && times[(int) probe & mask] < time) {
            lo = probe + 1;
            probe = lo + step;
            step <<= 1;
        }
        return search(time, lo, Math.min(probe, tail));
    }

    /**
     * As {@link #sequenceAtOrAfter(long)}, for a time near the newest points: gallops back from the newest
     * point (1, 2, 4, ... points), so the cost grows with the distance from the end, not the series' length.
     */
    public long sequenceAtOrAfterFromEnd(long time) {
        long hi = tail;
        long step = 1;
        long probe = tail - 1;
        while (probe >= head && times[(int) probe & mask] >= time) {
            hi = probe;
            probe = hi - step;
            step <<= 1;
        }
        return search(time, Math.max(head, probe + 1), hi);
    }

    /**
     * Value of the newest point at or before {@code time} (the value the series had then); NaN when the
     * series has no point that old.
     */
    public double valueAtTime(long time) {
        long s = (time == Long.MAX_VALUE ? tail : sequenceAtOrAfter(time + 1)) - 1;
        return s < head ? Double.NaN : values[(int) s & mask];
    }

    /**
     * Minimum and maximum value of the points with sequences in [from, to), clamped to the points held,
     * into {@code out[0]} and {@code out[1]}; +inf and -inf when there is none (or all are NaN). Climbs the
     * pyramid from the range's start (single points, then buckets of 16, 256, ... until aligned) and
     * descends towards its end: at most 2 x 15 steps per level, each phase a tight loop over one array.
     */
    public void extent(long from, long to, double[] out) {
        long s = Math.max(from, head);
        long end = Math.min(to, tail);
        lo = Double.POSITIVE_INFINITY;
        hi = Double.NEGATIVE_INFINITY;
        if (s < end) {
            int k = 0; // level: 0 single points, k >= 1 buckets of 16^k
            while (k < levels) {
                long parent = 1L << (FANOUT_SHIFT * (k + 1));
                long aligned = (s + parent - 1) & -parent;
                if (aligned + parent > end) {
                    break; // no whole bucket of the next level fits: finish at this level
                }
                fold(k, s, aligned);
                s = aligned;
                k++;
            }
            for (; k >= 0; k--) {
                int shift = FANOUT_SHIFT * k;
                long stop = s + ((end - s) >>> shift << shift);
                fold(k, s, stop);
                s = stop;
            }
        }
        out[0] = lo;
        out[1] = hi;
    }

    private double lo;
    private double hi;

    /** Folds [from, to) (aligned to level k's unit) into lo and hi. */
    private void fold(int k, long from, long to) {
        double mn = lo;
        double mx = hi;
        if (k == 0) {
            double[] v = values;
            int m = mask;
            for (long q = from; q < to; q++) {
                double x = v[(int) q & m];
                if (x < mn) {
                    mn = x;
                }
                if (x > mx) {
                    mx = x;
                }
            }
        } else {
            int shift = FANOUT_SHIFT * k;
            double[] mins = levelMin[k - 1];
            double[] maxs = levelMax[k - 1];
            int m = levelMask[k - 1];
            for (long b = from >>> shift, last = to >>> shift; b < last; b++) {
                int slot = (int) b & m;
                if (mins[slot] < mn) {
                    mn = mins[slot];
                }
                if (maxs[slot] > mx) {
                    mx = maxs[slot];
                }
            }
        }
        lo = mn;
        hi = mx;
    }
}
