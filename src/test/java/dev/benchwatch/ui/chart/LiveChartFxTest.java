package dev.benchwatch.ui.chart;

import dev.benchwatch.ui.FxTestSettings;
import static dev.benchwatch.ui.chart.ChartPreviewRenderTest.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.benchwatch.engine.ChannelHistory;
import javafx.animation.AnimationTimer;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * LiveChart as a view uses it: an engine history (written by this test's thread, as the engine thread
 * would) feeds the chart through a HistoryFeed from an AnimationTimer that pulls and refreshes once per
 * pulse; the test drives it with the mouse and reads pixels off the canvas.
 */
@ExtendWith(ApplicationExtension.class)
class LiveChartFxTest {
    static {
        FxTestSettings.apply();
    }

    private static final long MS = 1_000_000L;
    private static final long T0 = 1_764_216_000_000_000_000L;
    private static final Color RED = Color.web("#e15759");
    private static final Color BLUE = Color.web("#4e9ee8");

    private final ChannelHistory redHistory = new ChannelHistory(100_000, 0);
    private final ChannelHistory blueHistory = new ChannelHistory(100_000, 0);
    private LiveChart chart;
    private ChartSeries red;
    private ChartSeries blue;
    private long appended;
    private final java.util.concurrent.atomic.AtomicLong pulses = new java.util.concurrent.atomic.AtomicLong();

