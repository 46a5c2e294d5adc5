package dev.benchwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.device.DeviceBench;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.record.CsvExport;
import dev.benchwatch.record.RecordingReplaySource;
import dev.benchwatch.record.SessionRecorder;
import dev.benchwatch.ui.ConsoleWindow;
import dev.benchwatch.ui.FxTestSettings;
import dev.benchwatch.ui.FxWait;
import dev.benchwatch.ui.recording.BacktestDialog;
import dev.benchwatch.ui.recording.RecordingViewModel;
import dev.benchwatch.ui.recording.ReplayControls;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A session recorded in the console, then used from the Recording menu: exported as CSV, its triggers
 * backtested and drawn, and replayed into the console as a device that pauses and seeks.
 */
@ExtendWith(ApplicationExtension.class)
class RecordingToolsFxTest {
    static {
        FxTestSettings.apply();
    }

    @TempDir
    static Path dir;

    private WorkspaceConsole console;
    private Engine engine;
    private DeviceBench bench;
    private SessionRecorder recorder;
    private RecordingViewModel recording;
    private ConsoleWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path file = dir.resolve("tank.json");
        Files.writeString(file, """
                {
                  "schemaVersion": 1,
                  "devices": [
                    {"name": "tank", "kind": "simulator", "rate": 200, "channels": [
                      {"name": "level", "unit": "cm", "waveforms": [{"type": "steps", "levels": [0, 10], "hold": "300ms"}]}]}
                  ],
                  "triggers": [{"id": "level_high", "when": "level > 5", "clear": "< 2"}]
                }
                """, StandardCharsets.UTF_8);
        console = WorkspaceConsole.open(stage, file, null, (p, w) -> { });
        engine = console.engine();
        bench = console.bench();
        window = console.window();
        recorder = new SessionRecorder(engine);
        recording = new RecordingViewModel(recorder, file.toString());
        window.showRecording(recording);
    }

    @org.junit.jupiter.api.BeforeEach
    void waitForTheWholeWindow() throws Exception {
        dev.benchwatch.ui.FxWait.wholeConsole(console.window());
    }

    @AfterEach
    void stop() throws Exception {
        recorder.close(); // before the engine goes
        console.close();
    }

    @Test
    void exportBacktestAndReplayARecordedSession(FxRobot robot) throws Exception {
        Path db = dir.resolve("tank.db");
        robot.interact(() -> assertThat(recording.start(db)).isTrue());
        Thread.sleep(2500);
        robot.interact(recording::stop);
        long recorded = recorder.recorded();
        assertThat(recorded).isGreaterThan(300);
        bench.disconnect("tank"); // from here on, only the replay feeds the engine

        Path csv = dir.resolve("tank.csv");
        robot.interact(() -> window.recordingMenu().export(db, csv, CsvExport.Layout.LONG));
        FxWait.until(() -> robot.lookup("#recordingOutcome").tryQuery().isPresent(), "the export's outcome");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("time,device,channel,value,unit");
        assertThat(lines).hasSize((int) recorded + 1);
        assertThat(lines.get(1)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z,tank,level,(0|10)\\.0,cm");

        AtomicReference<BacktestDialog> backtest = new AtomicReference<>();
        robot.interact(() -> backtest.set(window.recordingMenu().backtest(db)));
        backtest.get().done().get(30, TimeUnit.SECONDS);
        Label caption = robot.lookup("#backtest-level_high").lookup("#previewCaption").queryAs(Label.class);
        assertThat(caption.getText()).matches("would have fired \\d+ times in \\d+ s of recording.*");
        robot.interact(() -> dev.benchwatch.ui.PngWriter.write(backtest.get().getDialogPane().getScene().snapshot(null), Path.of("target/backtest-dialog.png"))); // for a person to look at: target/backtest-dialog.png

        AtomicReference<ReplayControls> controls = new AtomicReference<>();
        robot.interact(() -> controls.set(window.recordingMenu().replay(db, 1.0).orElseThrow()));
        RecordingReplaySource replay = controls.get().replay();
        assertThat(bench.find(replay.name())).isPresent();
        FxWait.until(() -> replay.replayed() > 50, "the replay to feed the engine");
        robot.clickOn("#replayPause");
        FxWait.until(replay::paused, "the pause");
        long atPause = replay.replayed();
        Thread.sleep(500);
        assertThat(replay.replayed()).isLessThanOrEqualTo(atPause + 1);
        long before = replay.position();
        robot.interact(() -> replay.seek(java.time.Duration.ZERO)); // what releasing the slider at its start does
        robot.clickOn("#replayPause");
        FxWait.until(() -> !replay.paused() && replay.position() < before, "the replay to go back to the start");
        FxWait.until(() -> robot.lookup("#replayWhere").queryAs(Label.class).getText().contains("readings"),
                "the position readout");
        robot.interact(() -> dev.benchwatch.ui.PngWriter.write(controls.get().getScene().snapshot(null), Path.of("target/replay-controls.png")));
    }
}
