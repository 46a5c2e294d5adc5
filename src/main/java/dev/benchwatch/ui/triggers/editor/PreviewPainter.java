package dev.benchwatch.ui.triggers.editor;

import dev.benchwatch.ui.chart.AxisTicks;
import dev.benchwatch.workspace.trigger.ChannelSeries;
import dev.benchwatch.workspace.trigger.TriggerEpisode;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Paints the preview onto a canvas: grid and axis labels, PENDING and FIRING bands, the channel's line
 * (min/max per pixel column) and the dashed threshold lines with their values. Stateless apart from
 * reused buffers and the plot area of the last paint, which maps times to pixels for a caller.
 */
final class PreviewPainter {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;
    private static final double TOP = 10;
    private static final double RIGHT = 14;
    private static final double BOTTOM = 24;
    private static final double MIN_LEFT = 40;
    private static final double STRIP = 4;
    private static final double X_TICK_SPACING = 90;
    private static final double Y_TICK_SPACING = 36;

    private final Font labelFont = Font.font("System", 11);
    private final Text measure = new Text();
    private final ColumnExtremes columns = new ColumnExtremes();
    private Bounds plot = new BoundingBox(0, 0, 0, 0);
    private long from;
    private long to = 1;

    /** The plot area of the last paint, in canvas coordinates. */
    Bounds plot() {
        return plot;
    }

    /** The x pixel of a time on the last paint's axis. */
    double xOf(long time) {
        return plot.getMinX() + (time - from) / (double) (to - from) * plot.getWidth();
    }

    /** What the right end of the time axis is called: "now" for the live history, "end" for a recording. */
    private String endLabel = "now";

    void endLabel(String value) {
        endLabel = value;
    }

    void paint(GraphicsContext gc, double width, double height, PreviewPalette palette, ChannelSeries series,
               List<Double> thresholds, List<TriggerEpisode> episodes) {
        gc.setFill(palette.chart().background());
        gc.fillRect(0, 0, width, height);
        if (series == null || series.isEmpty() || width < 80 || height < 60) {
            plot = new BoundingBox(0, 0, 0, 0);
            return;
        }
        from = series.firstTimestamp();
        to = series.lastTimestamp();
        if (to <= from) {
            to = from + S; // a single reading: show one second
        }
        double[] range = valueRange(series, thresholds, (int) Math.max(1, width));
        double lo = range[0];
        double hi = range[1];
        double step = AxisTicks.valueStep(hi - lo, (int) Math.max(2, (height - TOP - BOTTOM) / Y_TICK_SPACING));
        int decimals = AxisTicks.decimalsFor(step);
        double left = Math.max(MIN_LEFT, widestLabel(lo, hi, step, decimals) + 12);
        plot = new BoundingBox(left, TOP, Math.max(1, width - left - RIGHT), Math.max(1, height - TOP - BOTTOM));
        int plotColumns = (int) Math.max(1, Math.round(plot.getWidth()));
        columns.reduce(series, from, to, plotColumns);

        gc.setFill(palette.chart().plotBackground());
        gc.fillRect(plot.getMinX(), plot.getMinY(), plot.getWidth(), plot.getHeight());
        gc.setFont(labelFont);
        valueGrid(gc, palette, lo, hi, step, decimals);
        timeGrid(gc, palette);
        bands(gc, palette, episodes);
        line(gc, palette, lo, hi);
        thresholds(gc, palette, thresholds, lo, hi);
        gc.setStroke(palette.chart().axis());
        gc.setLineWidth(1);
        gc.setLineDashes();
        gc.strokeRect(snap(plot.getMinX()), snap(plot.getMinY()), Math.round(plot.getWidth()),
                Math.round(plot.getHeight()));
    }

