package dev.benchwatch.ui.chart;

import java.util.Arrays;

/**
 * The plot's series lines as pixels: for dense series (more points than pixel columns) each column is one
 * vertical run of pixels from its minimum to its maximum, joined to its neighbours, written straight into
 * an ARGB array. That costs a few array writes per column, where stroking the same shape as a path makes
 * the JavaFX renderer rasterise thousands of segments per series every frame; the chart then draws the
 * array as one image. The window-statistics overlays (mean line, min/max and stddev bands) and the grid go
 * into the same array, as alpha-blended column spans with anti-aliased ends, so the renderer draws one
 * image per chart instead of stroking and filling paths. Pure Java; y values are pixel rows (top 0),
 * already mapped.
 *
 * <p>The array can be a ring of columns ({@link #window}): visible column x is array column
 * (x + offset) mod width, so a chart scrolling by whole columns keeps the array, moves the offset and draws
 * only the columns that changed; everything drawn outside the window's columns is left alone.
 */
final class TraceRaster {
    private int width;
    private int height;
    private int[] pixels = new int[0];
    private int offset;
    private int leftEnd = -1;
    private int from;

    void resize(int w, int h) {
        width = Math.max(1, w);
        height = Math.max(1, h);
        if (pixels.length < width * height) {
            pixels = new int[width * height];
        }
        window(0, -1, 0);
    }

    /**
     * Visible column x lives in array column (x + offset) mod width; only the visible columns
     * [0, leftEnd] and [from, width) are drawn until the next call ({@code (0, -1, 0)}: all of them, no
     * ring).
     */
    void window(int offset, int leftEnd, int from) {
        this.offset = Math.floorMod(offset, width);
        this.leftEnd = leftEnd;
        this.from = from;
    }

    /** Last visible column of the window's left part (-1: none). */
    int leftEnd() {
        return leftEnd;
    }

    /** First visible column of the window's right part. */
    int from() {
        return from;
    }

    /** Array column of visible column x, or -1 when x is outside the raster or the window. */
    private int ring(int x) {
        if (x < 0 || x >= width || (x > leftEnd && x < from)) {
            return -1;
        }
        int r = x + offset;
        return r >= width ? r - width : r;
    }

    void clear() {
        fillWindow(0);
    }

    /** Fills the window with an opaque colour (the plot's background): blending then needs no alpha. */
    void fill(int rgb) {
        fillWindow(0xff000000 | rgb);
    }

    private void fillWindow(int argb) {
        for (int y = 0; y < height; y++) {
            fillRow(y, argb);
        }
    }

    /** An opaque row across the window (a horizontal grid line). */
    void row(int y, int rgb) {
        if (y >= 0 && y < height) {
            fillRow(y, 0xff000000 | rgb);
        }
    }

    private void fillRow(int y, int argb) {
        if (leftEnd >= 0) {
            fillVisible(y, 0, Math.min(width, leftEnd + 1), argb);
        }
        fillVisible(y, Math.max(from, leftEnd + 1), width, argb);
    }

    /** Visible columns [a, b) of row y, as one or two runs of the ring. */
    private void fillVisible(int y, int a, int b, int argb) {
        if (a >= b) {
            return;
        }
        int base = y * width;
        int r = a + offset;
        if (r >= width) {
            r -= width;
        }
        int n = b - a;
        int first = Math.min(n, width - r);
        Arrays.fill(pixels, base + r, base + r + first, argb);
        if (first < n) {
            Arrays.fill(pixels, base, base + n - first, argb);
        }
    }

    /** An opaque column down the raster (a vertical grid line). */
    void column(int x, int rgb) {
        int r = ring(x);
        if (r >= 0) {
            for (int i = r; i < width * height; i += width) {
                pixels[i] = 0xff000000 | rgb;
            }
        }
    }

