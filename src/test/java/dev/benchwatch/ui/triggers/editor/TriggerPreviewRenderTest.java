package dev.benchwatch.ui.triggers.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.ui.FxTestSettings;
import dev.benchwatch.workspace.trigger.BacktestResult;
import dev.benchwatch.workspace.trigger.ChannelSeries;
import dev.benchwatch.workspace.trigger.TriggerBacktest;
import dev.benchwatch.workspace.trigger.TriggerModel;
import dev.benchwatch.workspace.trigger.TriggerText;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
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
 * Renders the preview of a trigger over 1,000,000 readings (2 min at about 8.3 kHz) to
 * target/trigger-preview.png (dark) and target/trigger-preview-light.png, for a person to look at, and
 * checks that a repaint of a million readings stays fast.
 */
@ExtendWith(ApplicationExtension.class)
class TriggerPreviewRenderTest {
    static {
        FxTestSettings.apply();
    }

    private TriggerPreviewChart chart;
    private BacktestResult result;

    @Start
    void start(Stage stage) {
        ChannelSeries series = millionReadings();
        result = TriggerBacktest.run(List.of(TriggerModel.of("hot",
                TriggerText.parse("mean(oven_temp, 500ms) > 10 for 2s clear < 8"))), List.of(series));
        chart = new TriggerPreviewChart();
        chart.show(series, List.of(10.0, 8.0), result.episodes("hot"));
        stage.setScene(new Scene(new StackPane(chart), 760, 300));
        stage.show();
    }

    private static ChannelSeries millionReadings() {
        int n = 1_000_000;
        long[] ts = new long[n];
        double[] vs = new double[n];
        long period = 120 * PreviewSamples.S / n;
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < n; i++) {
            double t = i * period / 1e9;
            ts[i] = PreviewSamples.T0 + i * period;
            boolean high = t >= 20 && t < 35 || t >= 50 && t < 60 || t >= 90 && t < 100 || t >= 70 && t < 71;
            vs[i] = (high ? 13 : 5) + Math.sin(t / 3) + random.nextGaussian() * 0.6;
        }
        return ChannelSeries.of("oven_temp", "°C", ts, vs);
    }

    @Test
    void rendersPreviewPngs() throws Exception {
        long nanos = onFx(() -> {
            chart.layout();
            long begin = System.nanoTime();
            chart.setDark(false);
            chart.setDark(true); // two full repaints
            return (System.nanoTime() - begin) / 2;
        });
        System.out.printf("preview repaint of 1M readings at 760 px: %.2f ms%n", nanos / 1e6);
        Path dark = Path.of("target", "trigger-preview.png");
        writePng(dark);
        onFx(() -> {
            chart.setDark(false);
            return null;
        });
        writePng(Path.of("target", "trigger-preview-light.png"));
        assertThat(Files.size(dark)).isGreaterThan(5_000);
        assertThat(result.firings("hot")).isEqualTo(3);
        assertThat(chart.captionText()).startsWith("would have fired 3 times in the last 2 min 00 s");
        assertThat(nanos).as("a repaint of 1M readings").isLessThan(TimeUnit.MILLISECONDS.toNanos(500));
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
        ImageIO.write(out, "png", path.toFile());
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
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
