package dev.benchwatch.engine.detect;

import java.util.Arrays;

/**
 * Robust deviation for spiky sensors: distance from the median of the last {@code size} readings in units of
 * the scaled median absolute deviation (1.4826 x MAD, which equals the standard deviation for normal noise).
 * One spike moves neither the median nor the MAD, unlike a mean and a standard deviation.
 *
 * <p>Cost: the window is kept sorted in a primitive array (binary search, then a {@code System.arraycopy}
 * shift: O(n) memory moves, a few hundred nanoseconds for the window sizes used here), plus a ring in arrival
 * order to know which value leaves. The MAD is found without sorting the deviations: the deviations below and
 * above the median form two sorted sequences, and the k-th smallest of two sorted sequences takes O(log n).
 */
public final class MadDetector implements Detector {
    /** Scales the MAD to the standard deviation for normally distributed noise. */
    public static final double NORMAL_SCALE = 1.4826;

    private final int size;
    private final double threshold;
    private final double[] arrival;
    private final double[] sorted;
    private int count;
    private int next;
    private double lastMedian = Double.NaN;

    /**
     * @param size      readings in the window (also the warm-up)
     * @param threshold anomalous at or above this many scaled MADs
     */
    public MadDetector(int size, double threshold) {
        Settings.requireAtLeast(size, 3, "window size");
        Settings.requirePositive(threshold, "threshold");
        this.size = size;
        this.threshold = threshold;
        this.arrival = new double[size];
        this.sorted = new double[size];
    }

    @Override
    public double update(long timestampNanos, double value) {
        double score = Double.NaN;
        if (count >= 3) {
            double median = median();
            double mad = madAround(median);
            lastMedian = median;
            score = Settings.deviations(value - median, NORMAL_SCALE * mad, median);
        }
        if (count == size) {
            remove(arrival[next]);
        } else {
            count++;
        }
        arrival[next] = value;
        next = (next + 1) % size;
        insert(value);
        return score;
    }

    private void remove(double value) {
        int n = count; // the window is full: count == size
        int at = Arrays.binarySearch(sorted, 0, n, value);
        System.arraycopy(sorted, at + 1, sorted, at, n - at - 1);
    }

    private void insert(double value) {
        int filled = count - 1; // values already in sorted
        int at = Arrays.binarySearch(sorted, 0, filled, value);
        if (at < 0) {
            at = -at - 1;
        }
        System.arraycopy(sorted, at, sorted, at + 1, filled - at);
        sorted[at] = value;
    }

    double median() {
        int n = count;
        return (n & 1) == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The median of |x - median| over the window. */
    double madAround(double median) {
        int n = count;
        int split = lowerBound(median); // sorted[0..split) < median <= sorted[split..n)
        return (n & 1) == 1 ? kthDeviation(n / 2, split, median)
                : (kthDeviation(n / 2 - 1, split, median) + kthDeviation(n / 2, split, median)) / 2;
    }

    private int lowerBound(double v) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** k-th (0-based) smallest deviation: a = ascending deviations below the median, b = those above. */
    private double kthDeviation(int k, int split, double median) {
        int aLen = split;
        int bLen = count - split;
        int aLo = 0;
        int bLo = 0;
        while (true) {
            if (aLo == aLen) {
                return sorted[split + bLo + k] - median;
            }
            if (bLo == bLen) {
                return median - sorted[split - 1 - (aLo + k)];
            }
            double a0 = median - sorted[split - 1 - aLo];
            double b0 = sorted[split + bLo] - median;
            if (k == 0) {
                return Math.min(a0, b0);
            }
            int i = Math.min(aLen - aLo, (k + 1) / 2);
            int j = Math.min(bLen - bLo, (k + 1) / 2);
            double a = median - sorted[split - 1 - (aLo + i - 1)];
            double b = sorted[split + bLo + j - 1] - median;
            if (a <= b) {
                aLo += i;
                k -= i;
            } else {
                bLo += j;
                k -= j;
            }
        }
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
