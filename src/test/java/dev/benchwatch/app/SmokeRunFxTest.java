package dev.benchwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.device.DeviceBench;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.ui.ConsoleWindow;
import dev.benchwatch.ui.FxTestSettings;
import dev.benchwatch.ui.WindowLayout;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** {@code --smoke}'s watcher on a real console: closes it after a frame with live data, or fails without data. */
@ExtendWith(ApplicationExtension.class)
class SmokeRunFxTest {
    static {
        FxTestSettings.apply();
    }

    private Engine engine;
    private DeviceBench bench;
    private ConsoleWindow window;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicInteger status = new AtomicInteger();

    @Start
    void start(Stage stage) {
        engine = new Engine();
        engine.start();
        bench = new DeviceBench(engine);
        window = new ConsoleWindow(stage, engine, bench, WindowLayout.DEFAULT, null);
        window.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.close()).get(5, TimeUnit.SECONDS);
        bench.close();
        engine.close();
    }

    private void watchUntilClosed(Duration limit) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> SmokeRun.watch(window, status, new PrintWriter(out, true),
                new PrintWriter(err, true), limit)).get(5, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (WaitForAsyncUtils.asyncFx(() -> window.stage().isShowing()).get(5, TimeUnit.SECONDS)) {
            assertThat(System.nanoTime()).as("the console closes by itself").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void closesTheConsoleOnceAFrameWithLiveDataWasRendered() throws Exception {
        SimulatorBench.configure(engine, bench, true);
        watchUntilClosed(Duration.ofSeconds(20));
        assertThat(status.get()).isZero();
        assertThat(out.toString()).containsPattern("^first frame with live data after \\d+ ms \\(\\d+ readings, frame \\d+\\)")
                .containsPattern("(?m)^whole console after \\d+ ms \\(frame \\d+\\)$");
        assertThat(engine.snapshot().metrics().accepted()).isPositive();
        assertThat(WaitForAsyncUtils.asyncFx(() -> window.completeProperty().get()).get(5, TimeUnit.SECONDS))
                .as("every panel was built before the smoke run closed the console").isTrue();
    }

    @Test
    void withoutLiveDataItGivesUpAtTheLimitWithStatusOne() throws Exception {
        watchUntilClosed(Duration.ofMillis(500)); // no device on the bench: nothing ever arrives
        assertThat(status.get()).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("smoke: no frame with live data within 500 ms");
    }
}
