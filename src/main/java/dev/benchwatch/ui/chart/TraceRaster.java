package dev.benchwatch.ui.chart;

import java.util.Arrays;

/**
 * The plot's series lines as pixels: for dense series (more points than pixel columns) each column is one
 * vertical run of pixels from its minimum to its maximum, joined to its neighbours, written straight into
 * an ARGB array. That costs a few array writes per column, where stroking the same shape as a path makes
 * the JavaFX renderer rasterise thousands of segments per series every frame; the chart then draws the
 * array as one image. Pure Java; y values are pixel rows (top 0), already mapped.
 */
final class TraceRaster {
    private int width;
    private int height;
    private int[] pixels = new int[0];

    void resize(int w, int h) {
        width = Math.max(1, w);
        height = Math.max(1, h);
        if (pixels.length < width * height) {
            pixels = new int[width * height];
        }
    }

    void clear() {
        Arrays.fill(pixels, 0, width * height, 0);
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

    int pixel(int x, int y) {
        return pixels[y * width + x];
    }

    /** An opaque vertical run at column x between rows y0 and y1 (either order, clipped). */
    void span(int x, double y0, double y1, int argb) {
        if (x < 0 || x >= width || Double.isNaN(y0) || Double.isNaN(y1)) {
            return;
        }
        int top = (int) Math.floor(Math.min(y0, y1));
        int bottom = (int) Math.floor(Math.max(y0, y1));
        if (bottom < 0 || top >= height) {
            return;
        }
        top = Math.max(0, top);
        bottom = Math.min(height - 1, bottom);
        for (int y = top, i = top * width + x; y <= bottom; y++, i += width) {
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
        double prevX = beforeX;
        double prevY = beforeY;
        for (int c = 0; c < columns; c++) {
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