    /**
     * Blends {@code rgb} at {@code alpha} (0..256) over pixel i, which must be opaque (the raster was
     * {@link #fill filled}): per channel (src x a + dst x (256 - a)) / 256, two channels per multiply.
     */
    private void blend(int i, int rgb, int alpha) {
        if (alpha <= 0) {
            return;
        }
        if (alpha >= 256) {
            pixels[i] = 0xff000000 | rgb;
            return;
        }
        int d = pixels[i];
        int inv = 256 - alpha;
        int rb = (((rgb & 0xff00ff) * alpha + (d & 0xff00ff) * inv) >>> 8) & 0xff00ff;
        int g = (((rgb & 0x00ff00) * alpha + (d & 0x00ff00) * inv) >>> 8) & 0x00ff00;
        pixels[i] = 0xff000000 | rb | g;
    }

    /**
     * Blends {@code rgb} at {@code alpha} (0..1) over the rows [top, bottom] of column x, in fractional
     * rows: the end rows get the share of them covered (an anti-aliased edge). Rows: pixel row r covers
     * [r, r + 1).
     */
    void blendSpan(int x, double top, double bottom, int rgb, double alpha) {
        int r = ring(x);
        if (r < 0 || !(top <= bottom)) {
            return;
        }
        int first = (int) Math.max(0, Math.floor(top));
        int last = (int) Math.min(height - 1, Math.floor(bottom));
        int full = (int) Math.round(alpha * 256);
        for (int y = first, i = first * width + r; y <= last; y++, i += width) {
            double cover = Math.min(y + 1, bottom) - Math.max(y, top);
            if (cover >= 1) {
                blend(i, rgb, full);
            } else if (cover > 0) {
                blend(i, rgb, (int) Math.round(cover * alpha * 256));
            }
        }
    }

    /**
     * A polyline given as its row at each column centre, {@code rows[x + 1]} for x in [-1, width] (NaN
     * where it is absent; see {@link #profile}), drawn anti-aliased {@code 2 x half} rows thick: per column
     * the rows it passes through between the column's left and right edges, widened by {@code half} on
     * each side, each row blended by the share of it covered.
     */
    void polyline(double[] rows, double half, int rgb, double alpha) {
        for (int x = leftEnd >= 0 ? 0 : from; x < width; x = x == leftEnd ? Math.max(x + 1, from) : x + 1) {
            double y = rows[x + 1];
            if (Double.isNaN(y)) {
                continue;
            }
            double left = rows[x];
            double right = rows[x + 2];
            left = Double.isNaN(left) ? y : (left + y) / 2;
            right = Double.isNaN(right) ? y : (right + y) / 2;
            double top = Math.min(y, Math.min(left, right)) - half;
            double bottom = Math.max(y, Math.max(left, right)) + half;
            blendSpan(x, top, bottom, rgb, alpha);
        }
    }

    /** Fills between two profiles (see {@link #polyline}) at {@code alpha}, column by column. */
    void band(double[] upper, double[] lower, int rgb, double alpha) {
        for (int x = leftEnd >= 0 ? 0 : from; x < width; x = x == leftEnd ? Math.max(x + 1, from) : x + 1) {
            double a = upper[x + 1];
            double b = lower[x + 1];
            if (Double.isNaN(a) || Double.isNaN(b)) {
                continue;
            }
            blendSpan(x, Math.min(a, b), Math.max(a, b), rgb, alpha);
        }
    }