    /** The values shown: the readings' range and every threshold, with a margin. */
    private double[] valueRange(ChannelSeries series, List<Double> thresholds, int width) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        columns.reduce(series, from, to, width);
        for (int c = 0; c < columns.columns(); c++) {
            if (columns.has(c)) {
                lo = Math.min(lo, columns.min(c));
                hi = Math.max(hi, columns.max(c));
            }
        }
        for (double t : thresholds) {
            if (Double.isFinite(t)) {
                lo = Math.min(lo, t);
                hi = Math.max(hi, t);
            }
        }
        if (!(hi >= lo)) {
            return new double[] {0, 1};
        }
        double pad = hi > lo ? (hi - lo) * 0.08 : Math.max(1, Math.abs(hi) * 0.1);
        return new double[] {lo - pad, hi + pad};
    }

    private double yOf(double value, double lo, double hi) {
        return plot.getMaxY() - (value - lo) / (hi - lo) * plot.getHeight();
    }

    private void valueGrid(GraphicsContext gc, PreviewPalette palette, double lo, double hi, double step,
                           int decimals) {
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.CENTER);
        gc.setLineWidth(1);
        for (double v = Math.ceil(lo / step) * step; v <= hi; v += step) {
            double y = snap(yOf(v, lo, hi));
            gc.setStroke(palette.chart().grid());
            gc.strokeLine(plot.getMinX(), y, plot.getMaxX(), y);
            gc.setFill(palette.chart().mutedText());
            gc.fillText(AxisTicks.format(v, decimals), plot.getMinX() - 6, y);
        }
    }

    private void timeGrid(GraphicsContext gc, PreviewPalette palette) {
        long span = to - from;
        long step = AxisTicks.timeStep(span,
                (int) Math.max(2, plot.getWidth() / X_TICK_SPACING));
        gc.setTextBaseline(VPos.TOP);
        for (long offset = 0; offset <= span; offset += step) {
            double x = snap(xOf(to - offset));
            gc.setStroke(palette.chart().grid());
            gc.strokeLine(x, plot.getMinY(), x, plot.getMaxY());
            String label = offset == 0 ? endLabel : relative(offset, step);
            double half = textWidth(label) / 2;
            // keep the label inside the canvas; the rightmost one ends at the plot's right edge
            gc.setTextAlign(TextAlignment.LEFT);
            double textX = Math.min(x - half, plot.getMaxX() + RIGHT - 2 - 2 * half);
            if (textX < plot.getMinX() - 4) {
                break;
            }
            gc.setFill(palette.chart().mutedText());
            gc.fillText(label, textX, plot.getMaxY() + 5);
        }
    }

    private void bands(GraphicsContext gc, PreviewPalette palette, List<TriggerEpisode> episodes) {
        for (TriggerEpisode e : episodes) {
            if (e.pendingSince() != TriggerEpisode.NONE) {
                long until = e.pendingUntil() == TriggerEpisode.NONE ? to : e.pendingUntil();
                band(gc, e.pendingSince(), until, palette.pending(), palette.pendingEdge());
            }
            if (e.fired()) {
                band(gc, e.firedAt(), e.open() ? to : e.clearedAt(), palette.firing(), palette.firingEdge());
            }
        }
    }

    private void band(GraphicsContext gc, long start, long end, Color fill, Color edge) {
        double x0 = Math.max(plot.getMinX(), xOf(start));
        double x1 = Math.min(plot.getMaxX(), xOf(end));
        if (x1 < plot.getMinX() || x0 > plot.getMaxX()) {
            return;
        }
        double w = Math.max(2, x1 - x0); // a span shorter than a pixel still shows
        gc.setFill(fill);
        gc.fillRect(x0, plot.getMinY(), w, plot.getHeight());
        gc.setFill(edge);
        gc.fillRect(x0, plot.getMinY(), w, STRIP);
    }

    private void line(GraphicsContext gc, PreviewPalette palette, double lo, double hi) {
        gc.setStroke(palette.line());
        gc.setLineWidth(1.5);
        gc.setLineJoin(StrokeLineJoin.ROUND);
        gc.setLineDashes();
        gc.beginPath();
        boolean started = false;
        int n = columns.columns();
        double x0 = plot.getMinX();
        double dx = plot.getWidth() / n;
        for (int c = 0; c < n; c++) {
            if (!columns.has(c)) {
                continue;
            }
            double x = x0 + (c + 0.5) * dx;
            double first = yOf(columns.first(c), lo, hi);
            if (!started) {
                gc.moveTo(x, first);
                started = true;
            } else {
                gc.lineTo(x, first);
            }
            if (columns.min(c) != columns.max(c)) {
                gc.lineTo(x, yOf(columns.min(c), lo, hi));
                gc.lineTo(x, yOf(columns.max(c), lo, hi));
            }
            gc.lineTo(x, yOf(columns.last(c), lo, hi));
        }
        gc.stroke();
    }

    private void thresholds(GraphicsContext gc, PreviewPalette palette, List<Double> thresholds, double lo,
                            double hi) {
        gc.setLineWidth(1.2);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        for (double t : thresholds) {
            if (!Double.isFinite(t)) {
                continue;
            }
            double y = snap(yOf(t, lo, hi));
            gc.setStroke(palette.threshold());
            gc.setLineDashes(6, 4);
            gc.strokeLine(plot.getMinX(), y, plot.getMaxX(), y);
            gc.setLineDashes();
            String label = thresholdText(t);
            double w = textWidth(label) + 8;
            double bx = plot.getMaxX() - w - 4;
            double by = Math.max(plot.getMinY() + STRIP, Math.min(plot.getMaxY() - 15, y - 7.5));
            gc.setFill(palette.chart().readoutBackground());
            gc.fillRect(bx, by, w, 15);
            gc.strokeRect(bx + 0.5, by + 0.5, w - 1, 14);
            gc.setFill(palette.chart().text());
            gc.fillText(label, bx + 4, by + 7.5);
        }
    }

    /** A threshold as the trigger's text writes it: "10", "7.5", "0.001". */
    static String thresholdText(double value) {
        String text = Double.toString(value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    private double widestLabel(double lo, double hi, double step, int decimals) {
        double widest = 0;
        for (double v = Math.ceil(lo / step) * step; v <= hi; v += step) {
            widest = Math.max(widest, textWidth(AxisTicks.format(v, decimals)));
        }
        return widest;
    }

    private double textWidth(String text) {
        measure.setFont(labelFont);
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }

    private static double snap(double v) {
        return Math.floor(v) + 0.5;
    }

    /** A tick {@code offset} before the end, in the step's unit: "now", "-30 s", "-2 min", "-500 ms". */
    static String relative(long offset, long step) {
        if (offset == 0) {
            return "now";
        }
        long hour = 3600 * S;
        long minute = 60 * S;
        if (step % hour == 0) {
            return "-" + offset / hour + " h";
        }
        if (step % minute == 0) {
            return "-" + offset / minute + " min";
        }
        if (step % S == 0) {
            return "-" + offset / S + " s";
        }
        if (step % MS == 0) {
            return "-" + offset / MS + " ms";
        }
        return "-" + offset / 1_000 + " µs";
    }
}
