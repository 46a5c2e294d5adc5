package dev.benchwatch.ui.chart;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Paints a {@link LiveChart} onto its canvas: legend, axes with nice ticks, window-statistics bands, the
 * decimated series lines, cursors and their readout. Each series costs one min/max decimation to the
 * plot's pixel width, whatever its point count; the columns sit on a grid aligned to absolute time and are
 * kept between frames, so following live data recomputes only the columns new points reached. The plot
 * itself (background, grid lines, dense series, statistics bands and mean lines) is one raster image
 * ({@link TraceRaster}); only sparse series, cursors, ticks and text are canvas commands. Keeps the plot
 * area of the last paint so the chart can map the mouse to time.
 */
final class ChartPainter {
    private static final double RIGHT_MARGIN = 18;
    private static final double BOTTOM_MARGIN = 38;
    private static final double TOP_MARGIN = 8;
    private static final double LEGEND_ROW = 18;
    private static final double MIN_LEFT_MARGIN = 48;
    private static final double Y_TICK_SPACING = 42;
    private static final double X_TICK_SPACING = 110;

    private final Font labelFont = Font.font("System", 11);
    private final Font legendFont = Font.font("System", 12);
    private final Font badgeFont = Font.font("System", FontWeight.BOLD, 11);
    private final Font readoutFont = Font.font("Monospaced", 11.5);
    private final Text measure = new Text();
    private final Map<Font, Map<String, Double>> textWidths = new HashMap<>();
    private final MinMaxDecimator decimator = new MinMaxDecimator();
    private final TimeLabels timeLabels;

    private final TraceRaster raster = new TraceRaster();
    private PixelBuffer<IntBuffer> rasterBuffer;
    private WritableImage rasterImage;
    private double[] rowMin = new double[0];
    private double[] rowMax = new double[0];
    private double[] rowFirst = new double[0];
    private double[] rowLast = new double[0];
    private double[] xs = new double[64];
    private double[] ys = new double[64];
    private double[] upperRows = new double[0];
    private double[] lowerRows = new double[0];
    private int[] gridRows = new int[16];
    private int gridRowCount;
    private int[] gridColumns = new int[16];
    private int gridColumnCount;

    double plotLeft = 64;
    double plotTop;
    double plotWidth = 1;
    double plotHeight = 1;
    double yLow = 0;
    double yHigh = 1;
    private int columns = 1;
    /** The range drawn: the viewport's span on the aligned column grid, ending within a column of its end. */
    long drawStart;
    long drawEnd = 1;
    /** The column grid's origin: a multiple of the span near the range, moved only when far from it. */
    private long gridOrigin;
    private long gridOriginSpan;
    private long firstColumn;
    private long span = 1;
    private long tickBase;
    private long tickStep;

    // what the raster holds, so a frame that only scrolled can keep it and draw just the changed columns
    private boolean rasterValid;
    private long rasterOrigin;
    private long rasterFirstColumn;
    private long rasterSpan;
    private double rasterPlotHeight;
    private double rasterYLow;
    private double rasterYHigh;
    private ChartTheme rasterTheme;
    private long rasterTickBase;
    private long rasterTickStep;
    private ChartSeries[] rasterSeries = new ChartSeries[0];
    private int[] rasterFlags = new int[0];
    private List<Object> legendKey = List.of();
    private int rasterLeftEnd;
    private int rasterFrom;
    /** Columns the last paint drew into the raster (for tests and profiling). */
    int rasterColumnsDrawn;

    ChartPainter(TimeLabels timeLabels) {
        this.timeLabels = timeLabels;
    }

