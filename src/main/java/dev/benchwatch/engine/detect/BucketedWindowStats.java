package dev.benchwatch.engine.detect;

/**
 * Count, mean and standard deviation of the readings in a sliding time window, in fixed memory however fast
 * the channel: the time axis is cut into buckets of {@code window / buckets} (aligned to multiples of the
 * width since the epoch), each bucket keeps the count, mean and M2 of its readings ({@link Moments}), and
 * whole buckets leave the window. O(1) per reading (amortised; see below), at most {@code buckets} buckets.
 *
 * <p><b>Window edge.</b> A bucket leaves once its start is at or before {@code now - window}, so the window
 * covers from the start of the first bucket after that cutoff to now: between {@code window - width} and
 * {@code window} of time. Readings on the bucket grid (timestamps that are multiples of the width, e.g.
 * 5-minute samples in a 24 h window of 288 buckets) see exactly the readings newer than the cutoff.
 *
 * <p><b>Precision.</b> Buckets are merged with Chan's formula and never subtracted, so a glitch of 1e9 that
 * leaves the window leaves no rounding debris behind. The closed buckets form a queue kept as two stacks (the
 * sliding-window aggregation for an operation without an inverse): the older part of the ring holds suffix
 * aggregates (slot i: buckets i to the end of the older part), the newer part each bucket's own figures and
 * one running aggregate. When the older part runs empty the newer part is folded into suffix aggregates: at
 * most {@code buckets} merges, once per {@code buckets} evictions.
 */
final class BucketedWindowStats {
    /** Buckets per window of the z-score: 5-minute buckets in its default 24 h window. */
    static final int DEFAULT_BUCKETS = 288;

    private final long windowNanos;
    private final long bucketNanos;
    /** Closed buckets in a ring, oldest at {@code head}: the older part, then the newer part. */
    private final long[] bucketIndexes;
    private final long[] counts;
    private final double[] means;
    private final double[] m2s;
    private int head;
    private int olderCount;
    private int newerCount;
    private final Moments newer = new Moments();
    private final Moments closed = new Moments();

    /** The bucket readings go into; {@code openEndNanos} is where the next one starts. */
    private final Moments open = new Moments();
    private long openIndex;
    private long openEndNanos = Long.MIN_VALUE;
    /** Start of the oldest bucket held (Long.MAX_VALUE when empty): nothing leaves before the cutoff reaches it. */
    private long oldestStartNanos = Long.MAX_VALUE;
    /** Closed and open together: what the window holds. */
    private final Moments total = new Moments();

    BucketedWindowStats(long windowNanos, int buckets) {
        Settings.requirePositive(windowNanos, "window");
        Settings.requireAtLeast(buckets, 1, "buckets");
        this.windowNanos = windowNanos;
        this.bucketNanos = Math.max(1, windowNanos / buckets + (windowNanos % buckets == 0 ? 0 : 1));
        this.bucketIndexes = new long[buckets];
        this.counts = new long[buckets];
        this.means = new double[buckets];
        this.m2s = new double[buckets];
    }

    /** Drops the buckets that the window ending at {@code nowNanos} no longer covers. */
    void slideTo(long nowNanos) {
        long cutoff = nowNanos - windowNanos;
        if (cutoff < oldestStartNanos) {
            return;
        }
        long cutoffIndex = Math.floorDiv(cutoff, bucketNanos);
        while (olderCount + newerCount > 0 && bucketIndexes[head] <= cutoffIndex) {
            dropOldest();
        }
        if (open.count() > 0 && openIndex <= cutoffIndex) {
            open.clear();
            openEndNanos = Long.MIN_VALUE;
        }
        total.set(closed);
        total.include(open);
        updateOldestStart();
    }

    void add(long timestampNanos, double value) {
        if (timestampNanos >= openEndNanos) {
            openBucketAt(timestampNanos);
        }
        open.add(value);
        total.add(value);
    }

    long count() {
        return total.count();
    }

    double mean() {
        return total.mean();
    }

    /** Sample standard deviation; 0 for fewer than two readings. */
    double stddev() {
        return total.stddev();
    }

    /** Buckets holding readings, the open one included: never more than {@link #capacity()}. */
    int retainedBuckets() {
        return olderCount + newerCount + (open.count() > 0 ? 1 : 0);
    }

    /** Length of the bucket arrays, fixed at construction. */
    int capacity() {
        return counts.length;
    }

    long bucketNanos() {
        return bucketNanos;
    }

    private void openBucketAt(long timestampNanos) {
        if (open.count() > 0) {
            close();
        }
        openIndex = Math.floorDiv(timestampNanos, bucketNanos);
        openEndNanos = (openIndex + 1) * bucketNanos;
        updateOldestStart();
    }

    private void close() {
        if (olderCount + newerCount == capacity()) {
            dropOldest(); // only when readings skipped slideTo: memory stays bounded regardless
        }
        int slot = slot(olderCount + newerCount);
        bucketIndexes[slot] = openIndex;
        counts[slot] = open.count();
        means[slot] = open.mean();
        m2s[slot] = open.m2();
        newerCount++;
        newer.include(open);
        open.clear();
        refreshClosed();
    }

    private void dropOldest() {
        if (olderCount == 0) {
            foldNewerIntoOlder();
        }
        head = slot(1);
        olderCount--;
        refreshClosed();
    }

    /** Turns the newer part's own figures into suffix aggregates, newest first: it becomes the older part. */
    private void foldNewerIntoOlder() {
        Moments suffix = newer; // reused: its running aggregate is rebuilt below and then cleared
        suffix.clear();
        for (int k = newerCount - 1; k >= 0; k--) {
            int slot = slot(k);
            suffix.include(counts[slot], means[slot], m2s[slot]);
            counts[slot] = suffix.count();
            means[slot] = suffix.mean();
            m2s[slot] = suffix.m2();
        }
        olderCount = newerCount;
        newerCount = 0;
        newer.clear();
    }

    private void refreshClosed() {
        if (olderCount > 0) {
            closed.set(counts[head], means[head], m2s[head]);
        } else {
            closed.clear();
        }
        closed.include(newer);
    }

    private void updateOldestStart() {
        if (olderCount + newerCount > 0) {
            oldestStartNanos = bucketIndexes[head] * bucketNanos;
        } else if (open.count() > 0 || openEndNanos != Long.MIN_VALUE) {
            oldestStartNanos = openIndex * bucketNanos;
        } else {
            oldestStartNanos = Long.MAX_VALUE;
        }
    }

    private int slot(int offsetFromHead) {
        int slot = head + offsetFromHead;
        return slot >= counts.length ? slot - counts.length : slot;
    }
}
