package dev.benchwatch.ui.chart;

/**
 * Reduces the points of a {@link SeriesBuffer} in a time range to W pixel columns: per column the point
 * count, minimum and maximum (from the buffer's min/max pyramid) and first and last value. Drawing a
 * vertical stroke from min to max per column and joining one column's last value to the next one's first
 * shows every spike and looks the same as drawing every point, for O(W x (log N + 16 x levels)) work
 * instead of O(N). Allocation-free after the first call with a given width.
 */
public final class MinMaxDecimator {
    private final double[] extent = new double[2];

    /**
     * Start of column {@code c} of {@code columns} over [startTime, endTime): column c covers
     * [columnStart(c), columnStart(c + 1)).
     */
    public static long columnStart(long startTime, long endTime, int columns, int c) {
        if (c >= columns) {
            return endTime;
        }
        return startTime + (long) Math.floor((double) (endTime - startTime) * c / columns);
    }

    /**
     * @param startTime first time shown, ns (inclusive)
     * @param endTime   end of the range, ns (exclusive); must be after startTime
     * @param columns   pixel columns, at least 1
     */
    public void decimate(SeriesBuffer series, long startTime, long endTime, int columns, DecimatedColumns out) {
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        }
        if (endTime <= startTime) {
            throw new IllegalArgumentException("time range must not be empty: " + startTime + " .. " + endTime);
        }
        out.resize(columns);
        long begin = series.sequenceAtOrAfter(startTime);
        long from = begin;
        for (int c = 0; c < columns; c++) {
            long to = series.sequenceAtOrAfter(columnStart(startTime, endTime, columns, c + 1), from);
            int n = (int) (to - from);
            out.count[c] = n;
            if (n == 0) {
                out.min[c] = Double.POSITIVE_INFINITY;
                out.max[c] = Double.NEGATIVE_INFINITY;
                out.first[c] = Double.NaN;
                out.last[c] = Double.NaN;
            } else {
                series.extent(from, to, extent);
                out.min[c] = extent[0];
                out.max[c] = extent[1];
                out.first[c] = series.valueAt(from);
                out.last[c] = series.valueAt(to - 1);
            }
            from = to;
        }
        out.hasBefore = begin > series.firstSequence();
        if (out.hasBefore) {
            out.beforeTime = series.timeAt(begin - 1);
            out.beforeValue = series.valueAt(begin - 1);
        }
        out.hasAfter = from < series.endSequence();
        if (out.hasAfter) {
            out.afterTime = series.timeAt(from);
            out.afterValue = series.valueAt(from);
        }
    }
}
