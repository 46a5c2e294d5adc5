package dev.benchwatch.bench.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/**
 * JavaFX's own {@link LineChart}, set up as its documentation advises for many points (no animation, no
 * symbols), with autoranging axes, holding {@code points} points: each pulse appends the new points in one
 * {@code addAll} and removes as many from the front in one {@code remove(0, k)}.
 */
final class StockLineChartFeed implements ChartFrames.Feed {
    private final int points;
    private final StreamingSignal signal;
    private final long origin;
    private XYChart.Series<Number, Number> series;

    StockLineChartFeed(int points, double rate) {
        this.points = points;
        this.origin = System.nanoTime();
        this.signal = new StreamingSignal(rate, origin);
    }

    @Override
    public Parent node() {
        NumberAxis x = new NumberAxis();
        x.setForceZeroInRange(false);
        x.setLabel("seconds");
        NumberAxis y = new NumberAxis();
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        series = new XYChart.Series<>();
        List<XYChart.Data<Number, Number>> prefill = new ArrayList<>(points);
        signal.history(points, origin, (t, v) -> prefill.add(new XYChart.Data<>(seconds(t), v)));
        series.getData().setAll(prefill);
        chart.getData().add(series);
        return chart;
    }

    @Override
    public void advance(long fromNanos, long toNanos) {
        List<XYChart.Data<Number, Number>> fresh = new ArrayList<>();
        for (long t = signal.nextDue(toNanos); t != Long.MIN_VALUE; t = signal.nextDue(toNanos)) {
            fresh.add(new XYChart.Data<>(seconds(t), signal.valueAt(t)));
        }
        if (!fresh.isEmpty()) {
            series.getData().addAll(fresh);
            series.getData().remove(0, fresh.size());
        }
    }

    private double seconds(long t) {
        return (t - origin) / 1e9;
    }
}
