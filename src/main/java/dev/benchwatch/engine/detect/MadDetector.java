package dev.benchwatch.engine.detect;

/**
 * Robust deviation for spiky sensors: distance from the median of the last {@code size} readings in units of
 * the scaled median absolute deviation (1.4826 x MAD, which equals the standard deviation for normal noise).
 * One spike moves neither the median nor the MAD, unlike a mean and a standard deviation.
 *
 * <p>Cost: the window is kept sorted in a primitive array, with each value's arrival slot beside it and each
 * arrival slot's place in the sorted array, so the leaving value is found without a search. The entering value
 * takes its place and walks to its own, moving the values it passes by one (a third of the window on average
 * for noise, a few places for a smooth signal). The MAD is found without sorting the deviations: the deviations
 * below and above the median form two sorted sequences, and how many of the smallest half come from each gives
 * the middle one (and, for an even window, its neighbour). That count moves little from one reading to the next,
 * so it is searched for from where it was: a step or two, each a pair of neighbouring loads, where a binary
 * search would chain five loads that the engine's other work has pushed out of the L1 cache.
 *
 * <p>A NaN reading is neither scored nor kept (NaN has no place in a sorted window).
 */
public final class MadDetector implements Detector {
    /** Scales the MAD to the standard deviation for normally distributed noise. */
    public static final double NORMAL_SCALE = 1.4826;

    private final int size;
    private final double threshold;
    /** The window in ascending order. */
    private final double[] sorted;
    /** The arrival slot of {@code sorted[i]}. */
    private final int[] slotAt;
    /** The index in {@code sorted} of the value that arrived in slot s. */
    private final int[] placeOf;
    private int count;
    /** The arrival slot the next reading takes: the oldest reading's once the window is full. */
    private int next;
    private double lastMedian = Double.NaN;
    /** The last answer of {@link #takenFromBelow}, where the next search starts. */
    private int lastTaken;

    /**
     * @param size      readings in the window (also the warm-up)
     * @param threshold anomalous at or above this many scaled MADs
     */
    public MadDetector(int size, double threshold) {
        Settings.requireAtLeast(size, 3, "window size");
        Settings.requirePositive(threshold, "threshold");
        this.size = size;
        this.threshold = threshold;
        this.sorted = new double[size];
        this.slotAt = new int[size];
        this.placeOf = new int[size];
    }

    @Override
    public double update(long timestampNanos, double value) {
        if (Double.isNaN(value)) {
            return Double.NaN;
        }
        double score = Double.NaN;
        if (count >= 3) {
            double median = median();
            double mad = madAround(median);
            lastMedian = median;
            score = Settings.deviations(value - median, NORMAL_SCALE * mad, median);
        }
        // the entering value starts where the leaving one was (at the end while the window fills)
        int at = count == size ? placeOf[next] : count++;
        at = walkTo(at, value);
        sorted[at] = value;
        slotAt[at] = next;
        placeOf[next] = at;
        next = next + 1 == size ? 0 : next + 1;
        return score;
    }

    /**
     * Moves the gap at {@code at} to where {@code value} belongs, shifting each value it passes into the gap,
     * and returns the gap's new index.
     */
    private int walkTo(int at, double value) {
        int n = count;
        if (at + 1 < n && sorted[at + 1] < value) {
            do {
                moveInto(at, at + 1);
                at++;
            } while (at + 1 < n && sorted[at + 1] < value);
        } else {
            while (at > 0 && sorted[at - 1] > value) {
                moveInto(at, at - 1);
                at--;
            }
        }
        return at;
    }

    private void moveInto(int gap, int from) {
        int slot = slotAt[from];
        sorted[gap] = sorted[from];
        slotAt[gap] = slot;
        placeOf[slot] = gap;
    }

    double median() {
        int n = count;
        return (n & 1) == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * The median of |x - median| over the window. The values below index {@code n / 2} are at most the median
     * and the rest at least it, so their deviations, {@code a} (walking down from the middle) and {@code b}
     * (walking up), are two ascending sequences; the k-th smallest deviation of the window is the larger of the
     * last ones taken when the k + 1 smallest are taken from both.
     */
    double madAround(double median) {
        int n = count;
        int split = n / 2;
        int aLen = split;
        int bLen = n - split;
        int k = (n - 1) / 2; // the (lower) middle deviation, 0-based
        int fromA = takenFromBelow(k, split, aLen, bLen, median);
        int fromB = k + 1 - fromA;
        double kth = Math.max(fromA > 0 ? median - sorted[split - fromA] : Double.NEGATIVE_INFINITY,
                fromB > 0 ? sorted[split + fromB - 1] - median : Double.NEGATIVE_INFINITY);
        if ((n & 1) == 1) {
            return kth;
        }
        double following = Math.min(fromA < aLen ? median - sorted[split - 1 - fromA] : Double.POSITIVE_INFINITY,
                fromB < bLen ? sorted[split + fromB] - median : Double.POSITIVE_INFINITY);
        return (kth + following) / 2;
    }

    /**
     * How many of the k + 1 smallest deviations lie below the split: the first {@code i} in {@code [lo, hi]} for
     * which a[i] (the (i+1)-th deviation below) is not smaller than b[k - i], the deviation above that it would
     * displace. Walks from the previous answer.
     */
    private int takenFromBelow(int k, int split, int aLen, int bLen, double median) {
        int lo = Math.max(0, k + 1 - bLen);
        int hi = Math.min(k + 1, aLen);
        int i = Math.min(Math.max(lastTaken, lo), hi);
        // a[i] < b[k - i]: take more from below; else step down while a[i - 1] >= b[k - i + 1] (too many taken)
        if (i < hi && median - sorted[split - 1 - i] < sorted[split + k - i] - median) {
            do {
                i++;
            } while (i < hi && median - sorted[split - 1 - i] < sorted[split + k - i] - median);
        } else {
            while (i > lo && !(median - sorted[split - i] < sorted[split + k - i + 1] - median)) {
                i--;
            }
        }
        lastTaken = i;
        return i;
    }

    @Override
    public boolean warmedUp() {
        return count == size;
    }

    @Override
    public double threshold() {
        return threshold;
    }

    @Override
    public String describe(double score, double value) {
        return String.format(java.util.Locale.ROOT, "value %.4g is %.1f robust deviations (scaled MAD) from the "
                + "median %.4g of the last %d readings", value, score, lastMedian, size);
    }
}