    void paint(GraphicsContext gc, double width, double height, LiveChart chart) {
        ChartTheme theme = chart.getTheme();
        List<ChartSeries> series = chart.series();
        long viewEnd = chart.viewport().end();
        span = Math.max(1, viewEnd - chart.viewport().start());
        long start = drawStart;
        long end = drawEnd;

        double legendHeight = layoutLegend(series, width, false, gc, theme);
        plotTop = TOP_MARGIN + legendHeight;
        plotHeight = Math.max(1, height - BOTTOM_MARGIN - plotTop);
        // The canvas keeps what was drawn: the legend (above legendBottom, where nothing else is drawn) is
        // cleared and drawn again only when it changes, which saves most of the text a frame draws.
        double legendBottom = Math.max(0, plotTop - 5);
        gc.setFill(theme.background());
        gc.fillRect(0, legendBottom, width, height - legendBottom);

        // decimate (incrementally), then size the left margin for the y labels; only when the margin has to
        // change does the plot width change, and with it every column: decimate again at the new width. The
        // margin grows at once but shrinks only by 8 px or more, so a label flickering between two widths
        // cannot make every frame decimate twice.
        if (span != gridOriginSpan || Math.abs(viewEnd - gridOrigin) > 1000 * span) {
            gridOrigin = Math.floorDiv(viewEnd, span) * span;
            gridOriginSpan = span;
        }
        double[] range = new double[2];
        double step = 1;
        for (int attempt = 0; attempt < 2; attempt++) {
            plotWidth = Math.max(1, Math.floor(width - RIGHT_MARGIN - plotLeft));
            columns = (int) plotWidth;
            firstColumn = MinMaxDecimator.firstGridColumn(viewEnd - gridOrigin, span, columns);
            start = gridOrigin + MinMaxDecimator.gridTime(firstColumn, span, columns);
            end = start + span;
            drawStart = start;
            drawEnd = end;
            decimateAll(series, firstColumn, span);
            step = yRange(chart, series, range);
            double needed = Math.max(MIN_LEFT_MARGIN, Math.ceil(widestYLabel(range[0], range[1], step) + 16));
            if ((needed - plotLeft < 1 && plotLeft - needed < 8) || attempt == 1) {
                break;
            }
            plotLeft = needed;
        }
        yLow = range[0];
        yHigh = range[1];
        chart.publishYRange(yLow, yHigh);

        paintGrid(gc, theme, chart, start, end, step);

        gc.save();
        gc.beginPath();
        gc.rect(plotLeft, plotTop, plotWidth, plotHeight);
        gc.clip();
        gc.setLineJoin(StrokeLineJoin.BEVEL);
        gc.setLineDashes();
        gc.setLineWidth(1);
        // one opaque raster image for the plot: background, grid lines, dense series (more points than
        // columns) as per-column runs, then the statistics overlays (bands blended over, mean lines on top).
        // Sparse series are stroked as paths, which costs little for few vertices and draws them anti-aliased.
        // The raster is a ring of columns (column k of the grid at k mod width): following live data with
        // nothing else changed, the last frame's pixels stay and only the columns that scrolled in or that
        // new points changed are drawn (see window()).
        int rows = (int) Math.ceil(plotHeight);
        if (raster.width() != columns || raster.height() != rows) {
            rasterValid = false;
        }
        raster.resize(columns, rows);
        int offset = (int) Math.floorMod(firstColumn, (long) columns);
        window(chart, theme, series);
        raster.window(offset, rasterLeftEnd, rasterFrom);
        Rectangle2D dirty = dirtyRegion(offset, rasterLeftEnd, rasterFrom, columns, rows);
        rasterColumnsDrawn = Math.max(0, rasterLeftEnd + 1) + columns - Math.max(rasterFrom, rasterLeftEnd + 1);
        PixelBuffer<IntBuffer> buffer = rasterBuffer();
        long rasterStart = start;
        long rasterEnd = end;
        // the pixels are shared with the renderer: change them only inside updateBuffer
        buffer.updateBuffer(b -> {
            raster.fill(rgb(theme.plotBackground()));
            int grid = rgb(theme.grid());
            for (int i = 0; i < gridRowCount; i++) {
                raster.row(gridRows[i], grid);
            }
            for (int i = 0; i < gridColumnCount; i++) {
                raster.column(gridColumns[i], grid);
            }
            for (ChartSeries s : series) {
                if (s.isVisible() && dense(s.line)) {
                    traceIntoRaster(s.line, lineColor(s, theme), rasterStart, rasterEnd);
                }
            }
            for (ChartSeries s : series) {
                if (s.isVisible() && s.stats() != null) {
                    statsIntoRaster(theme, s, rasterStart, rasterEnd);
                }
            }
            return dirty;
        });
        rememberRaster(theme, series);
        int w1 = columns - offset;
        gc.drawImage(rasterImage, offset, 0, w1, rows, plotLeft, plotTop, w1, rows);
        if (offset > 0) {
            gc.drawImage(rasterImage, 0, 0, offset, rows, plotLeft + w1, plotTop, offset, rows);
        }
        for (ChartSeries s : series) {
            if (s.isVisible() && !dense(s.line)) {
                int n = vertices(s.line, Shape.LINE, start, end, 0);
                gc.setStroke(lineColor(s, theme));
                gc.strokePolyline(xs, ys, n);
            }
        }
        paintCursor(gc, chart.getCursorA(), theme.cursorA(), "A", start, end);
        paintCursor(gc, chart.getCursorB(), theme.cursorB(), "B", start, end);
        gc.restore();

        // the plot's border as four 1 px rectangles: filling pixel-aligned rectangles is a fast path of the
        // software pipeline, stroking a rectangle's outline goes through the path rasteriser
        double bl = Math.floor(plotLeft);
        double bt = Math.floor(plotTop);
        gc.setFill(theme.axis());
        gc.fillRect(bl, bt, plotWidth, 1);
        gc.fillRect(bl, bt + plotHeight - 1, plotWidth, 1);
        gc.fillRect(bl, bt + 1, 1, plotHeight - 2);
        gc.fillRect(bl + plotWidth - 1, bt + 1, 1, plotHeight - 2);

        List<Object> key = legendKey(series, width, height, theme, legendBottom);
        if (!key.equals(legendKey)) {
            gc.setFill(theme.background());
            gc.fillRect(0, 0, width, legendBottom);
            layoutLegend(series, width, true, gc, theme);
            legendKey = key;
        }
        paintReadout(gc, theme, chart);
        paintBadge(gc, theme, chart);
    }

    TraceRaster raster() {
        return raster;
    }

    /** What the legend depends on (the series drawn, how, and where). */
    private List<Object> legendKey(List<ChartSeries> series, double width, double height, ChartTheme theme,
                                   double legendBottom) {
        List<Object> key = new ArrayList<>(4 + series.size() * 3);
        key.add(width);
        key.add(height);
        key.add(Math.max(plotLeft, MIN_LEFT_MARGIN));
        key.add(legendBottom);
        key.add(theme);
        for (ChartSeries s : series) {
            key.add(s);
            key.add(s.isVisible());
            key.add(s.stats() != null);
        }
        return key;
    }

