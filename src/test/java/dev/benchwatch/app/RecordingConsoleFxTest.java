package dev.benchwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.device.DeviceBench;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.record.SessionRecorder;
import dev.benchwatch.ui.ConsoleWindow;
import dev.benchwatch.ui.FxTestSettings;
import dev.benchwatch.ui.FxWait;
import dev.benchwatch.ui.WindowLayout;
import dev.benchwatch.ui.recording.RecordingViewModel;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Recording from the console: the indicator and counts while it runs, a marker typed by a person, stop. */
@ExtendWith(ApplicationExtension.class)
class RecordingConsoleFxTest {
    static {
        FxTestSettings.apply();
    }

    @TempDir
    static Path dir;

    private Engine engine;
    private DeviceBench bench;
    private SessionRecorder recorder;
    private RecordingViewModel recording;
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        engine = new Engine();
        engine.start();
        bench = new DeviceBench(engine);
        SimulatorBench.configure(engine, bench, true);
        recorder = new SessionRecorder(engine);
        recording = new RecordingViewModel(recorder, "simulator bench");
        window = new ConsoleWindow(stage, engine, bench, WindowLayout.DEFAULT, null);
        window.showRecording(recording);
        window.show();
    }

    @org.junit.jupiter.api.BeforeEach
    void waitForTheWholeWindow() throws Exception {
        dev.benchwatch.ui.FxWait.wholeConsole(window);
    }

    @AfterEach
    void stop() throws Exception {
        FxWait.closeDialogs(window::close);
        bench.close();
        recorder.close();
        engine.close();
    }

    @Test
    void recordMarkAndStopFromTheTopBar(FxRobot robot) throws Exception {
        Label indicator = robot.lookup("#recordingIndicator").queryAs(Label.class);
        Button stop = robot.lookup("#stopRecording").queryButton();
        assertThat(indicator.isVisible()).isFalse();
        assertThat(stop.isDisabled()).isTrue();
        Path file = dir.resolve("session.db");

        robot.interact(() -> assertThat(recording.start(file)).isTrue()); // the file chooser is the OS's: not driven
        FxWait.until(indicator::isVisible, "the REC indicator");
        Label status = robot.lookup("#recordingStatus").queryAs(Label.class);
        FxWait.until(() -> status.getText().matches("session\\.db · .* · 00:00:0\\d · [1-9][0-9,]* readings · 0 lost"),
                "the size, duration and counts");

        robot.clickOn("#markRecording");
        FxWait.until(() -> robot.lookup("#markerLabel").tryQuery().isPresent(), "the marker dialog");
        robot.clickOn("#markerLabel").write("door opened").push(KeyCode.ENTER);
        robot.clickOn(stop);
        FxWait.until(() -> !indicator.isVisible(), "the indicator to go");
        assertThat(status.getText()).startsWith("last: session.db");

        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = sql.createStatement()) {
            ResultSet marker = statement.executeQuery("SELECT label, source FROM marker");
            assertThat(marker.next()).isTrue();
            assertThat(marker.getString("label")).isEqualTo("door opened");
            ResultSet counts = statement.executeQuery("SELECT accepted, recorded, lost FROM session");
            counts.next();
            assertThat(counts.getLong("recorded")).isPositive().isEqualTo(counts.getLong("accepted"));
            assertThat(counts.getLong("lost")).isZero();
        }
    }
}
