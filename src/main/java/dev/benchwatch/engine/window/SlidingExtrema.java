package dev.benchwatch.engine.window;

/**
 * Minimum and maximum of a sliding window with almost no work per reading: readings fall into blocks of
 * 64 by sequence number. The block still filling keeps a running min/max; each completed block enters a
 * monotonic deque of block extrema (one push per 64 readings); the block the window's oldest reading is in
 * is covered by suffix extrema, computed once per block when first asked. A query combines the three in
 * O(1) (a scan of at most 64 readings when the whole window sits in one block).
 *
 * <p>A per-reading monotonic deque costs an unpredictable branch or two on every reading; this keeps
 * reading-time work to two comparisons.
 */
final class SlidingExtrema {
    private static final int SHIFT = 6;
    private static final int BLOCK = 1 << SHIFT;
    private static final int OFFSET_MASK = BLOCK - 1;

    private final SlidingStats window;
    private final MaxDeque blockMaxima = new MaxDeque();
    private final MaxDeque blockNegatedMinima = new MaxDeque();
    private double tailMin;
    private double tailMax;
    private final double[] suffixMin = new double[BLOCK];
    private final double[] suffixMax = new double[BLOCK];
    private long suffixBlock = -1;
    private long suffixLow; // suffix entries are valid for sequences >= suffixLow within suffixBlock

    SlidingExtrema(SlidingStats window) {
        this.window = window;
    }

    /** A reading with this sequence number joined the window; {@code head} is the oldest sequence in it. */
    void added(long sequence, double value, long head) {
        if ((sequence & OFFSET_MASK) == 0) {
            tailMin = value;
            tailMax = value;
        } else {
            tailMin = Math.min(tailMin, value);
            tailMax = Math.max(tailMax, value);
        }
        if ((sequence & OFFSET_MASK) == OFFSET_MASK) {
            long block = sequence >>> SHIFT;
            if (block > head >>> SHIFT) { // the head's own block is covered by its suffix extrema
                blockMaxima.push(block, tailMax);
                blockNegatedMinima.push(block, -tailMin);
            }
        }
    }

    /** The oldest reading left; {@code head} is the new oldest sequence. */
    void evicted(long head) {
        if ((head & OFFSET_MASK) == 0) {
            long block = head >>> SHIFT; // this block now holds the head: the suffix covers it
            blockMaxima.evict(block);
            blockNegatedMinima.evict(block);
        }
    }

    void clear() {
        blockMaxima.clear();
        blockNegatedMinima.clear();
        suffixBlock = -1;
    }

    double max(long head, long tail) {
        long headBlock = head >>> SHIFT;
        if (headBlock == (tail - 1) >>> SHIFT) {
            double m = window.valueAt(head);
            for (long s = head + 1; s < tail; s++) {
                m = Math.max(m, window.valueAt(s));
            }
            return m;
        }
        prepareSuffix(head, headBlock);
        double m = Math.max(suffixMax[(int) head & OFFSET_MASK], tailMax);
        return blockMaxima.isEmpty() ? m : Math.max(m, blockMaxima.max());
    }

    double min(long head, long tail) {
        long headBlock = head >>> SHIFT;
        if (headBlock == (tail - 1) >>> SHIFT) {
            double m = window.valueAt(head);
            for (long s = head + 1; s < tail; s++) {
                m = Math.min(m, window.valueAt(s));
            }
            return m;
        }
        prepareSuffix(head, headBlock);
        double m = Math.min(suffixMin[(int) head & OFFSET_MASK], tailMin);
        return blockNegatedMinima.isEmpty() ? m : Math.min(m, -blockNegatedMinima.max());
    }

    /** Suffix extrema of the (complete) head block, from its end down to the head. */
    private void prepareSuffix(long head, long headBlock) {
        if (suffixBlock == headBlock && suffixLow <= head) {
            return;
        }
        long end = (headBlock << SHIFT) + OFFSET_MASK;
        double low = window.valueAt(end);
        double high = low;
        suffixMin[OFFSET_MASK] = low;
        suffixMax[OFFSET_MASK] = high;
        for (long s = end - 1; s >= head; s--) {
            double v = window.valueAt(s);
            low = Math.min(low, v);
            high = Math.max(high, v);
            suffixMin[(int) s & OFFSET_MASK] = low;
            suffixMax[(int) s & OFFSET_MASK] = high;
        }
        suffixBlock = headBlock;
        suffixLow = head;
    }
}