    /** Makes the next paint draw the whole raster. */
    void invalidateRaster() {
        rasterValid = false;
    }

    private static int flags(ChartSeries s, boolean dense) {
        return (s.isVisible() ? 1 : 0) | (dense ? 2 : 0) | (s.stats() != null ? 4 : 0);
    }

    /**
     * Decides which raster columns this paint draws: all of them ([0, -1] and [0, width)), unless the chart
     * follows live data and only scrolled since the raster was drawn (same size, span, y range, grid, theme
     * and series drawn the same way). Then: the columns from the last column holding a point before the
     * first one any series recomputed (a line or band joins that one to the new points, or leaves from it
     * towards a point after the range), and at the left the columns up to each series' first point, which
     * the line entering from the point before the range crosses.
     */
    private void window(LiveChart chart, ChartTheme theme, List<ChartSeries> series) {
        rasterLeftEnd = -1;
        rasterFrom = 0;
        long shift = firstColumn - rasterFirstColumn;
        boolean scroll = rasterValid && chart.viewport().following() && gridOrigin == rasterOrigin
                && shift >= 0 && shift < columns
                && span == rasterSpan && plotHeight == rasterPlotHeight && yLow == rasterYLow
                && yHigh == rasterYHigh && theme == rasterTheme && tickBase == rasterTickBase
                && tickStep == rasterTickStep && rasterSeries.length == series.size();
        for (int i = 0; scroll && i < series.size(); i++) {
            ChartSeries s = series.get(i);
            scroll = rasterSeries[i] == s && rasterFlags[i] == flags(s, s.isVisible() && dense(s.line));
        }
        if (!scroll) {
            return;
        }
        int from = columns;
        int leftEnd = -1;
        for (ChartSeries s : series) {
            if (!s.isVisible()) {
                continue;
            }
            for (int k = 0; k < 6; k++) {
                DecimatedColumns d = switch (k) {
                    case 0 -> dense(s.line) ? s.line : null;
                    case 1 -> s.stats() != null ? s.mean : null;
                    case 2 -> s.stats() != null ? s.min : null;
                    case 3 -> s.stats() != null ? s.max : null;
                    case 4 -> s.stats() != null ? s.lower : null;
                    default -> s.stats() != null ? s.upper : null;
                };
                if (d == null) {
                    continue;
                }
                int changed = d.recomputedFrom();
                if (changed < columns) {
                    int before = changed - 1;
                    while (before >= 0 && !(d.count[before] > 0 && d.min[before] <= d.max[before])) {
                        before--;
                    }
                    if (before < 0) {
                        return; // nothing kept to join the new points to: draw it all
                    }
                    from = Math.min(from, before);
                }
                if (shift > 0 && d.hasBefore) {
                    int first = 0;
                    while (first < columns && !(d.count[first] > 0 && d.min[first] <= d.max[first])) {
                        first++;
                    }
                    leftEnd = Math.max(leftEnd, Math.min(first, columns - 1));
                }
            }
        }
        if (leftEnd + 1 >= from) {
            return;
        }
        rasterLeftEnd = leftEnd;
        rasterFrom = from;
    }

    private void rememberRaster(ChartTheme theme, List<ChartSeries> series) {
        rasterValid = true;
        rasterOrigin = gridOrigin;
        rasterFirstColumn = firstColumn;
        rasterSpan = span;
        rasterPlotHeight = plotHeight;
        rasterYLow = yLow;
        rasterYHigh = yHigh;
        rasterTheme = theme;
        rasterTickBase = tickBase;
        rasterTickStep = tickStep;
        if (rasterSeries.length != series.size()) {
            rasterSeries = new ChartSeries[series.size()];
            rasterFlags = new int[series.size()];
        }
        for (int i = 0; i < series.size(); i++) {
            ChartSeries s = series.get(i);
            rasterSeries[i] = s;
            rasterFlags[i] = flags(s, s.isVisible() && dense(s.line));
        }
    }

    /** The ring columns drawn, for the renderer to upload: null for all, one rectangle when they are adjacent. */
    private static Rectangle2D dirtyRegion(int offset, int leftEnd, int from, int width, int height) {
        if (leftEnd < 0 && from == 0) {
            return null;
        }
        int lo = width;
        int hi = -1;
        int[][] ranges = {{0, leftEnd + 1}, {Math.max(from, leftEnd + 1), width}};
        for (int[] range : ranges) {
            if (range[0] >= range[1]) {
                continue;
            }
            int r0 = (range[0] + offset) % width;
            int r1 = r0 + range[1] - range[0]; // exclusive
            if (r1 > width) {
                return null; // wraps around the ring's end
            }
            lo = Math.min(lo, r0);
            hi = Math.max(hi, r1);
        }
        return hi < 0 ? Rectangle2D.EMPTY : new Rectangle2D(lo, 0, hi - lo, height);
    }

    /** Under a statistics overlay the raw line steps back so the bands and the mean read clearly. */
    private static Color lineColor(ChartSeries s, ChartTheme theme) {
        return s.stats() == null ? s.color() : fade(s.color(), theme.plotBackground(), 0.45);
    }

