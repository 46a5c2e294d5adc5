package dev.benchwatch.ui.chart;

import dev.benchwatch.ui.FxTestSettings;
import static dev.benchwatch.ui.chart.ChartPreviewRenderTest.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.Random;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Following live data, the chart keeps its plot raster between frames and draws only the columns that
 * scrolled in or that new points changed: the pixels must be exactly those of a full redraw.
 */
@ExtendWith(ApplicationExtension.class)
class LiveChartScrollingRasterTest {
    static {
        FxTestSettings.apply();
    }

    private static final long MS = 1_000_000L;
    private static final long T0 = 1_764_216_000_000_000_000L;

    private LiveChart chart;
    private ChartSeries[] series;
    private WindowStatsSeries stats;
    private final Random random = new Random(11);
    private long appended;
    private final double[] walk = new double[3];

    @Start
    void start(Stage stage) {
        chart = new LiveChart(ZoneOffset.UTC);
        chart.setDefaultSpan(5_000 * MS);
        chart.setYRange(-40, 140);
        series = new ChartSeries[3];
        for (int k = 0; k < 3; k++) {
            series[k] = chart.addSeries("s" + k, ChartTheme.seriesColor(k), 1 << 16);
        }
        stats = new WindowStatsSeries(1 << 12);
        series[1].withStats(stats);
        append(8_000);
        stage.setScene(new Scene(new StackPane(chart), 720, 360));
        stage.show();
    }

    /** n readings per series, 1 ms apart (series 2 only every 40 ms: sparse), a stats sample every 25. */
    private void append(int n) {
        for (int i = 0; i < n; i++, appended++) {
            long t = T0 + appended * MS;
            for (int k = 0; k < 3; k++) {
                walk[k] += random.nextGaussian();
                if (k < 2 || appended % 40 == 0) {
                    series[k].points().append(t, 30 * k + 10 * Math.sin(appended / 700.0) + walk[k] * 0.3);
                }
            }
            if (appended % 25 == 0) {
                double mean = 30 + 10 * Math.sin(appended / 700.0);
                // stamped ahead of the points, as a window's result can be: the overlay often leaves the range
                stats.append(t + 12 * MS, mean, mean - 8 - random.nextDouble(), mean + 8 + random.nextDouble(),
                        2 + random.nextDouble());
            }
        }
    }

    private int[] visiblePixels() {
        TraceRaster r = chart.painter().raster();
        int[] out = new int[r.width() * r.height()];
        for (int y = 0; y < r.height(); y++) {
            for (int x = 0; x < r.width(); x++) {
                out[y * r.width() + x] = r.pixel(x, y);
            }
        }
        return out;
    }

    @Test
    void scrolledFramesMatchAFullRedraw() throws Exception {
        onFx(() -> {
            chart.layout();
            chart.requestRedraw();
            chart.refresh();
            return null;
        });
        int partial = 0;
        for (int frame = 1; frame <= 60; frame++) {
            int n = 1 + random.nextInt(40); // a frame's readings: 1 to 40 ms
            boolean check = frame % 6 == 0;
            int[][] result = onFx(() -> {
                append(n);
                chart.refresh();
                int drawn = chart.painter().rasterColumnsDrawn;
                int[] incremental = check ? visiblePixels() : null;
                int[] full = null;
                if (check) {
                    chart.painter().invalidateRaster();
                    chart.requestRedraw();
                    chart.refresh();
                    full = visiblePixels();
                }
                return new int[][] {{drawn, chart.painter().raster().width()}, incremental, full};
            });
            if (result[0][0] < result[0][1] / 4) {
                partial++;
            }
            if (check) {
                int width = result[0][1];
                int[] incremental = result[1];
                int[] full = result[2];
                for (int i = 0; i < full.length; i++) {
                    if (incremental[i] != full[i]) {
                        throw new AssertionError(String.format("frame %d: pixel (%d, %d) is %08x, a full redraw gives %08x",
                                frame, i % width, i / width, incremental[i], full[i]));
                    }
                }
            }
        }
        assertThat(partial).as("frames that drew under a quarter of the columns").isGreaterThan(40);
    }
}
