package dev.benchwatch.ui.chart;

/**
 * Reduces the points of a {@link SeriesBuffer} in a time range to W pixel columns: per column the point
 * count, minimum and maximum (from the buffer's min/max pyramid) and first and last value. Drawing a
 * vertical stroke from min to max per column and joining one column's last value to the next one's first
 * shows every spike and looks the same as drawing every point, for O(W x (log N + 16 x levels)) work
 * instead of O(N). Allocation-free after the first call with a given width.
 *
 * <p>{@link #decimateAligned} puts the columns on a grid fixed in time (for a span S over W columns and an
 * origin O, a multiple of S, column k covers [O + floor(k x S / W), O + floor((k + 1) x S / W)) ns), so a
 * column's content depends only on the points in it, not on where the range starts: while a chart follows
 * live data with the same span and width, the columns of the last frame are shifted and only those that
 * new points reached are recomputed (usually one or two), everything else being reused. (The origin keeps
 * column numbers small: counted from 1970, k x S would overflow at microsecond spans.)
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
     * Start (ns, from the grid's origin) of column {@code k} of the grid of {@code columns} columns per
     * {@code span}: floor(k x span / columns), exactly (column k + columns starts span later). Exact while
     * k / columns x span fits a long.
     */
    public static long gridTime(long k, long span, int columns) {
        long q = Math.floorDiv(k, columns);
        long r = k - q * columns; // 0 <= r < columns
        long whole = span / columns;
        long part = span % columns; // r x part < columns^2: no overflow
        return q * span + r * whole + (r * part) / columns;
    }

    /** The column of the grid ({@link #gridTime}) that {@code time} (from the grid's origin) falls in. */
    public static long gridColumn(long time, long span, int columns) {
        long q = Math.floorDiv(time, span);
        long rem = time - q * span; // 0 <= rem < span
        long r = (long) ((double) rem * columns / span);
        r = Math.max(0, Math.min(columns - 1, r));
        long k = q * columns + r;
        while (r > 0 && gridTime(k, span, columns) > time) {
            k--;
            r--;
        }
        while (r < columns - 1 && gridTime(k + 1, span, columns) <= time) {
            k++;
            r++;
        }
        return k;
    }

    /**
     * The first column of a plot of {@code columns} columns showing {@code span} ns up to {@code endTime}
     * (exclusive, from the grid's origin) on the aligned grid: its last column holds {@code endTime - 1}, so
     * the range drawn, [gridTime(k), gridTime(k) + span), ends less than one column after {@code endTime}.
     */
    public static long firstGridColumn(long endTime, long span, int columns) {
        return gridColumn(endTime - 1, span, columns) - columns + 1;
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
        out.invalidate();
        fill(series, out, 0, columns, false, startTime, endTime, 0, 0, false);
        out.recomputedFrom = 0;
    }

    /**
     * Decimates to the aligned grid: {@code columns} columns from column {@code firstColumn} of the grid of
     * {@code columns} per {@code span} ns from {@code origin} (ns), i.e. the range [origin +
     * gridTime(firstColumn), that + span). When {@code out} holds this series on the same grid from an earlier
     * call, from at most {@code columns - 1} columns before, and the buffer has neither been cleared nor
     * dropped (by wrapping) a point from the new range since, the old columns are shifted into place and only
     * the new ones and those the new points fall in are recomputed; otherwise all of them.
     * The result equals a full recompute in every case.
     */
    public void decimateAligned(SeriesBuffer series, long origin, long firstColumn, long span, int columns,
                                DecimatedColumns out) {
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        }
        if (span < 1) {
            throw new IllegalArgumentException("span must be >= 1 ns, got " + span);
        }
        out.resize(columns);
        long startTime = origin + gridTime(firstColumn, span, columns);
        int from = 0;
        boolean incremental = false;
        long shift = firstColumn - out.firstColumn;
        if (out.aligned && out.source == series && out.span == span && out.origin == origin
                && out.seenGeneration == series.generation()
                && shift >= 0 && shift < columns && out.seenHead <= series.firstSequence()
                && (out.seenHead == series.firstSequence()
                    || (!series.isEmpty() && series.firstTime() < startTime))) {
            // points dropped since (older than the oldest held, so before the range) change nothing shown
            incremental = true;
            out.shiftLeft((int) shift);
            from = columns - (int) shift; // columns new to the grid
            long firstNew = Math.max(out.seenEnd, series.firstSequence());
            if (firstNew < series.endSequence()) {
                // times never go backwards: every new point lies at or after the first new one
                long column = gridColumn(series.timeAt(firstNew) - origin, span, columns) - firstColumn;
                if (column < from) {
                    from = (int) Math.max(0, column);
                }
            }
        }
        fill(series, out, from, columns, true, startTime, origin, firstColumn, span, incremental);
        out.updateExtent(incremental ? (int) shift : 0, incremental ? from : 0);
        out.aligned = true;
        out.origin = origin;
        out.source = series;
        out.firstColumn = firstColumn;
        out.span = span;
        out.seenEnd = series.endSequence();
        out.seenHead = series.firstSequence();
        out.seenGeneration = series.generation();
        out.recomputedFrom = from;
    }

    /**
     * Computes columns [from, columns) and the neighbours outside the range. Column boundaries: aligned, the
     * grid's (column firstColumn + c of span from origin); otherwise {@link #columnStart} over
     * [startTime, endTime).
     */
    private void fill(SeriesBuffer series, DecimatedColumns out, int from, int columns, boolean aligned,
                      long startTime, long endOrOrigin, long firstColumn, long span, boolean incremental) {
        // incrementally, the range's start only moved on a little since the last frame (gallop from there)
        // and the columns to recompute are near the newest points (gallop back from the end)
        long begin = incremental ? series.sequenceAtOrAfter(startTime, out.beginSequence)
                : series.sequenceAtOrAfter(startTime);
        out.beginSequence = begin;
        long seq = from == 0 ? begin
                : Math.max(begin, series.sequenceAtOrAfterFromEnd(
                        boundary(aligned, startTime, endOrOrigin, columns, firstColumn, span, from)));
        for (int c = from; c < columns; c++) {
            long to = series.sequenceAtOrAfter(
                    boundary(aligned, startTime, endOrOrigin, columns, firstColumn, span, c + 1), seq);
            int n = (int) (to - seq);
            out.count[c] = n;
            if (n == 0) {
                out.min[c] = Double.POSITIVE_INFINITY;
                out.max[c] = Double.NEGATIVE_INFINITY;
                out.first[c] = Double.NaN;
                out.last[c] = Double.NaN;
            } else {
                series.extent(seq, to, extent);
                out.min[c] = extent[0];
                out.max[c] = extent[1];
                out.first[c] = series.valueAt(seq);
                out.last[c] = series.valueAt(to - 1);
            }
            seq = to;
        }
        if (from >= columns) {
            seq = Math.max(begin, series.sequenceAtOrAfterFromEnd(
                    boundary(aligned, startTime, endOrOrigin, columns, firstColumn, span, columns)));
        }
        out.hasBefore = begin > series.firstSequence();
        if (out.hasBefore) {
            out.beforeTime = series.timeAt(begin - 1);
            out.beforeValue = series.valueAt(begin - 1);
        }
        out.hasAfter = seq < series.endSequence();
        if (out.hasAfter) {
            out.afterTime = series.timeAt(seq);
            out.afterValue = series.valueAt(seq);
        }
    }

    private static long boundary(boolean aligned, long startTime, long endOrOrigin, int columns, long firstColumn,
                                 long span, int c) {
        return aligned ? endOrOrigin + gridTime(firstColumn + c, span, columns)
                : columnStart(startTime, endOrOrigin, columns, c);
    }
}