    private boolean dense(DecimatedColumns d) {
        long points = 0;
        for (int c = 0; c < columns; c++) {
            points += d.count[c];
        }
        return points > columns / 2;
    }

    private void traceIntoRaster(DecimatedColumns d, Color color, long start, long end) {
        if (rowMin.length < columns) {
            rowMin = new double[columns];
            rowMax = new double[columns];
            rowFirst = new double[columns];
            rowLast = new double[columns];
        }
        // only the columns the raster's window needs (all of them unless it only scrolled): up to the first
        // point after its left part, and from the last point before its right part
        int leftTo = leftTo(d);
        int rightFrom = rightFrom(d);
        if (leftTo >= rightFrom) {
            leftTo = 0;
            rightFrom = 0;
        }
        for (int c = 0; c < columns; c = c + 1 == leftTo ? Math.max(c + 1, rightFrom) : c + 1) {
            if (c >= leftTo && c < rightFrom) {
                c = rightFrom;
                if (c >= columns) {
                    break;
                }
            }
            if (d.count[c] > 0 && d.min[c] <= d.max[c]) {
                rowMin[c] = yOf(d.min[c]) - plotTop;
                rowMax[c] = yOf(d.max[c]) - plotTop;
                rowFirst[c] = Double.isNaN(d.first[c]) ? Double.NaN : yOf(d.first[c]) - plotTop;
                rowLast[c] = Double.isNaN(d.last[c]) ? Double.NaN : yOf(d.last[c]) - plotTop;
            } else {
                rowMin[c] = Double.NaN;
            }
        }
        // raster x: column c's centre is c; the neighbours outside the range map the same way
        double beforeX = d.hasBefore && !Double.isNaN(d.beforeValue) ? xOf(d.beforeTime, start, end) - plotLeft - 0.5
                : Double.NaN;
        double beforeY = Double.isNaN(beforeX) ? Double.NaN : yOf(d.beforeValue) - plotTop;
        double afterX = d.hasAfter ? xOf(d.afterTime, start, end) - plotLeft - 0.5 : Double.NaN;
        double afterY = d.hasAfter && !Double.isNaN(d.afterValue) ? yOf(d.afterValue) - plotTop : Double.NaN;
        int argb = (int) Math.round(color.getOpacity() * 255) << 24 | (int) Math.round(color.getRed() * 255) << 16
                | (int) Math.round(color.getGreen() * 255) << 8 | (int) Math.round(color.getBlue() * 255);
        if (leftTo > 0) {
            boolean all = leftTo == columns;
            raster.trace(0, leftTo, d.count, rowMin, rowMax, rowFirst, rowLast, beforeX, beforeY,
                    all ? afterX : Double.NaN, all ? afterY : Double.NaN, argb);
        }
        if (rightFrom < columns) {
            boolean all = rightFrom == 0;
            raster.trace(rightFrom, columns, d.count, rowMin, rowMax, rowFirst, rowLast, all ? beforeX : Double.NaN,
                    all ? beforeY : Double.NaN, afterX, afterY, argb);
        }
    }

    /** End (exclusive) of the columns the window's left part needs: through the first point after it. */
    private int leftTo(DecimatedColumns d) {
        int leftEnd = raster.leftEnd();
        if (leftEnd < 0) {
            return 0;
        }
        for (int c = leftEnd + 1; c < columns; c++) {
            if (d.count[c] > 0 && d.min[c] <= d.max[c]) {
                return c + 1;
            }
        }
        return columns;
    }

    /** Start of the columns the window's right part needs: from the last point before it (else 0). */
    private int rightFrom(DecimatedColumns d) {
        int from = raster.from();
        if (from >= columns) {
            return columns;
        }
        for (int c = from - 1; c >= 0; c--) {
            if (d.count[c] > 0 && d.min[c] <= d.max[c]) {
                return c;
            }
        }
        return 0;
    }

    private PixelBuffer<IntBuffer> rasterBuffer() {
        int w = raster.width();
        int h = raster.height();
        if (rasterBuffer == null || rasterBuffer.getWidth() != w || rasterBuffer.getHeight() != h
                || rasterBuffer.getBuffer().array() != raster.pixels()) {
            rasterBuffer = new PixelBuffer<>(w, h, IntBuffer.wrap(raster.pixels()), PixelFormat.getIntArgbPreInstance());
            rasterImage = new WritableImage(rasterBuffer);
        }
        return rasterBuffer;
    }

    private void decimateAll(List<ChartSeries> series, long firstColumn, long span) {
        for (ChartSeries s : series) {
            if (!s.isVisible()) {
                continue;
            }
            decimator.decimateAligned(s.points(), gridOrigin, firstColumn, span, columns, s.line);
            WindowStatsSeries stats = s.stats();
            if (stats != null) {
                decimator.decimateAligned(stats.mean(), gridOrigin, firstColumn, span, columns, s.mean);
                decimator.decimateAligned(stats.min(), gridOrigin, firstColumn, span, columns, s.min);
                decimator.decimateAligned(stats.max(), gridOrigin, firstColumn, span, columns, s.max);
                decimator.decimateAligned(stats.lowerDeviation(), gridOrigin, firstColumn, span, columns, s.lower);
                decimator.decimateAligned(stats.upperDeviation(), gridOrigin, firstColumn, span, columns, s.upper);
            }
        }
    }

