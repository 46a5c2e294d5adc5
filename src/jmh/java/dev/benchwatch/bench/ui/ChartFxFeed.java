package dev.benchwatch.bench.ui;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.datareduction.DefaultDataReducer;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.CircularDoubleErrorDataSet;
import java.util.Arrays;
import javafx.scene.Parent;

/**
 * ChartFX's (io.fair-acc:chartfx 11.3.1, bench profile only) {@link XYChart} holding {@code points} points in
 * a {@link CircularDoubleErrorDataSet} of that capacity, every point in view: two autoranging
 * {@link DefaultNumericAxis}, one {@link ErrorDataSetRenderer} set up as ChartFX's RollingBufferSample does for
 * many points (its default data reducer on, no point markers, a polyline, no error bars), no
 * animation, no legend, no plugins. Each pulse appends the new points in one {@code add} of arrays (the ring
 * drops as many of the oldest); x is in seconds from an origin, as in {@link StockLineChartFeed}.
 */
final class ChartFxFeed implements ChartFrames.Feed {
    private final int points;
    private final StreamingSignal signal;
    private final long origin;
    private CircularDoubleErrorDataSet data;
    private double[] xs = new double[64];
    private double[] ys = new double[64];
    private double[] zeros = new double[64];

    ChartFxFeed(int points, double rate) {
        this.points = points;
        this.origin = System.nanoTime();
        this.signal = new StreamingSignal(rate, origin);
    }

    @Override
    public Parent node() {
        DefaultNumericAxis x = new DefaultNumericAxis("seconds");
        DefaultNumericAxis y = new DefaultNumericAxis();
        for (DefaultNumericAxis axis : new DefaultNumericAxis[] {x, y}) {
            axis.setAutoRanging(true);
            axis.setAnimated(false);
        }
        x.setForceZeroInRange(false);

        ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setPolyLineStyle(LineStyle.NORMAL);
        renderer.setDrawMarker(false);
        // the renderer's own reducer as it comes (DefaultDataReducer: points closer than its minimum pixel distance,
        // 6, merged into one with their min/max), on; parallel implementation as it comes (on)
        renderer.setPointReduction(true);
        if (!(renderer.getRendererDataReducer() instanceof DefaultDataReducer)) {
            throw new IllegalStateException("ChartFX's default data reducer is now "
                    + renderer.getRendererDataReducer().getClass().getName());
        }
        renderer.setShowInLegend(false);

        data = new CircularDoubleErrorDataSet("signal", points);
        double[] px = new double[points];
        double[] py = new double[points];
        int[] n = {0};
        signal.history(points, origin, (t, v) -> {
            px[n[0]] = seconds(t);
            py[n[0]++] = v;
        });
        double[] pe = new double[points];
        data.add(px, py, pe, pe);
        renderer.getDatasets().add(data);

        XYChart chart = new XYChart(x, y);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.getPlugins().clear();
        chart.getRenderers().setAll(renderer);
        return chart;
    }

    @Override
    public void advance(long fromNanos, long toNanos) {
        int n = 0;
        for (long t = signal.nextDue(toNanos); t != Long.MIN_VALUE; t = signal.nextDue(toNanos)) {
            if (n == xs.length) {
                xs = Arrays.copyOf(xs, n * 2);
                ys = Arrays.copyOf(ys, n * 2);
                zeros = new double[n * 2];
            }
            xs[n] = seconds(t);
            ys[n] = signal.valueAt(t);
            n++;
        }
        if (n > 0) {
            data.add(xs, ys, zeros, zeros, n);
        }
    }

    private double seconds(long t) {
        return (t - origin) / 1e9;
    }
}
