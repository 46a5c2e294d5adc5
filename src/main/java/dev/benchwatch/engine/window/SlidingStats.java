package dev.benchwatch.engine.window;

/**
 * Statistics over a window that both adds and evicts readings (sliding time and count windows).
 * Keeps the window's readings in a growable primitive ring (timestamp and value side by side, so adding
 * and evicting each touch one cache line); Welford's update run forwards and backwards for mean and
 * variance; block-wise extrema for min and max ({@link SlidingExtrema}). Every operation is amortised O(1).
 *
 * <p>Subtracting evicted readings lets rounding error creep in. Two guards keep results within 1e-9 of a
 * naive recomputation: after as many evictions as the window holds, mean, variance and sum are recomputed
 * exactly from the ring (two-pass: O(n) work every n evictions, O(1) amortised); and a running bound on
 * the rounding error of each update triggers the same recomputation at once when an eviction cancels most
 * of a sum (a glitch of 1e9 leaving a window of values near 20). The bound only trips when the window's
 * spread collapses by many orders of magnitude, so it costs nothing on ordinary signals.
 */
public final class SlidingStats implements WindowStats {
    private static final int MIN_RECOMPUTE_INTERVAL = 64;
    private static final double EPSILON = 0x1p-52;
    /** Recompute when the error bound reaches this fraction of the value: 100x inside the 1e-9 promise. */
    private static final double TOLERANCE = 1e-11;

    /** Reading i sits at ring[2i] (timestamp) and ring[2i + 1] (the value's bits). */
    private long[] ring;
    private int mask; // capacity - 1
    private long head; // sequence number of the oldest reading
    private long tail; // sequence number after the newest reading

    private final SlidingExtrema extrema = new SlidingExtrema(this);

    private double sum;
    private double mean;
    private double m2;
    private long evictionsSinceRecompute;
    // magnitudes the bounds compare with, and bounds on the rounding error accumulated since the last recompute
    private double absSum;
    private double sumError;
    private double meanError;
    private double m2Error;

    public SlidingStats(int initialCapacity) {
        int size = Math.max(16, Integer.highestOneBit(Math.max(1, initialCapacity) - 1) << 1);
        ring = new long[2 * size];
        mask = size - 1;
    }

    @Override
    public long count() {
        return tail - head;
    }

    public int capacity() {
        return mask + 1;
    }

    private long timestampAt(long sequence) {
        return ring[2 * ((int) sequence & mask)];
    }

    double valueAt(long sequence) {
        return Double.longBitsToDouble(ring[2 * ((int) sequence & mask) + 1]);
    }

    /** Timestamp of the oldest reading in the window; undefined when empty. */
    public long oldestTimestamp() {
        return timestampAt(head);
    }

    public long newestTimestamp() {
        return timestampAt(tail - 1);
    }

    public void add(long timestampNanos, double value) {
        if (tail - head == capacity()) {
            grow();
        }
        int slot = 2 * ((int) tail & mask);
        ring[slot] = timestampNanos;
        ring[slot + 1] = Double.doubleToRawLongBits(value);
        long sequence = tail++;

        double inverseN = 1.0 / (tail - head); // one division, then multiplications
        sum += value;
        absSum += Math.abs(value);
        double delta = value - mean;
        mean += delta * inverseN;
        double increment = delta * (value - mean);
        m2 += increment;
        sumError += EPSILON * Math.abs(sum);
        meanError += EPSILON * (Math.abs(mean) + Math.abs(delta) * inverseN);
        m2Error += 2 * EPSILON * (m2 + increment); // increment >= 0 when adding

        extrema.added(sequence, value, head);
    }

    /** Evicts the oldest reading; the window must not be empty. */
    public void evictOldest() {
        long sequence = head;
        double value = valueAt(sequence);
        head++;
        long n = tail - head;
        if (n == 0) {
            sum = 0;
            mean = 0;
            m2 = 0;
            absSum = 0;
            sumError = 0;
            meanError = 0;
            m2Error = 0;
            extrema.clear();
            evictionsSinceRecompute = 0;
            return;
        }
        double inverseN = 1.0 / n;
        sum -= value;
        double absValue = Math.abs(value);
        absSum -= absValue;
        double delta = value - mean;
        mean -= delta * inverseN;
        double decrement = delta * (value - mean);
        m2 -= decrement;
        if (m2 < 0) {
            m2 = 0;
        }
        sumError += EPSILON * (Math.abs(sum) + absValue);
        meanError += EPSILON * (Math.abs(mean) + Math.abs(delta) * inverseN);
        m2Error += 2 * EPSILON * (m2 + Math.abs(decrement));
        extrema.evicted(head);
        if (++evictionsSinceRecompute >= Math.max(n, MIN_RECOMPUTE_INTERVAL)
                || sumError > TOLERANCE * absSum
                || meanError > TOLERANCE * absSum * inverseN
                || m2Error > TOLERANCE * m2 + Double.MIN_NORMAL) {
            recompute();
        }
    }

    /** Evicts readings with a timestamp at or before {@code cutoffNanos}. */
    public void evictUpTo(long cutoffNanos) {
        while (tail > head && timestampAt(head) <= cutoffNanos) {
            evictOldest();
        }
    }

    private void recompute() {
        evictionsSinceRecompute = 0;
        long n = tail - head;
        double s = 0;
        double abs = 0;
        for (long i = head; i < tail; i++) {
            double v = valueAt(i);
            s += v;
            abs += Math.abs(v);
        }
        double m = s / n;
        double squares = 0;
        double correction = 0;
        for (long i = head; i < tail; i++) {
            double d = valueAt(i) - m;
            squares += d * d;
            correction += d;
        }
        sum = s;
        absSum = abs;
        mean = m + correction / n;
        m2 = squares - correction * correction / n;
        // the bounds track error added since this exact recomputation
        sumError = 0;
        meanError = 0;
        m2Error = 0;
    }

    private void grow() {
        long[] old = ring;
        int oldMask = mask;
        int size = capacity() * 2;
        ring = new long[2 * size];
        mask = size - 1;
        // sequence numbers stay the same; only their slot (sequence & mask) changes
        for (long s = head; s < tail; s++) {
            int from = 2 * ((int) s & oldMask);
            int to = 2 * ((int) s & mask);
            ring[to] = old[from];
            ring[to + 1] = old[from + 1];
        }
    }

    @Override
    public double get(Stat stat) {
        long n = tail - head;
        if (n == 0) {
            return stat == Stat.COUNT || stat == Stat.SUM ? 0 : Double.NaN;
        }
        return switch (stat) {
            case COUNT -> n;
            case SUM -> sum;
            case MEAN -> mean;
            case MIN -> extrema.min(head, tail);
            case MAX -> extrema.max(head, tail);
            case STDDEV -> n < 2 ? 0 : Math.sqrt(m2 / (n - 1));
            case FIRST -> valueAt(head);
            case LAST -> valueAt(tail - 1);
            case RATE_OF_CHANGE -> RunningStats.rate(valueAt(head), valueAt(tail - 1), oldestTimestamp(),
                    newestTimestamp());
            case TIME_SPAN -> (newestTimestamp() - oldestTimestamp()) / 1e9;
        };
    }
}