    private static int rgb(Color color) {
        return (int) Math.round(color.getRed() * 255) << 16 | (int) Math.round(color.getGreen() * 255) << 8
                | (int) Math.round(color.getBlue() * 255);
    }

    /**
     * The statistics overlay into the raster, in the order it was once stroked and filled as paths: the
     * min/max band (translucent fill, edges at 55%), the ±stddev band, then the mean line, 2 px, on top.
     * Between the columns that hold samples the edges are interpolated, as the polygons' were.
     */
    private void statsIntoRaster(ChartTheme theme, ChartSeries s, long start, long end) {
        if (upperRows.length < columns + 2) {
            upperRows = new double[columns + 2];
            lowerRows = new double[columns + 2];
        }
        Color c = s.color();
        Color light = c.interpolate(theme.text(), 0.35);
        int color = rgb(c);
        profileRows(s.max, Shape.UPPER, start, end, upperRows);
        profileRows(s.min, Shape.LOWER, start, end, lowerRows);
        raster.band(upperRows, lowerRows, color, 0.14);
        raster.polyline(upperRows, 0.5, color, 0.55);
        raster.polyline(lowerRows, 0.5, color, 0.55);
        profileRows(s.upper, Shape.UPPER, start, end, upperRows);
        profileRows(s.lower, Shape.LOWER, start, end, lowerRows);
        raster.band(upperRows, lowerRows, rgb(light), 0.38);
        profileRows(s.mean, Shape.MEAN, start, end, upperRows);
        raster.polyline(upperRows, 1.0, rgb(c.interpolate(theme.text(), 0.6)), 1.0);
    }

    /**
     * One edge of a decimated series (the columns' maximum, minimum or last value) as raster rows at each
     * column centre, joined through empty columns and to the neighbours outside the range.
     */
    private void profileRows(DecimatedColumns d, Shape shape, long start, long end, double[] rows) {
        ensure(columns + 2);
        // as traceIntoRaster: only the points the raster's window needs (the rows between the two parts are
        // not drawn, whatever they are)
        int leftTo = leftTo(d);
        int rightFrom = rightFrom(d);
        if (leftTo >= rightFrom) {
            leftTo = 0;
            rightFrom = 0;
        }
        int n = 0;
        if (d.hasBefore && !Double.isNaN(d.beforeValue) && (leftTo > 0 || rightFrom == 0)) {
            xs[n] = xOf(d.beforeTime, start, end) - plotLeft - 0.5;
            ys[n++] = yOf(d.beforeValue) - plotTop;
        }
        for (int c = 0; c < columns; c++) {
            if (c == leftTo && c < rightFrom) {
                c = rightFrom;
                if (c >= columns) {
                    break;
                }
            }
            if (d.count[c] > 0 && d.min[c] <= d.max[c]) {
                xs[n] = c;
                ys[n++] = yOf(switch (shape) {
                    case UPPER -> d.max[c];
                    case LOWER -> d.min[c];
                    default -> d.last[c];
                }) - plotTop;
            }
        }
        if (d.hasAfter && !Double.isNaN(d.afterValue) && (rightFrom < columns || leftTo == columns)) {
            xs[n] = xOf(d.afterTime, start, end) - plotLeft - 0.5;
            ys[n++] = yOf(d.afterValue) - plotTop;
        }
        raster.profile(xs, ys, n, rows);
    }

    /** Fills range with the y range to show and returns the tick step. */
    private double yRange(LiveChart chart, List<ChartSeries> series, double[] range) {
        int maxTicks = (int) Math.max(2, plotHeight / Y_TICK_SPACING);
        if (!chart.isAutoscale()) {
            double lo = chart.getYMin();
            double hi = chart.getYMax();
            if (!(hi > lo)) {
                hi = lo + 1;
            }
            range[0] = lo;
            range[1] = hi;
            return AxisTicks.valueStep(hi - lo, maxTicks);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (ChartSeries s : series) {
            if (!s.isVisible()) {
                continue;
            }
            lo = Math.min(lo, s.line.overallMin());
            hi = Math.max(hi, s.line.overallMax());
            if (s.stats() != null) {
                lo = Math.min(lo, Math.min(s.min.overallMin(), s.lower.overallMin()));
                hi = Math.max(hi, Math.max(s.max.overallMax(), s.upper.overallMax()));
            }
        }
        if (lo > hi || Double.isInfinite(lo) || Double.isInfinite(hi)) {
            lo = yLow;
            hi = yHigh; // nothing visible: keep the last range
        } else if (hi == lo) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.05;
            lo -= pad;
            hi += pad;
        } else {
            double pad = (hi - lo) * 0.04;
            lo -= pad;
            hi += pad;
        }
        double step = AxisTicks.valueStep(hi - lo, maxTicks);
        range[0] = Math.floor(lo / step) * step;
        range[1] = Math.ceil(hi / step) * step;
        if (range[1] <= range[0]) {
            range[1] = range[0] + step;
        }
        return AxisTicks.valueStep(range[1] - range[0], maxTicks);
    }

    private double widestYLabel(double lo, double hi, double step) {
        int decimals = AxisTicks.decimalsFor(step);
        double widest = 0;
        for (double v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
            widest = Math.max(widest, textWidth(AxisTicks.format(v, decimals), labelFont));
        }
        return widest;
    }