    /**
     * Sets {@code rows[x + 1]}, x in [-1, width], to the row at column centre x of the line through the
     * points (xs[i], ys[i]), i < n, in increasing x (columns; the first and last may lie outside), by linear
     * interpolation; NaN outside the points' x range.
     */
    void profile(double[] xs, double[] ys, int n, double[] rows) {
        Arrays.fill(rows, 0, width + 2, Double.NaN);
        for (int i = 0; i < n; i++) {
            double x1 = xs[i];
            double y1 = ys[i];
            if (i == 0) {
                if (x1 >= -1 && x1 <= width && x1 == Math.rint(x1)) {
                    rows[(int) x1 + 1] = y1;
                }
                continue;
            }
            double x0 = xs[i - 1];
            double y0 = ys[i - 1];
            int from = (int) Math.max(-1, Math.ceil(x0));
            int to = (int) Math.min(width, Math.floor(x1));
            double slope = x1 == x0 ? 0 : (y1 - y0) / (x1 - x0);
            for (int x = from; x <= to; x++) {
                rows[x + 1] = x == x1 ? y1 : y0 + slope * (x - x0);
            }
        }
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    int[] pixels() {
        return pixels;
    }

    /** The pixel at visible column x, row y. */
    int pixel(int x, int y) {
        return pixels[y * width + (x + offset) % width];
    }

    /** An opaque vertical run at column x between rows y0 and y1 (either order, clipped). */
    void span(int x, double y0, double y1, int argb) {
        int r = ring(x);
        if (r < 0 || Double.isNaN(y0) || Double.isNaN(y1)) {
            return;
        }
        int top = (int) Math.floor(Math.min(y0, y1));
        int bottom = (int) Math.floor(Math.max(y0, y1));
        if (bottom < 0 || top >= height) {
            return;
        }
        top = Math.max(0, top);
        bottom = Math.min(height - 1, bottom);
        for (int y = top, i = top * width + r; y <= bottom; y++, i += width) {
            pixels[i] = argb;
        }
    }

    /**
     * Draws a decimated series whose column values were mapped to rows: min/max runs per column, joined
     * column to column (through empty columns by linear interpolation), entering from {@code beforeX/Y}
     * and leaving towards {@code afterX/Y} when those are not NaN (x in columns, may lie outside).
     */
    void trace(int columns, int[] count, double[] yMin, double[] yMax, double[] yFirst, double[] yLast,
               double beforeX, double beforeY, double afterX, double afterY, int argb) {
        trace(0, columns, count, yMin, yMax, yFirst, yLast, beforeX, beforeY, afterX, afterY, argb);
    }

    /** As {@link #trace(int, int[], double[], double[], double[], double[], double, double, double, double, int)}
     * for columns [from, to) only (the arrays' other entries are not read). */
    void trace(int from, int to, int[] count, double[] yMin, double[] yMax, double[] yFirst, double[] yLast,
               double beforeX, double beforeY, double afterX, double afterY, int argb) {
        double prevX = beforeX;
        double prevY = beforeY;
        for (int c = from; c < to; c++) {
            if (count[c] == 0 || Double.isNaN(yMin[c])) {
                continue;
            }
            double first = Double.isNaN(yFirst[c]) ? yMin[c] : yFirst[c];
            join(prevX, prevY, c, first, argb);
            span(c, yMin[c], yMax[c], argb);
            prevX = c;
            prevY = Double.isNaN(yLast[c]) ? yMax[c] : yLast[c];
        }
        if (!Double.isNaN(afterY)) {
            join(prevX, prevY, afterX, afterY, argb);
        }
    }

    /** A line from (x0, y0) to (x1, y1) as one run per column it crosses (nothing when x0 is NaN). */
    private void join(double x0, double y0, double x1, double y1, int argb) {
        if (Double.isNaN(x0) || Double.isNaN(y0) || Double.isNaN(y1)) {
            return;
        }
        double slope = x1 == x0 ? 0 : (y1 - y0) / (x1 - x0);
        int from = (int) Math.max(0, Math.floor(x0));
        int to = (int) Math.min(width - 1, Math.floor(x1));
        for (int x = from; x <= to; x++) {
            // the part of the line within column x, as a run from its entry to its exit row
            double xa = Math.max(x0, x - 0.5);
            double xb = Math.min(x1, x + 0.5);
            if (xb < xa) {
                continue;
            }
            span(x, y0 + slope * (xa - x0), y0 + slope * (xb - x0), argb);
        }
    }
}
