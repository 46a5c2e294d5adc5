package dev.benchwatch.ui.triggers.editor;

import dev.benchwatch.workspace.trigger.ChannelSeries;
import java.util.Arrays;

/**
 * A series reduced to one entry per pixel column: each column's minimum, maximum, first and last value.
 * Drawing each column from its minimum to its maximum and joining one column's last value to the next one's
 * first looks the same as drawing every point, so a million readings cost one pass and a few hundred line
 * segments. Reused between paints: allocates only when the width grows.
 */
final class ColumnExtremes {
    private int columns;
    private double[] min = new double[0];
    private double[] max = new double[0];
    private double[] first = new double[0];
    private double[] last = new double[0];
    private long[] firstTime = new long[0];
    private long[] lastTime = new long[0];

    /**
     * Reduces the readings of {@code series} in [from, to] to {@code columns} columns of equal time; column
     * c covers [from + c x (to - from) / columns, from + (c + 1) x (to - from) / columns). Readings outside the
     * range and non-finite values are left out. Returns the number of readings taken.
     */
    int reduce(ChannelSeries series, long from, long to, int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        }
        if (to <= from) {
            throw new IllegalArgumentException("the range must not be empty: " + from + " to " + to);
        }
        ensure(columns);
        Arrays.fill(min, 0, columns, Double.NaN);
        this.columns = columns;
        double scale = columns / (double) (to - from);
        long[] ts = series.timestamps();
        double[] vs = series.values();
        int taken = 0;
        for (int i = 0; i < series.length(); i++) {
            long t = ts[i];
            double v = vs[i];
            if (t < from || t > to || v - v != 0) {
                continue;
            }
            int c = Math.min(columns - 1, (int) ((t - from) * scale));
            if (Double.isNaN(min[c])) {
                min[c] = max[c] = first[c] = last[c] = v;
                firstTime[c] = lastTime[c] = t;
            } else {
                if (v < min[c]) {
                    min[c] = v;
                } else if (v > max[c]) {
                    max[c] = v;
                }
                if (t < firstTime[c]) {
                    first[c] = v;
                    firstTime[c] = t;
                }
                if (t >= lastTime[c]) {
                    last[c] = v;
                    lastTime[c] = t;
                }
            }
            taken++;
        }
        return taken;
    }

    private void ensure(int n) {
        if (min.length < n) {
            min = new double[n];
            max = new double[n];
            first = new double[n];
            last = new double[n];
            firstTime = new long[n];
            lastTime = new long[n];
        }
    }

    int columns() {
        return columns;
    }

    /** True when column c holds at least one reading. */
    boolean has(int c) {
        return !Double.isNaN(min[c]);
    }

    double min(int c) {
        return min[c];
    }

    double max(int c) {
        return max[c];
    }

    double first(int c) {
        return first[c];
    }

    double last(int c) {
        return last[c];
    }
}
