package dev.benchwatch.ui.chart;

/**
 * A series reduced to pixel columns by {@link MinMaxDecimator}: for each column its point count, minimum,
 * maximum, first and last value; plus the nearest point on each side of the range, so a line can enter
 * and leave the plot. Reused frame after frame: sized once for the widest plot.
 *
 * <p>Decimated on a time-aligned grid ({@link MinMaxDecimator#decimateAligned}), it also remembers what
 * it was computed from (the grid, and how far the buffer had got), so the next frame can shift the columns
 * and recompute only those that new points touched.
 */
public final class DecimatedColumns {
    int columns;
    int[] count = new int[0];
    double[] min = new double[0];
    double[] max = new double[0];
    double[] first = new double[0];
    double[] last = new double[0];
    boolean hasBefore;
    long beforeTime;
    double beforeValue;
    boolean hasAfter;
    long afterTime;
    double afterValue;

    // what the columns were computed from, for the incremental path of MinMaxDecimator.decimateAligned
    boolean aligned;
    SeriesBuffer source;
    long origin;
    long firstColumn;
    long span;
    long seenEnd;
    long seenHead;
    long seenGeneration;
    int recomputedFrom;
    long beginSequence;
    // the visible extent and the columns holding it, kept up to date by MinMaxDecimator.decimateAligned
    boolean extentKnown;
    double lowest;
    double highest;
    int lowestColumn;
    int highestColumn;

    void resize(int columns) {
        if (min.length < columns) {
            count = new int[columns];
            min = new double[columns];
            max = new double[columns];
            first = new double[columns];
            last = new double[columns];
        }
        if (this.columns != columns) {
            invalidate();
        }
        this.columns = columns;
    }

    /** Forgets what the columns were computed from: the next aligned decimation recomputes them all. */
    public void invalidate() {
        aligned = false;
        source = null;
        extentKnown = false;
    }

    /**
     * Updates the visible extent after columns [from, columns) were recomputed and the rest shifted left by
     * {@code shift}: when the columns that held the extremes are still among the kept ones, only the
     * recomputed columns are scanned; otherwise all of them.
     */
    void updateExtent(int shift, int from) {
        boolean keep = extentKnown && from > 0;
        int lowAt = lowestColumn - shift;
        int highAt = highestColumn - shift;
        if (!keep || lowAt < 0 || lowAt >= from) {
            scanLowest(0);
        } else {
            lowestColumn = lowAt;
            for (int c = from; c < columns; c++) {
                if (min[c] < lowest) {
                    lowest = min[c];
                    lowestColumn = c;
                }
            }
        }
        if (!keep || highAt < 0 || highAt >= from) {
            scanHighest(0);
        } else {
            highestColumn = highAt;
            for (int c = from; c < columns; c++) {
                if (max[c] > highest) {
                    highest = max[c];
                    highestColumn = c;
                }
            }
        }
        extentKnown = true;
    }

    private void scanLowest(int from) {
        lowest = Double.POSITIVE_INFINITY;
        lowestColumn = -1;
        for (int c = from; c < columns; c++) {
            if (min[c] < lowest) {
                lowest = min[c];
                lowestColumn = c;
            }
        }
    }

    private void scanHighest(int from) {
        highest = Double.NEGATIVE_INFINITY;
        highestColumn = -1;
        for (int c = from; c < columns; c++) {
            if (max[c] > highest) {
                highest = max[c];
                highestColumn = c;
            }
        }
    }

    /**
     * Columns [0, n - shift) take the values of [shift, n): the grid moved {@code shift} columns to the
     * right (later). The last {@code shift} columns keep stale values until recomputed.
     */
    void shiftLeft(int shift) {
        int keep = columns - shift;
        if (shift <= 0 || keep <= 0) {
            return;
        }
        System.arraycopy(count, shift, count, 0, keep);
        System.arraycopy(min, shift, min, 0, keep);
        System.arraycopy(max, shift, max, 0, keep);
        System.arraycopy(first, shift, first, 0, keep);
        System.arraycopy(last, shift, last, 0, keep);
    }

    /**
     * The first column the last {@link MinMaxDecimator#decimateAligned} recomputed (0 when it recomputed
     * everything, {@link #columns()} when nothing).
     */
    public int recomputedFrom() {
        return recomputedFrom;
    }

    public int columns() {
        return columns;
    }

    /** Points falling in column c (0 for an empty column). */
    public int count(int c) {
        return count[c];
    }

    /** Smallest value in column c; +inf when empty or all NaN. */
    public double min(int c) {
        return min[c];
    }

    /** Largest value in column c; -inf when empty or all NaN. */
    public double max(int c) {
        return max[c];
    }

    /** Value of the column's first point (NaN when empty). */
    public double first(int c) {
        return first[c];
    }

    /** Value of the column's last point (NaN when empty). */
    public double last(int c) {
        return last[c];
    }

    /** Whether the series has a point before the range (the line enters from the left). */
    public boolean hasBefore() {
        return hasBefore;
    }

    public long beforeTime() {
        return beforeTime;
    }

    public double beforeValue() {
        return beforeValue;
    }

    /** Whether the series has a point after the range (the line leaves to the right). */
    public boolean hasAfter() {
        return hasAfter;
    }

    public long afterTime() {
        return afterTime;
    }

    public double afterValue() {
        return afterValue;
    }

    /** Smallest finite column minimum (+inf when none): the visible data's lower extent. */
    public double overallMin() {
        if (extentKnown) {
            return lowest;
        }
        double lo = Double.POSITIVE_INFINITY;
        for (int c = 0; c < columns; c++) {
            if (min[c] < lo) {
                lo = min[c];
            }
        }
        return lo;
    }

    /** Largest finite column maximum (-inf when none). */
    public double overallMax() {
        if (extentKnown) {
            return highest;
        }
        double hi = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < columns; c++) {
            if (max[c] > hi) {
                hi = max[c];
            }
        }
        return hi;
    }
}
