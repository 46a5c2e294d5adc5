package dev.benchwatch.ui.chart;

import dev.benchwatch.ui.FxTestSettings;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders 4 series x 1,000,000 points (1 kHz for 1000 s) with window-statistics overlays and both cursors
 * to target/chart-preview.png (dark) and target/chart-preview-light.png, for a person to look at; checks
 * that a paint of the whole range stays fast.
 */
@ExtendWith(ApplicationExtension.class)
class ChartPreviewRenderTest {
    static {
        FxTestSettings.apply();
    }

    private static final long T0 = 1_764_216_000_000_000_000L; // 2025-11-27 04:00:00 UTC
    private static final int POINTS = 1_000_000;
    private static final long PERIOD = 1_000_000L; // 1 kHz

    private LiveChart chart;

    @Start
    void start(Stage stage) {
        chart = new LiveChart(ZoneOffset.UTC);
        String[] names = {"oven_temp °C", "chamber_temp °C", "psu_volts V", "flow l/min"};
        Random random = new Random(7);
        for (int k = 0; k < 4; k++) {
            ChartSeries s = chart.addSeries(names[k], ChartTheme.seriesColor(k), POINTS);
            WindowStatsSeries stats = k == 0 || k == 2 ? new WindowStatsSeries(20_000) : null;
            double walk = 0;
            double sum = 0;
            double sumSquares = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            int inWindow = 0;
            for (int i = 0; i < POINTS; i++) {
                long t = T0 + i * PERIOD;
                double seconds = i / 1000.0;
                walk += random.nextGaussian() * 0.02;
                double v = switch (k) {
                    case 0 -> 60 + 8 * Math.sin(seconds / 90) + walk + random.nextGaussian() * 0.6;
                    case 1 -> 45 + 5 * Math.sin(seconds / 140 + 1) + random.nextGaussian() * 0.3
                            + (i % 200_000 < 300 ? 9 : 0);
                    case 2 -> 24 + 0.8 * Math.signum(Math.sin(seconds / 40)) + random.nextGaussian() * 0.8;
                    default -> 30 + 10 * Math.exp(-((seconds - 600) * (seconds - 600)) / 5000)
                            + random.nextGaussian() * 0.4;
                };
                s.points().append(t, v);
                if (stats != null) {
                    sum += v;
                    sumSquares += v * v;
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                    inWindow++;
                    if (inWindow == 5_000) { // 5 s tumbling windows
                        double mean = sum / inWindow;
                        double sd = Math.sqrt(Math.max(0, (sumSquares - sum * mean) / (inWindow - 1)));
                        stats.append(t, mean, lo, hi, sd);
                        sum = sumSquares = 0;
                        lo = Double.POSITIVE_INFINITY;
                        hi = Double.NEGATIVE_INFINITY;
                        inWindow = 0;
                    }
                }
            }
            if (stats != null) {
                s.withStats(stats);
            }
        }
        chart.showRange(T0, T0 + POINTS * PERIOD);
        chart.setCursorA(T0 + 250_000 * PERIOD);
        chart.setCursorB(T0 + 612_500 * PERIOD);
        stage.setScene(new Scene(new StackPane(chart), 1400, 640));
        stage.show();
    }

    @Test
    void rendersPreviewPngs() throws Exception {
        long nanos = onFx(() -> {
            chart.layout();
            long begin = System.nanoTime();
            chart.requestRedraw();
            chart.refresh();
            return System.nanoTime() - begin;
        });
        System.out.printf("paint of 4 x 1M points (+ stats) at 1400 px: %.2f ms%n", nanos / 1e6);
        Path dark = Path.of("target", "chart-preview.png");
        writePng(dark);
        onFx(() -> {
            chart.setTheme(ChartTheme.LIGHT);
            chart.setTimeAxisMode(TimeAxisMode.DEVICE_TIME);
            chart.refresh();
            return null;
        });
        writePng(Path.of("target", "chart-preview-light.png"));
        assertThat(Files.size(dark)).isGreaterThan(10_000);
        assertThat(chart.readout().rows()).hasSize(2 + 4);
    }

    private void writePng(Path path) throws Exception {
        WritableImage image = onFx(() -> chart.snapshot(null, null));
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader reader = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, reader.getArgb(x, y));
            }
        }
        Files.createDirectories(path.getParent());
        try {
            ImageIO.write(out, "png", path.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + path, e);
        }
    }

    static <T> T onFx(java.util.concurrent.Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }
}
