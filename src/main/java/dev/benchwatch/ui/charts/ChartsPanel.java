package dev.benchwatch.ui.charts;

import dev.benchwatch.engine.ChannelHistory;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineSnapshot;
import dev.benchwatch.ui.FrameListener;
import dev.benchwatch.ui.channels.ChannelRow;
import dev.benchwatch.ui.chart.ChartSeries;
import dev.benchwatch.ui.chart.ChartTheme;
import dev.benchwatch.ui.chart.DeviceClock;
import dev.benchwatch.ui.chart.HistoryFeed;
import dev.benchwatch.ui.chart.LiveChart;
import dev.benchwatch.ui.chart.SeriesBuffer;
import dev.benchwatch.ui.chart.TimeAxisMode;
import dev.benchwatch.ui.chart.WindowStatsFeed;
import dev.benchwatch.ui.chart.WindowStatsSeries;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The charts: each channel ticked in the channels table is drawn on its chart, raw values with its
 * window's mean, min/max band and stddev band. Once per frame it moves new readings from the engine's
 * histories into the charts' buffers and lets each chart redraw if something changed. Pause freezes
 * what is shown; readings keep arriving in the buffers, so nothing is lost.
 */
public final class ChartsPanel extends VBox implements FrameListener {
    /** Points a chart keeps per series: minutes of a fast channel, hours of a slow one. */
    public static final int POINTS_PER_SERIES = 1 << 20;
    private static final int STATS_POINTS = 1 << 16;
    private static final int CLOCK_POINTS = 1 << 16;

    /**
     * What the x axis counts: time of day, seconds since start, or seconds on a board's clock (a channel
     * with a time unit, {@code clock} not null).
     */
    public record TimeAxisChoice(TimeAxisMode mode, ChannelRow clock) {
        static final TimeAxisChoice TIME_OF_DAY = new TimeAxisChoice(TimeAxisMode.HOST_TIME, null);
        static final TimeAxisChoice SINCE_START = new TimeAxisChoice(TimeAxisMode.DEVICE_TIME, null);

        @Override
        public String toString() {
            return switch (mode) {
                case HOST_TIME -> "time of day";
                case DEVICE_TIME -> "seconds since start";
                case DEVICE_CLOCK -> "device clock: " + clock.name();
            };
        }
    }

    /** A channel drawn on a chart, and the feeds that fill it. */
    private record Plotted(ChannelRow row, int chart, ChartSeries series, HistoryFeed feed, WindowStatsFeed stats) {
    }

    private final Engine engine;
    private final List<LiveChart> charts = new ArrayList<>();
    private final Map<Integer, Plotted> plotted = new HashMap<>();
    private final BooleanProperty paused = new SimpleBooleanProperty(false);
    private final CheckBox autoscale;
    private final ComboBox<TimeAxisChoice> axis = new ComboBox<>();
    private HistoryFeed clockFeed;
    private int colours;

