package dev.benchwatch.bench.ui;

import dev.benchwatch.ui.chart.ChartSeries;
import dev.benchwatch.ui.chart.ChartTheme;
import dev.benchwatch.ui.chart.LiveChart;
import dev.benchwatch.ui.chart.SeriesBuffer;
import javafx.scene.Parent;

/**
 * The console's {@link LiveChart} holding {@code points} points in a ring of that size, every point in view
 * (its span is the points' span): each pulse appends the new points and calls {@link LiveChart#refresh()},
 * as the console's charts panel does.
 */
final class LiveChartFeed implements ChartFrames.Feed {
    private final int points;
    private final double rate;
    private final StreamingSignal signal;
    private final long origin;
    private LiveChart chart;
    private SeriesBuffer buffer;

    LiveChartFeed(int points, double rate) {
        this.points = points;
        this.rate = rate;
        this.origin = System.nanoTime();
        this.signal = new StreamingSignal(rate, origin);
    }

    @Override
    public Parent node() {
        chart = new LiveChart();
        ChartSeries series = chart.addSeries("signal", ChartTheme.seriesColor(0), points);
        buffer = series.points();
        signal.history(points, origin, buffer::append);
        chart.setDefaultSpan((long) (points / rate * 1e9));
        return chart;
    }

    @Override
    public void advance(long fromNanos, long toNanos) {
        for (long t = signal.nextDue(toNanos); t != Long.MIN_VALUE; t = signal.nextDue(toNanos)) {
            buffer.append(t, signal.valueAt(t));
        }
        chart.refresh();
    }
}