    @Start
    void start(Stage stage) {
        chart = new LiveChart(ZoneOffset.UTC);
        red = chart.addSeries("red", RED, 1 << 20);
        blue = chart.addSeries("blue", BLUE, 1 << 20);
        HistoryFeed redFeed = new HistoryFeed(redHistory, red.points());
        HistoryFeed blueFeed = new HistoryFeed(blueHistory, blue.points());
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                redFeed.pull();
                blueFeed.pull();
                chart.refresh();
                pulses.incrementAndGet();
            }
        }.start();
        stage.setScene(new Scene(new StackPane(chart), 900, 420));
        stage.show();
    }

    /** Appends n readings per channel, 1 ms apart: red = i (a ramp), blue = 50 + (i % 10). */
    private void append(int n) {
        for (int i = 0; i < n; i++, appended++) {
            long t = T0 + appended * MS;
            redHistory.append(t, appended % 1000);
            blueHistory.append(t, 50 + appended % 10);
        }
    }

    /** Waits until {@code frames} more pulses have pulled and refreshed (painting if anything changed). */
    private void awaitFrames(int frames) throws Exception {
        long target = pulses.get() + frames + 1;
        await(() -> pulses.get() >= target);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }

    private int pixelsLike(Color color) throws Exception {
        WritableImage image = onFx(() -> chart.snapshot(null, null));
        PixelReader reader = image.getPixelReader();
        int count = 0;
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                Color c = reader.getColor(x, y);
                if (Math.abs(c.getRed() - color.getRed()) < 0.06 && Math.abs(c.getGreen() - color.getGreen()) < 0.06
                        && Math.abs(c.getBlue() - color.getBlue()) < 0.06) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void drawsEachSeriesInItsColourAfterAPulse() throws Exception {
        int before = pixelsLike(RED);
        append(5_000);
        await(() -> red.points().size() == 5_000);
        awaitFrames(1);
        int after = pixelsLike(RED);
        assertThat(after - before).as("red pixels drawn").isGreaterThan(300);
        assertThat(pixelsLike(BLUE)).as("blue pixels drawn").isGreaterThan(300);
        onFx(() -> {
            blue.setVisible(false);
            return null;
        });
        awaitFrames(1);
        assertThat(pixelsLike(BLUE)).as("a hidden series leaves only its legend square").isLessThan(150);
    }

    @Test
    void pauseFreezesTheRangeWhileDataKeepsArriving(FxRobot robot) throws Exception {
        append(3_000);
        await(() -> red.points().size() == 3_000);
        awaitFrames(1);
        assertThat(chart.visibleEndProperty().get()).isEqualTo(T0 + 2_999 * MS + 1);
        onFx(() -> {
            chart.setPaused(true);
            return null;
        });
        awaitFrames(1);
        long start = chart.visibleStartProperty().get();
        long end = chart.visibleEndProperty().get();
        append(2_000);
        await(() -> red.points().size() == 5_000);
        Thread.sleep(100); // pulses go by
        assertThat(chart.visibleStartProperty().get()).isEqualTo(start);
        assertThat(chart.visibleEndProperty().get()).isEqualTo(end);
        assertThat(chart.isFollowing()).isFalse();
        assertThat(red.points().lastTime()).isEqualTo(T0 + 4_999 * MS);
        onFx(() -> {
            chart.setPaused(false);
            return null;
        });
        await(() -> chart.visibleEndProperty().get() == T0 + 4_999 * MS + 1);
        assertThat(chart.isFollowing()).isTrue();
    }

    @Test
    void wheelZoomsAroundThePointerAndDoubleClickReturnsToLive(FxRobot robot) throws Exception {
        append(20_000);
        await(() -> red.points().size() == 20_000);
        awaitFrames(1);
        long span = chart.visibleEndProperty().get() - chart.visibleStartProperty().get();
        assertThat(span).isEqualTo(LiveChart.DEFAULT_SPAN_NANOS);
        double[] plot = onFx(chart::plotArea);
        robot.moveTo(chart).moveBy(0, 20); // the plot's middle, roughly
        robot.scroll(3, VerticalDirection.UP);
        awaitFrames(1);
        await(() -> chart.visibleEndProperty().get() - chart.visibleStartProperty().get() < span);
        assertThat(chart.isFollowing()).isFalse();
        long zoomedSpan = chart.visibleEndProperty().get() - chart.visibleStartProperty().get();
        assertThat(zoomedSpan).isLessThan(span);

        // drag pans: dragging to the right shows earlier data
        long startBefore = chart.visibleStartProperty().get();
        robot.drag(MouseButton.PRIMARY).moveBy(plot[2] / 4, 0).release(MouseButton.PRIMARY);
        await(() -> chart.visibleStartProperty().get() < startBefore);

        robot.doubleClickOn(chart, MouseButton.PRIMARY);
        await(() -> chart.isFollowing());
        await(() -> chart.visibleEndProperty().get() - chart.visibleStartProperty().get() == span);
        assertThat(chart.visibleEndProperty().get()).isEqualTo(T0 + 19_999 * MS + 1);
    }

    @Test
    void cursorsReadTheValuesAtTheirTimesAndTheDelta(FxRobot robot) throws Exception {
        append(10_000); // red: i % 1000 at T0 + i ms
        await(() -> red.points().size() == 10_000);
        awaitFrames(1);
        onFx(() -> {
            chart.setCursorA(T0 + 2_250 * MS); // red 250, blue 50
            chart.setCursorB(T0 + 2_757 * MS + MS / 2); // red 757, blue 57 (the newest point at or before)
            return null;
        });
        awaitFrames(1);
        CursorReadout readout = onFx(chart::readout);
        assertThat(readout.row("time")).containsExactly("time", "04:00:02.250", "04:00:02.757", "507.50 ms");
        assertThat(readout.row("red")).containsExactly("red", "250.00", "757.00", "+507.00");
        assertThat(readout.row("blue")).containsExactly("blue", "50.000", "57.000", "+7.000");
        onFx(() -> {
            chart.setTimeAxisMode(TimeAxisMode.DEVICE_TIME);
            return null;
        });
        awaitFrames(1);
        assertThat(onFx(chart::readout).row("time")).containsExactly("time", "2.250 s", "2.758 s", "507.50 ms");

        // the board's own clock, in ms: 5,000 s at T0, then it jumps 0.5 s ahead at T0 + 9 s
        SeriesBuffer boardMs = new SeriesBuffer(1024);
        for (int i = 0; i <= 10; i++) {
            boardMs.append(T0 + i * 1_000 * MS, 5_000_000 + i * 1_000 + (i >= 9 ? 500 : 0));
        }
        onFx(() -> {
            chart.setDeviceClock(new DeviceClock("board.t", DeviceClock.nanosPerUnit("ms"), boardMs));
            chart.setTimeAxisMode(TimeAxisMode.DEVICE_CLOCK);
            return null;
        });
        awaitFrames(1);
        // judged by the clock's latest reading at the view's end (T0 + 9.999 s: the one at T0 + 9 s, 5,009.5 s),
        // cursor A at T0 + 2.25 s reads 5,002.75 s on the board's clock
        String[] time = onFx(chart::readout).row("time");
        assertThat(time[1]).isEqualTo("5002.750 s");
        assertThat(Double.parseDouble(time[2].replace(" s", ""))).isCloseTo(5003.2575, org.assertj.core.data.Offset.offset(0.0011));
        assertThat(time[3]).isEqualTo("507.50 ms");
        onFx(() -> {
            chart.setTimeAxisMode(TimeAxisMode.HOST_TIME);
            chart.setDeviceClock(null);
            return null;
        });

        // Shift+click places cursor A where the person clicked
        double[] plot = onFx(chart::plotArea);
        double x = plot[0] + plot[2] / 2;
        double y = plot[1] + plot[3] / 2;
        long expected = onFx(() -> chart.timeAtX(x));
        javafx.geometry.Point2D screen = onFx(() -> chart.localToScreen(x, y));
        robot.moveTo(screen).press(KeyCode.SHIFT).clickOn(MouseButton.PRIMARY).release(KeyCode.SHIFT);
        await(() -> chart.getCursorA() != null && Math.abs(chart.getCursorA() - expected) < 50 * MS);
        assertThat(chart.isFollowing()).as("placing a cursor does not stop following").isTrue();
    }

    @Test
    void fixedAxesAndAutoscale() throws Exception {
        append(2_000);
        await(() -> red.points().size() == 2_000);
        awaitFrames(1);
        assertThat(chart.getYMin()).isLessThanOrEqualTo(0);
        assertThat(chart.getYMax()).isGreaterThanOrEqualTo(999);
        onFx(() -> {
            chart.setYRange(40, 60);
            return null;
        });
        awaitFrames(1);
        assertThat(chart.isAutoscale()).isFalse();
        assertThat(chart.getYMin()).isEqualTo(40);
        assertThat(chart.getYMax()).isEqualTo(60);
        onFx(() -> {
            chart.setAutoscale(true);
            return null;
        });
        awaitFrames(1);
        assertThat(chart.getYMax()).isGreaterThanOrEqualTo(999);
    }
}
