package dev.benchwatch.ui.triggers.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.ui.FxTestSettings;
import dev.benchwatch.workspace.trigger.BacktestResult;
import dev.benchwatch.workspace.trigger.ChannelSeries;
import dev.benchwatch.workspace.trigger.TriggerBacktest;
import dev.benchwatch.workspace.trigger.TriggerEpisode;
import dev.benchwatch.workspace.trigger.TriggerModel;
import dev.benchwatch.workspace.trigger.TriggerText;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The preview in a real window, fed by a real backtest: the caption and the colours of its spans. */
@ExtendWith(ApplicationExtension.class)
class TriggerPreviewChartFxTest {
    static {
        FxTestSettings.apply();
    }

    private static final long S = PreviewSamples.S;
    private static final long T0 = PreviewSamples.T0;

    private Stage stage;
    private TriggerPreviewChart chart;
    private ChannelSeries series;
    private BacktestResult result;

    /** Its own stage: resizing the shared primary stage would leave later tests a window of this size. */
    @Start
    void start(Stage primary) {
        this.stage = new Stage();
        series = PreviewSamples.oven(120, 10);
        result = TriggerBacktest.run(List.of(TriggerModel.of("hot",
                TriggerText.parse("oven_temp > 10 for 2s clear < 8"))), List.of(series));
        chart = new TriggerPreviewChart();
        chart.show(series, List.of(10.0, 8.0), result.episodes("hot"));
        stage.setScene(new Scene(new StackPane(chart), 900, 320));
        stage.show();
    }

    @org.junit.jupiter.api.AfterEach
    void close() throws Exception {
        org.testfx.util.WaitForAsyncUtils.asyncFx(stage::hide).get(5, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    void theCaptionSaysHowOftenTheTriggerWouldHaveFired(FxRobot robot) {
        Label caption = robot.lookup("#" + TriggerPreviewChart.CAPTION_ID).queryAs(Label.class);
        assertThat(robot.lookup("#" + TriggerPreviewChart.ID).tryQuery()).isPresent();
        assertThat(result.firings("hot")).isEqualTo(3);
        assertThat(caption.getText())
                .isEqualTo("would have fired 3 times in the last 2 min 00 s (also pending once without firing)");
    }

    @Test
    void firingSpansAreReddishPendingSpansAmberAndTheRestPlain() throws Exception {
        TriggerEpisode first = result.firingEpisodes("hot").getFirst();
        TriggerEpisode pendingOnly = result.pendingOnly("hot").getFirst();
        assertThat(first.firedAt()).isEqualTo(T0 + 22 * S); // above 10 from 20 s, held for 2 s

        Color firing = pixelAt((first.firedAt() + first.clearedAt()) / 2);
        Color pending = pixelAt((pendingOnly.pendingSince() + pendingOnly.pendingUntil()) / 2);
        Color plain = pixelAt(T0 + 10 * S);

        assertThat(firing.getRed() - Math.max(firing.getGreen(), firing.getBlue())).as("firing %s", firing)
                .isGreaterThan(0.12);
        assertThat(pending.getRed() - pending.getBlue()).as("pending %s", pending).isGreaterThan(0.1);
        assertThat(pending.getGreen() - pending.getBlue()).as("pending %s is amber, not red", pending)
                .isGreaterThan(0.05);
        assertThat(Math.abs(plain.getRed() - plain.getBlue())).as("outside %s", plain).isLessThan(0.05);
    }

    @Test
    void aResizeRedrawsAndTheLightPaletteIsLight() throws Exception {
        double before = onFx(() -> chart.plotArea().getWidth());
        onFx(() -> {
            stage.setWidth(600);
            stage.setHeight(stage.getHeight());
            return null;
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        double after = onFx(() -> {
            chart.layout();
            return chart.plotArea().getWidth();
        });
        assertThat(after).isLessThan(before - 200);
        assertThat(pixelAt(T0 + (long) (25.5 * S)).getRed()).isGreaterThan(0.2); // still painted, still red

        onFx(() -> {
            chart.setDark(false);
            return null;
        });
        Color plain = pixelAt(T0 + 10 * S);
        assertThat(plain.getBrightness()).as("light plot %s", plain).isGreaterThan(0.9);
    }

    @Test
    void clearShowsAMessageAndNoChart(FxRobot robot) throws Exception {
        onFx(() -> {
            chart.clear("no history for channel oven_temp");
            return null;
        });
        Label caption = robot.lookup("#" + TriggerPreviewChart.CAPTION_ID).queryAs(Label.class);
        assertThat(caption.getText()).isEqualTo("no history for channel oven_temp");
        assertThat(caption.getStyleClass()).contains(TriggerPreviewChart.MESSAGE_STYLE_CLASS);
        assertThat(onFx(() -> chart.plotArea().getWidth())).isZero();

        onFx(() -> {
            chart.show(ChannelSeries.of("door", "", new long[0], new double[0]), List.of(), List.of());
            return null;
        });
        assertThat(caption.getText()).isEqualTo("no history for channel door");
    }

    /** The colour, in a snapshot of the chart, near the bottom of the plot at {@code time}. */
    private Color pixelAt(long time) throws Exception {
        return onFx(() -> {
            chart.layout();
            Bounds plot = chart.plotArea();
            WritableImage image = chart.snapshot(null, null);
            int x = (int) Math.round(chart.xOf(time));
            int y = (int) Math.round(plot.getMaxY() - 6);
            return image.getPixelReader().getColor(x, y);
        });
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