    private void paintGrid(GraphicsContext gc, ChartTheme theme, LiveChart chart, long start, long end, double step) {
        gc.setLineWidth(1);
        gc.setLineDashes();
        gc.setFont(labelFont);
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.RIGHT);
        int decimals = AxisTicks.decimalsFor(step);
        // grid lines go into the plot's raster (rows and columns recorded here); ticks and labels are drawn
        gridRowCount = 0;
        gridColumnCount = 0;
        // tick marks as 1 px rectangles (a fast path of the software pipeline, unlike stroked lines)
        gc.setFill(theme.axis());
        for (double v = Math.ceil(yLow / step) * step; v <= yHigh + step * 1e-9; v += step) {
            double y = Math.floor(yOf(v));
            gridRows = add(gridRows, gridRowCount++, (int) Math.floor(y - plotTop));
            gc.fillRect(plotLeft - 4, y, 4, 1);
        }
        gc.setFill(theme.mutedText());
        for (double v = Math.ceil(yLow / step) * step; v <= yHigh + step * 1e-9; v += step) {
            gc.fillText(AxisTicks.format(v, decimals), plotLeft - 7, Math.floor(yOf(v)) + 0.5);
        }
        long span = end - start;
        long timeStep = AxisTicks.timeStep(span, (int) Math.max(2, plotWidth / X_TICK_SPACING));
        TimeAxisMode mode = chart.getTimeAxisMode();
        long origin = chart.effectiveTimeOrigin();
        // ticks fall on round times of day (host) or round seconds since the origin (start, device clock)
        long base = mode == TimeAxisMode.HOST_TIME ? zoneAlignedBase(start) : origin;
        long first = base + Math.floorDiv(start - base + timeStep - 1, timeStep) * timeStep;
        tickBase = base;
        tickStep = timeStep;
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        double labelRight = Double.NEGATIVE_INFINITY;
        for (long t = first; t < end; t += timeStep) {
            // the column of the grid the time falls in, so a tick keeps its column while the plot scrolls
            int column = (int) (MinMaxDecimator.gridColumn(t - gridOrigin, span, columns) - firstColumn);
            double x = plotLeft + column + 0.5;
            gridColumns = add(gridColumns, gridColumnCount++, column);
            gc.setFill(theme.axis());
            gc.fillRect(x - 0.5, plotTop + plotHeight, 1, 4);
            String label = timeLabels.tick(mode, t, timeStep, origin);
            double half = textWidth(label, labelFont) / 2;
            if (x - half > labelRight + 8 && x + half <= plotLeft + plotWidth + RIGHT_MARGIN - 2) {
                gc.setFill(theme.mutedText());
                gc.fillText(label, x, plotTop + plotHeight + 6);
                labelRight = x + half;
            }
        }
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setFill(theme.mutedText());
        gc.setFont(Font.font(labelFont.getFamily(), 10));
        DeviceClock clock = chart.getDeviceClock();
        gc.fillText(timeLabels.axisName(mode, clock == null ? null : clock.channel()), plotLeft + plotWidth,
                plotTop + plotHeight + 22);
    }

    private static int[] add(int[] values, int index, int value) {
        int[] out = index < values.length ? values : java.util.Arrays.copyOf(values, values.length * 2);
        out[index] = value;
        return out;
    }

    /** Midnight of the local day of {@code time}, so host-time ticks are round in local time. */
    private long zoneAlignedBase(long time) {
        return timeLabels.localMidnight(time);
    }

    private static Color fade(Color color, Color background, double amount) {
        return color.interpolate(background, amount);
    }

    private enum Shape { LINE, MEAN, UPPER, LOWER }

    /**
     * Vertices of a decimated series from index {@code n} on: LINE gives first, min, max, last per column
     * (a vertical stroke over the column's extent), MEAN the column's last value, UPPER the column
     * maximum, LOWER the minimum; the points just outside the range are cut at the plot's edges.
     */
    private int vertices(DecimatedColumns d, Shape shape, long start, long end, int n) {
        ensure(n + 4 * columns + 4);
        double edgeLeft = plotLeft - 1;
        double edgeRight = plotLeft + plotWidth + 1;
        int firstColumn = -1;
        int lastColumn = -1;
        for (int c = 0; c < columns; c++) {
            if (d.count[c] > 0 && d.min[c] <= d.max[c]) {
                if (firstColumn < 0) {
                    firstColumn = c;
                }
                lastColumn = c;
            }
        }
        if (firstColumn < 0) {
            // nothing inside: a line crossing the whole plot between the two neighbours
            if (d.hasBefore && d.hasAfter && !Double.isNaN(d.beforeValue) && !Double.isNaN(d.afterValue)) {
                double x0 = xOf(d.beforeTime, start, end);
                double x1 = xOf(d.afterTime, start, end);
                n = add(n, edgeLeft, yOf(interpolate(x0, d.beforeValue, x1, d.afterValue, edgeLeft)));
                n = add(n, edgeRight, yOf(interpolate(x0, d.beforeValue, x1, d.afterValue, edgeRight)));
            }
            return n;
        }
        if (d.hasBefore && !Double.isNaN(d.beforeValue)) {
            double x0 = xOf(d.beforeTime, start, end);
            double x1 = plotLeft + firstColumn + 0.5;
            n = add(n, edgeLeft, yOf(interpolate(x0, d.beforeValue, x1, entry(d, firstColumn, shape), edgeLeft)));
        }
        for (int c = firstColumn; c <= lastColumn; c++) {
            if (d.count[c] == 0 || !(d.min[c] <= d.max[c])) {
                continue;
            }
            double x = plotLeft + c + 0.5;
            switch (shape) {
                case UPPER -> n = add(n, x, yOf(d.max[c]));
                case LOWER -> n = add(n, x, yOf(d.min[c]));
                case MEAN -> n = add(n, x, yOf(d.last[c]));
                case LINE -> {
                    double first = d.first[c];
                    double last = d.last[c];
                    if (!Double.isNaN(first)) {
                        n = add(n, x, yOf(first));
                    }
                    if (d.min[c] < d.max[c]) {
                        // towards the nearer extreme first, so the stroke is one down-up (or up-down) sweep
                        boolean minFirst = Double.isNaN(first) || first - d.min[c] < d.max[c] - first;
                        n = add(n, x, yOf(minFirst ? d.min[c] : d.max[c]));
                        n = add(n, x, yOf(minFirst ? d.max[c] : d.min[c]));
                    }
                    if (!Double.isNaN(last)) {
                        n = add(n, x, yOf(last));
                    }
                }
            }
        }
        if (d.hasAfter && !Double.isNaN(d.afterValue)) {
            double x0 = plotLeft + lastColumn + 0.5;
            double x1 = xOf(d.afterTime, start, end);
            n = add(n, edgeRight, yOf(interpolate(x0, exit(d, lastColumn, shape), x1, d.afterValue, edgeRight)));
        }
        return n;
    }

    private static double entry(DecimatedColumns d, int c, Shape shape) {
        return switch (shape) {
            case UPPER -> d.max[c];
            case LOWER -> d.min[c];
            case MEAN -> d.last[c];
            case LINE -> Double.isNaN(d.first[c]) ? d.min[c] : d.first[c];
        };
    }

    private static double exit(DecimatedColumns d, int c, Shape shape) {
        return switch (shape) {
            case UPPER -> d.max[c];
            case LOWER -> d.min[c];
            case MEAN, LINE -> Double.isNaN(d.last[c]) ? d.max[c] : d.last[c];
        };
    }

    private static double interpolate(double x0, double v0, double x1, double v1, double x) {
        if (x1 == x0) {
            return v1;
        }
        return v0 + (v1 - v0) * (x - x0) / (x1 - x0);
    }

    private int add(int n, double x, double y) {
        if (n > 0 && xs[n - 1] == x && ys[n - 1] == y) {
            return n;
        }
        xs[n] = x;
        ys[n] = y;
        return n + 1;
    }

    private void ensure(int size) {
        if (xs.length < size) {
            int length = Math.max(size, xs.length * 2);
            xs = java.util.Arrays.copyOf(xs, length);
            ys = java.util.Arrays.copyOf(ys, length);
        }
    }

    private void paintCursor(GraphicsContext gc, Long time, Color color, String label, long start, long end) {
        if (time == null || time < start || time >= end) {
            return;
        }
        double x = Math.floor(xOf(time, start, end)) + 0.5;
        gc.setStroke(color);
        gc.setLineWidth(1);
        gc.setLineDashes(4, 3);
        gc.strokeLine(x, plotTop, x, plotTop + plotHeight);
        gc.setLineDashes();
        gc.setFill(color);
        gc.fillRect(x - 7, plotTop, 14, 14);
        gc.setFill(color.getBrightness() > 0.75 ? Color.BLACK : Color.WHITE);
        gc.setFont(badgeFont);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(label, x, plotTop + 7);
    }

    /** Lays out (and with {@code draw}, paints) the legend; returns its height. */
    private double layoutLegend(List<ChartSeries> series, double width, boolean draw, GraphicsContext gc,
                                ChartTheme theme) {
        if (series.isEmpty()) {
            return 0;
        }
        double left = Math.max(plotLeft, MIN_LEFT_MARGIN);
        double x = left;
        double y = TOP_MARGIN;
        boolean anyStats = false;
        gc.setFont(legendFont);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        for (ChartSeries s : series) {
            anyStats |= s.stats() != null && s.isVisible();
            double w = 16 + textWidth(s.name(), legendFont) + 18;
            if (x + w > width - RIGHT_MARGIN && x > left) {
                x = left;
                y += LEGEND_ROW;
            }
            if (draw) {
                double cy = y + LEGEND_ROW / 2;
                gc.setFill(s.isVisible() ? s.color() : theme.grid());
                gc.fillRect(x, cy - 5, 10, 10);
                gc.setFill(s.isVisible() ? theme.text() : theme.mutedText());
                gc.fillText(s.name(), x + 16, cy);
            }
            x += w;
        }
        if (anyStats) {
            double w = 230;
            if (x + w > width - RIGHT_MARGIN && x > left) {
                x = left;
                y += LEGEND_ROW;
            }
            if (draw) {
                paintStatsKey(gc, theme, x, y + LEGEND_ROW / 2);
            }
        }
        return y + LEGEND_ROW - TOP_MARGIN + 4;
    }

    private void paintStatsKey(GraphicsContext gc, ChartTheme theme, double x, double cy) {
        Color key = theme.mutedText();
        gc.setFont(labelFont);
        gc.setFill(key);
        gc.fillRect(x, cy - 1, 18, 2);
        gc.fillText("mean", x + 22, cy);
        x += 22 + textWidth("mean", labelFont) + 14;
        gc.setFill(Color.color(key.getRed(), key.getGreen(), key.getBlue(), 0.5));
        gc.fillRect(x, cy - 5, 14, 10);
        gc.setFill(key);
        gc.fillText("±1σ", x + 18, cy);
        x += 18 + textWidth("±1σ", labelFont) + 14;
        gc.setFill(Color.color(key.getRed(), key.getGreen(), key.getBlue(), 0.18));
        gc.fillRect(x, cy - 5, 14, 10);
        gc.setFill(Color.color(key.getRed(), key.getGreen(), key.getBlue(), 0.6));
        gc.fillRect(x, cy - 5, 14, 1);
        gc.fillRect(x, cy + 4, 14, 1);
        gc.fillRect(x, cy - 4, 1, 8);
        gc.fillRect(x + 13, cy - 4, 1, 8);
        gc.setFill(key);
        gc.fillText("min–max", x + 18, cy);
    }

    private void paintReadout(GraphicsContext gc, ChartTheme theme, LiveChart chart) {
        List<String[]> rows = chart.readout().rows();
        if (rows.isEmpty()) {
            return;
        }
        double[] widths = new double[4];
        for (String[] row : rows) {
            for (int i = 0; i < 4; i++) {
                widths[i] = Math.max(widths[i], textWidth(row[i], readoutFont) + (i == 0 ? 16 : 0));
            }
        }
        double gap = 14;
        double pad = 8;
        double rowHeight = 16;
        double boxWidth = pad * 2 + widths[0] + widths[1] + widths[2] + widths[3] + gap * 3;
        double boxHeight = pad * 2 + rowHeight * rows.size();
        double bx = plotLeft + 10;
        double by = plotTop + 22;
        gc.setFill(theme.readoutBackground());
        gc.fillRoundRect(bx, by, boxWidth, boxHeight, 6, 6);
        gc.setStroke(theme.readoutBorder());
        gc.strokeRoundRect(bx + 0.5, by + 0.5, boxWidth - 1, boxHeight - 1, 6, 6);
        gc.setFont(readoutFont);
        gc.setTextBaseline(VPos.CENTER);
        List<ChartSeries> series = chart.series();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            double cy = by + pad + rowHeight * r + rowHeight / 2;
            double x = bx + pad;
            ChartSeries s = r >= 2 ? find(series, row[0]) : null;
            if (s != null) {
                gc.setFill(s.color());
                gc.fillRect(x, cy - 4, 8, 8);
            }
            gc.setTextAlign(TextAlignment.LEFT);
            gc.setFill(r == 0 ? theme.mutedText() : theme.text());
            gc.fillText(row[0], x + (s != null ? 14 : 0), cy);
            x += widths[0];
            gc.setTextAlign(TextAlignment.RIGHT);
            for (int i = 1; i < 4; i++) {
                x += gap + widths[i];
                gc.setFill(r == 0 ? (i == 1 ? theme.cursorA() : i == 2 ? theme.cursorB() : theme.mutedText())
                        : theme.text());
                gc.fillText(row[i], x, cy);
            }
        }
    }

    private static ChartSeries find(List<ChartSeries> series, String name) {
        for (ChartSeries s : series) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }

    private void paintBadge(GraphicsContext gc, ChartTheme theme, LiveChart chart) {
        String badge = chart.isPaused() ? "PAUSED" : chart.isFollowing() ? null : "ZOOMED · double-click for live";
        if (badge == null) {
            return;
        }
        double w = textWidth(badge, badgeFont) + 16;
        double x = plotLeft + plotWidth - w - 8;
        double y = plotTop + 8;
        gc.setFill(chart.isPaused() ? theme.cursorA() : theme.readoutBackground());
        gc.fillRoundRect(x, y, w, 20, 6, 6);
        gc.setFill(chart.isPaused() ? Color.BLACK : theme.text());
        gc.setFont(badgeFont);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(badge, x + w / 2, y + 10);
    }

    double xOf(long time, long start, long end) {
        return plotLeft + (double) (time - start) / (end - start) * plotWidth;
    }

    long timeAtX(double x, long start, long end) {
        return start + Math.round((x - plotLeft) / plotWidth * (end - start));
    }

    double yOf(double value) {
        double y = plotTop + (yHigh - value) / (yHigh - yLow) * plotHeight;
        return Math.max(-1e5, Math.min(1e5, y));
    }

    boolean insidePlot(double x, double y) {
        return x >= plotLeft && x <= plotLeft + plotWidth && y >= plotTop && y <= plotTop + plotHeight;
    }

    /** Measuring text lays it out, which costs tens of µs: widths are remembered per font and text. */
    private double textWidth(String text, Font font) {
        Map<String, Double> widths = textWidths.computeIfAbsent(font, f -> new HashMap<>());
        Double width = widths.get(text);
        if (width == null) {
            if (widths.size() > 4_000) {
                widths.clear(); // labels of times scrolled by
            }
            measure.setFont(font);
            measure.setText(text);
            width = measure.getLayoutBounds().getWidth();
            widths.put(text, width);
        }
        return width;
    }
}