    public ChartsPanel(Engine engine, ObservableList<ChannelRow> channels, int chartCount) {
        super(4);
        this.engine = engine;
        getStyleClass().add("charts");
        ToggleButton pause = new ToggleButton("Pause");
        pause.setId("pauseCharts");
        pause.selectedProperty().bindBidirectional(paused);
        pause.textProperty().bind(javafx.beans.binding.Bindings.when(paused).then("Resume").otherwise("Pause"));
        Button reset = new Button("Reset zoom");
        reset.setId("resetZoom");
        reset.setOnAction(e -> resetZoom());
        autoscale = new CheckBox("Autoscale");
        autoscale.setId("autoscale");
        autoscale.setSelected(true);
        axis.setId("timeAxis");
        axis.getItems().addAll(TimeAxisChoice.TIME_OF_DAY, TimeAxisChoice.SINCE_START);
        axis.setValue(TimeAxisChoice.TIME_OF_DAY);
        axis.valueProperty().addListener((o, was, now) -> chooseTimeAxis(now));
        Label hint = new Label("wheel: zoom · drag: pan · double-click: live · shift/ctrl-click: cursors A/B · right-click: y range");
        hint.getStyleClass().add("hint");
        HBox toolbar = new HBox(8, pause, reset, autoscale, new Label("Time:"), axis, hint);
        toolbar.getStyleClass().add("chart-toolbar");
        toolbar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().add(toolbar);
        for (int i = 0; i < chartCount; i++) {
            LiveChart chart = new LiveChart();
            chart.setId("chart" + (i + 1));
            chart.pausedProperty().bindBidirectional(paused);
            chart.autoscaleProperty().bind(autoscale.selectedProperty());
            chart.setMinHeight(160);
            chart.setOnContextMenuRequested(e -> yRangeMenu(chart).show(chart, e.getScreenX(), e.getScreenY()));
            VBox.setVgrow(chart, Priority.ALWAYS);
            charts.add(chart);
            getChildren().add(chart);
        }
        channels.addListener((ListChangeListener<ChannelRow>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(this::watch);
            }
        });
        channels.forEach(this::watch);
    }

    public int chartCount() {
        return charts.size();
    }

    /** Right-click on a chart: fix its y axis to a typed range, or go back to autoscale. */
    private javafx.scene.control.ContextMenu yRangeMenu(LiveChart chart) {
        javafx.scene.control.MenuItem fixed = new javafx.scene.control.MenuItem("Fixed y range…");
        fixed.setOnAction(e -> {
            javafx.scene.control.TextInputDialog dialog = new javafx.scene.control.TextInputDialog(
                    String.format(java.util.Locale.ROOT, "%.6g, %.6g", chart.getYMin(), chart.getYMax()));
            dialog.setTitle("Fixed y range");
            dialog.getEditor().setId("yRangeField");
            dialog.setHeaderText("From, to (e.g. 160, 190)");
            if (getScene() != null) {
                dialog.initOwner(getScene().getWindow());
                dialog.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
            }
            dialog.showAndWait().ifPresent(text -> {
                String[] parts = text.split("[,;\\s]+");
                try {
                    double low = Double.parseDouble(parts[0]);
                    double high = Double.parseDouble(parts[parts.length - 1]);
                    if (!(low < high)) {
                        throw new NumberFormatException();
                    }
                    chart.autoscaleProperty().unbind();
                    chart.setAutoscale(false);
                    chart.setYRange(low, high);
                } catch (RuntimeException bad) {
                    new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.WARNING,
                            "'" + text + "' is not a range: give two numbers, the lower first").showAndWait();
                }
            });
        });
        javafx.scene.control.MenuItem auto = new javafx.scene.control.MenuItem("Autoscale");
        auto.setOnAction(e -> chart.autoscaleProperty().bind(autoscale.selectedProperty()));
        return new javafx.scene.control.ContextMenu(fixed, auto);
    }

    public List<LiveChart> charts() {
        return List.copyOf(charts);
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public void resetZoom() {
        charts.forEach(LiveChart::resetZoom);
    }

    public void setTheme(ChartTheme theme) {
        charts.forEach(c -> c.setTheme(theme));
    }

    /** The x axis's choice (the {@code #timeAxis} box). */
    public ComboBox<TimeAxisChoice> timeAxis() {
        return axis;
    }

    /** Every chart counts time the chosen way; a device clock's readings follow the engine from now on. */
    private void chooseTimeAxis(TimeAxisChoice choice) {
        clockFeed = null;
        DeviceClock clock = null;
        if (choice != null && choice.clock() != null) {
            ChannelRow row = choice.clock();
            try {
                SeriesBuffer readings = new SeriesBuffer(CLOCK_POINTS);
                clock = new DeviceClock(row.name(), DeviceClock.nanosPerUnit(row.unit()), readings);
                clockFeed = new HistoryFeed(engine.history(row.name()), readings);
                clockFeed.pull();
            } catch (IllegalArgumentException e) {
                clock = null; // the channel went away
            }
        }
        TimeAxisMode mode = choice == null || (choice.clock() != null && clock == null) ? TimeAxisMode.HOST_TIME
                : choice.mode();
        for (LiveChart chart : charts) {
            chart.setDeviceClock(clock);
            chart.setTimeAxisMode(mode);
        }
    }

    private void watch(ChannelRow row) {
        if (!Double.isNaN(DeviceClock.nanosPerUnit(row.unit()))) {
            axis.getItems().add(new TimeAxisChoice(TimeAxisMode.DEVICE_CLOCK, row)); // a channel in s, ms, us or ns
        }
        row.onChartProperty().addListener((o, was, on) -> replot(row));
        row.chartProperty().addListener((o, was, now) -> replot(row));
        replot(row);
    }

    private void replot(ChannelRow row) {
        Plotted old = plotted.remove(row.id());
        if (old != null) {
            charts.get(old.chart()).removeSeries(old.series());
        }
        if (!row.onChartProperty().get()) {
            return;
        }
        ChannelHistory history;
        try {
            history = engine.history(row.name());
        } catch (IllegalArgumentException e) {
            return; // the channel went away
        }
        int chart = Math.max(0, Math.min(charts.size() - 1, row.chartProperty().get() - 1));
        SeriesBuffer points = new SeriesBuffer(POINTS_PER_SERIES);
        String label = row.name() + (row.unit().isEmpty() ? "" : " (" + row.unit() + ")");
        ChartSeries series = new ChartSeries(label, ChartTheme.seriesColor(colours++), points);
        WindowStatsFeed stats = null;
        if (row.windowId() != null) {
            WindowStatsSeries windowStats = new WindowStatsSeries(STATS_POINTS);
            series = series.withStats(windowStats);
            stats = new WindowStatsFeed(row.windowId(), windowStats);
        }
        charts.get(chart).addSeries(series);
        plotted.put(row.id(), new Plotted(row, chart, series, new HistoryFeed(history, points), stats));
    }

    @Override
    public void onFrame(EngineSnapshot snapshot, long nowNanos) {
        List<ChannelRow> windowsBecameKnown = new ArrayList<>();
        for (Plotted p : plotted.values()) {
            if (p.stats() == null && p.row().windowId() != null) {
                windowsBecameKnown.add(p.row()); // plotted before its window was known: plotted again below
            }
        }
        // all in this frame, then the charts paint: one per frame held the first paint back by as many frames
        windowsBecameKnown.forEach(this::replot);
        if (clockFeed != null) {
            clockFeed.pull();
        }
        for (Plotted p : plotted.values()) {
            p.feed().pull();
            if (p.stats() != null) {
                p.stats().pull(snapshot);
            }
        }
        for (LiveChart chart : charts) {
            chart.refresh();
        }
    }
}
