package dev.benchwatch.ui.chart;

import java.util.Objects;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.paint.Color;

/**
 * One line on a {@link LiveChart}: a name, a colour, its points ({@link SeriesBuffer}) and, optionally, a
 * window-statistics overlay ({@link WindowStatsSeries}: mean line, min/max band, ±stddev band).
 * Feed the buffers on the JavaFX thread (see {@link HistoryFeed}); the chart notices new points on its
 * next {@link LiveChart#refresh()}.
 */
public final class ChartSeries {
    private final String name;
    private final Color color;
    private final SeriesBuffer points;
    private final BooleanProperty visible = new SimpleBooleanProperty(this, "visible", true);
    private WindowStatsSeries stats;

    // the painter's decimated columns, kept between frames (see MinMaxDecimator.decimateAligned)
    final DecimatedColumns line = new DecimatedColumns();
    final DecimatedColumns mean = new DecimatedColumns();
    final DecimatedColumns min = new DecimatedColumns();
    final DecimatedColumns max = new DecimatedColumns();
    final DecimatedColumns lower = new DecimatedColumns();
    final DecimatedColumns upper = new DecimatedColumns();
    long seenPoints = -1;
    long seenStats = -1;

    public ChartSeries(String name, Color color, SeriesBuffer points) {
        this.name = Objects.requireNonNull(name, "name");
        this.color = Objects.requireNonNull(color, "color");
        this.points = Objects.requireNonNull(points, "points");
    }

    public String name() {
        return name;
    }

    public Color color() {
        return color;
    }

    public SeriesBuffer points() {
        return points;
    }

    /** The window-statistics overlay, or null. */
    public WindowStatsSeries stats() {
        return stats;
    }

    void invalidateColumns() {
        line.invalidate();
        mean.invalidate();
        min.invalidate();
        max.invalidate();
        lower.invalidate();
        upper.invalidate();
    }

    /** Shows a window-statistics overlay for this series (null removes it). */
    public ChartSeries withStats(WindowStatsSeries windowStats) {
        this.stats = windowStats;
        this.seenStats = -1;
        return this;
    }

    public BooleanProperty visibleProperty() {
        return visible;
    }

    public boolean isVisible() {
        return visible.get();
    }

    public void setVisible(boolean value) {
        visible.set(value);
    }

    /** The series' value at {@code time}: its newest point at or before it, NaN when none. */
    public double valueAt(long time) {
        return points.valueAtTime(time);
    }
}
