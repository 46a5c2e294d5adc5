package dev.benchwatch.ui.channels;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;

/** One channel as the channels table shows it; the values are written by {@link ChannelsViewModel} only. */
public final class ChannelRow {
    private final int id;
    private final String name;
    private final String device;
    private final String unit;
    final ReadOnlyDoubleWrapper latest = new ReadOnlyDoubleWrapper(Double.NaN);
    final ReadOnlyDoubleWrapper rate = new ReadOnlyDoubleWrapper(0);
    final ReadOnlyDoubleWrapper mean = new ReadOnlyDoubleWrapper(Double.NaN);
    final ReadOnlyDoubleWrapper min = new ReadOnlyDoubleWrapper(Double.NaN);
    final ReadOnlyDoubleWrapper max = new ReadOnlyDoubleWrapper(Double.NaN);
    final ReadOnlyDoubleWrapper stddev = new ReadOnlyDoubleWrapper(Double.NaN);
    private final BooleanProperty onChart = new SimpleBooleanProperty(false);
    private final IntegerProperty chart = new SimpleIntegerProperty(1);
    String windowId; // the window whose statistics the row shows, or null
    long lastCount = -1;
    long lastCountNanos;

    ChannelRow(int id, String name, String device, String unit) {
        this.id = id;
        this.name = name;
        this.device = device;
        this.unit = unit;
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String device() {
        return device;
    }

    public String unit() {
        return unit;
    }

    public ReadOnlyDoubleProperty latestProperty() {
        return latest.getReadOnlyProperty();
    }

    /** Readings per second, over the last update interval. */
    public ReadOnlyDoubleProperty rateProperty() {
        return rate.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty meanProperty() {
        return mean.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty minProperty() {
        return min.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty maxProperty() {
        return max.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty stddevProperty() {
        return stddev.getReadOnlyProperty();
    }

    /** The window the statistics come from, or null when the channel has none. */
    public String windowId() {
        return windowId;
    }

    /** Whether the channel is drawn; the user ticks it in the table. */
    public BooleanProperty onChartProperty() {
        return onChart;
    }

    /** Which chart (1-based) the channel is drawn on. */
    public IntegerProperty chartProperty() {
        return chart;
    }
}
