package dev.benchwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.device.BenchActionPorts;
import dev.benchwatch.device.DeviceBench;
import dev.benchwatch.device.serial.SocatPair;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineConfig;
import dev.benchwatch.engine.action.ActionPorts;
import dev.benchwatch.ui.ConsoleWindow;
import dev.benchwatch.ui.FxTestSettings;
import dev.benchwatch.ui.FxWait;
import dev.benchwatch.ui.PngWriter;
import dev.benchwatch.ui.WindowLayout;
import dev.benchwatch.ui.chart.LiveChart;
import dev.benchwatch.ui.chart.TimeAxisMode;
import dev.benchwatch.ui.charts.ChartsPanel;
import dev.benchwatch.workspace.TriggerLanguageCheck;
import dev.benchwatch.workspace.WorkspaceSetup;
import dev.benchwatch.workspace.file.WorkspaceReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A serial board that sends its own milliseconds with each reading, over a real socat pty pair: its clock
 * channel (unit ms) is offered in the charts' Time box, and choosing it makes the x axis and the cursor
 * readout count seconds on the board's clock.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleDeviceClockFxTest {
    static {
        FxTestSettings.apply();
    }

    /** The board's clock when the test starts sending: about 83 minutes after it booted. */
    private static final long BOARD_START_MS = 5_000_000;

    @TempDir
    static Path dir;
    private static SocatPair board;
    private Engine engine;
    private DeviceBench bench;
    private ConsoleWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path device = dir.resolve("ttyCLOCK");
        board = new SocatPair(dir.resolve("board"));
        board.start(device);
        Path file = dir.resolve("bench.json");
        Files.writeString(file, """
                {
                  "schemaVersion": 1,
                  "devices": [
                    {"name": "board", "kind": "serial", "port": "%s", "baud": 115200,
                     "decoder": {"format": "csv", "names": ["t_ms", "temp"]}}
                  ],
                  "channels": [
                    {"name": "board.t_ms", "unit": "ms", "device": "board"},
                    {"name": "board.temp", "unit": "°C", "device": "board"}
                  ]
                }
                """.formatted(device), StandardCharsets.UTF_8);
        WorkspaceReader.Result read = new WorkspaceReader(new TriggerLanguageCheck()).read(file);
        assertThat(read.errors()).isEmpty();
        BenchActionPorts ports = new BenchActionPorts();
        engine = new Engine(EngineConfig.builder().build(), ports.routing(ActionPorts.unconnected()));
        bench = new DeviceBench(engine);
        ports.attach(bench);
        assertThat(WorkspaceSetup.apply(read.workspace(), engine, bench, Map.of(), dir).errors()).isEmpty();
        engine.start();
        window = new ConsoleWindow(stage, engine, bench, WindowLayout.DEFAULT, null);
        window.show();
    }

    @AfterEach
    void stop() throws Exception {
        FxWait.closeDialogs(window::close);
        bench.close();
        engine.close();
        board.close();
    }

    @Test
    void theBoardsClockCountsOnTheAxisAndInTheReadout(FxRobot robot) throws Exception {
        FxWait.wholeConsole(window);
        SocatPair.await(() -> bench.find("board").orElseThrow().adapter().isConnected(), "the board's port open");
        // the board sends 20 readings 50 ms apart, each with its own clock
        long sentMs = 0;
        for (int i = 0; i < 20; i++) {
            sentMs = BOARD_START_MS + i * 50L;
            board.send(sentMs + "," + (21 + i * 0.1) + "\n");
            Thread.sleep(50);
        }
        long lastMs = sentMs;
        FxWait.until(() -> engine.snapshotNow().channels().stream()
                .anyMatch(c -> c.name().equals("board.t_ms") && c.latest() == lastMs), "the board's last reading");

        ChartsPanel charts = window.charts();
        FxWait.until(() -> charts.timeAxis().getItems().stream().anyMatch(c -> c.toString().equals("device clock: board.t_ms")),
                "the board's clock offered in the Time box");
        assertThat(WaitForAsyncUtils.asyncFx(() -> charts.timeAxis().getItems().stream().map(Object::toString).toList())
                .get(5, TimeUnit.SECONDS)).as("only channels with a time unit are clocks")
                .containsExactly("time of day", "seconds since start", "device clock: board.t_ms");

        robot.clickOn("#timeAxis").clickOn("device clock: board.t_ms");
        LiveChart chart = charts.charts().get(0);
        FxWait.until(() -> chart.getTimeAxisMode() == TimeAxisMode.DEVICE_CLOCK && chart.getDeviceClock() != null
                && !chart.getDeviceClock().readings().isEmpty(), "the first chart on the board's clock");
        assertThat(WaitForAsyncUtils.asyncFx(() -> chart.getDeviceClock().channel()).get(5, TimeUnit.SECONDS))
                .isEqualTo("board.t_ms");

        // a cursor on the board's last reading reads the board's own time there
        WaitForAsyncUtils.asyncFx(() -> {
            chart.setCursorA(chart.getDeviceClock().readings().lastTime());
            return null;
        }).get(5, TimeUnit.SECONDS);
        FxWait.until(() -> chart.readout().row("time") != null, "the cursor readout");
        String shown = WaitForAsyncUtils.asyncFx(() -> chart.readout().row("time")[1]).get(5, TimeUnit.SECONDS);
        assertThat(shown).endsWith(" s");
        assertThat(Double.parseDouble(shown.replace(" s", ""))).isCloseTo(lastMs / 1000.0,
                org.assertj.core.data.Offset.offset(0.002));

        javafx.scene.image.WritableImage image = WaitForAsyncUtils.asyncFx(() -> window.scene().snapshot(null))
                .get(10, TimeUnit.SECONDS);
        PngWriter.write(image, Path.of("target", "console-device-clock.png"));
    }
}
