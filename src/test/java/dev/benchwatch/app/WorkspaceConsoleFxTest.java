package dev.benchwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.ui.FxTestSettings;
import dev.benchwatch.ui.workspace.WorkspaceDocument;
import dev.benchwatch.ui.workspace.WorkspaceFileActions;
import dev.benchwatch.ui.workspace.WorkspaceFileActions.Answer;
import dev.benchwatch.workspace.TriggerLanguageCheck;
import dev.benchwatch.workspace.file.WorkspaceReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The console on a workspace file: the title, open with errors shown inline, and unsaved changes never lost. */
@ExtendWith(ApplicationExtension.class)
class WorkspaceConsoleFxTest {
    static {
        FxTestSettings.apply();
    }

    @TempDir
    static Path dir;

    private WorkspaceConsole console;
    private Engine engine;
    private WorkspaceDocument document;
    private WorkspaceFileActions actions;
    private Stage stage;
    private Path file;
    private final List<Path> opened = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        file = dir.resolve("bench-" + System.nanoTime() + ".json");
        Files.copy(Path.of("src/main/resources/workspaces/demo.json"), file);
        console = WorkspaceConsole.open(stage, file, dir.resolve("recent.txt"), (path, read) -> opened.add(path));
        engine = console.engine();
        document = console.document();
        actions = console.actions();
    }

    @org.junit.jupiter.api.BeforeEach
    void waitForTheWholeWindow() throws Exception {
        dev.benchwatch.ui.FxWait.wholeConsole(console.window());
    }

    @AfterEach
    void stop() throws Exception {
        console.close();
        WaitForAsyncUtils.asyncFx(stage::hide).get(5, TimeUnit.SECONDS);
    }

    private String title() throws Exception {
        return WaitForAsyncUtils.asyncFx(stage::getTitle).get(5, TimeUnit.SECONDS);
    }

    @Test
    void theTitleNamesTheFileAndFlagsUnsavedChanges(FxRobot robot) throws Exception {
        assertThat(title()).isEqualTo(file.getFileName() + " — Benchwatch");
        robot.interact(() -> document.removeTrigger("vibration_burst"));
        assertThat(title()).isEqualTo("*" + file.getFileName() + " — Benchwatch");
        robot.interact(actions::save);
        assertThat(title()).isEqualTo(file.getFileName() + " — Benchwatch");
        assertThat(Files.readString(file)).doesNotContain("vibration_burst").contains("oven_overheat");
    }

    @Test
    void aWorkspacesDetectorsReportInTheEventLogAndSavingKeepsThemAndItsHealthSettings(FxRobot robot) throws Exception {
        Path watched = dir.resolve("watched-" + System.nanoTime() + ".json");
        Files.writeString(watched, """
                {
                  "schemaVersion": 1,
                  "devices": [
                    {"name": "tank", "kind": "simulator", "channels": [
                      {"name": "level", "unit": "cm", "waveforms": [
                        {"type": "steps", "levels": [0, 10], "hold": "1s"}, {"type": "noise", "sigma": 0.05}]}],
                     "health": {"malformedLimit": 50}}
                  ],
                  "triggers": [{"id": "level_high", "when": "level > 5"}],
                  "detectors": [{"channel": "level", "detector": "zscore", "window": "2s"}],
                  "health": {"warmUp": "10s"}
                }
                """, StandardCharsets.UTF_8);
        Stage other = WaitForAsyncUtils.asyncFx(() -> new Stage()).get(5, TimeUnit.SECONDS);
        WorkspaceConsole second = WaitForAsyncUtils.asyncFx(() -> WorkspaceConsole.open(other, watched,
                dir.resolve("recent.txt"), (path, read) -> { })).get(10, TimeUnit.SECONDS);
        try {
            dev.benchwatch.ui.FxWait.wholeConsole(second.window());
            @SuppressWarnings("unchecked")
            javafx.scene.control.TableView<dev.benchwatch.ui.alarms.EventLogRow> log = robot
                    .from(WaitForAsyncUtils.asyncFx(() -> other.getScene().getRoot()).get(5, TimeUnit.SECONDS))
                    .lookup("#alarmTable").queryAs(javafx.scene.control.TableView.class);
            dev.benchwatch.ui.FxWait.until(() -> log.getItems().stream().anyMatch(row ->
                    row.type() == dev.benchwatch.engine.event.EventType.ANOMALY_DETECTED
                            && row.device().equals("tank") && row.message().startsWith("level: value ")),
                    "the detector's anomaly in the event log");

            robot.interact(() -> second.document().removeTrigger("level_high"));
            robot.interact(second.actions()::save);
            String saved = Files.readString(watched);
            assertThat(saved).doesNotContain("level_high")
                    .contains("\"detectors\": [\n    {\n      \"channel\": \"level\",\n      \"detector\": \"zscore\",\n"
                            + "      \"window\": \"2s\"\n    }\n  ]")
                    .contains("\"malformedLimit\": 50").contains("\"warmUp\": \"10s\"");
        } finally {
            second.close();
            WaitForAsyncUtils.asyncFx(other::hide).get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBrokenFileIsNotOpenedAndItsErrorsAreShownWithTheirLocations(FxRobot robot) throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, """
                {
                  "schemaVersion": 1,
                  "triggers": [{"id": "t", "when": "mean(nowhere, 1s) > abc"}]
                }
                """, StandardCharsets.UTF_8);
        robot.interact(() -> actions.open(broken));
        ListView<String> errors = robot.lookup("#workspaceErrors").queryListView();
        assertThat(errors.getItems()).isNotEmpty()
                .allSatisfy(line -> assertThat(line).matches("broken\\.json:\\d+:\\d+: triggers\\[0]\\.when: .+"));
        assertThat(opened).isEmpty();
        assertThat(title()).isEqualTo(file.getFileName() + " — Benchwatch");
    }

    @Test
    void openingAnotherWorkspaceAsksAboutUnsavedChangesFirst(FxRobot robot) throws Exception {
        Path other = dir.resolve("other.json");
        Files.copy(Path.of("src/main/resources/workspaces/demo.json"), other);
        robot.interact(() -> document.removeTrigger("power_surge"));

        robot.interact(() -> {
            actions.askWith((name, next) -> Answer.CANCEL);
            actions.open(other);
        });
        assertThat(opened).isEmpty();

        robot.interact(() -> {
            actions.askWith((name, next) -> Answer.DISCARD);
            actions.open(other);
        });
        assertThat(opened).containsExactly(other.toAbsolutePath().normalize());
        assertThat(Files.readString(file)).as("discarded, not saved").contains("power_surge");
    }

    @Test
    void closingTheWindowWithUnsavedChangesCanBeCancelledOrSaved(FxRobot robot) throws Exception {
        robot.interact(() -> document.removeTrigger("power_surge"));
        List<String> asked = new ArrayList<>();

        robot.interact(() -> {
            actions.askWith((name, next) -> {
                asked.add(name + " / " + next);
                return Answer.CANCEL;
            });
            stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
        });
        assertThat(asked).containsExactly(file.getFileName() + " / closing Benchwatch");
        assertThat(WaitForAsyncUtils.asyncFx(stage::isShowing).get()).as("cancel keeps the console open").isTrue();

        robot.interact(() -> {
            actions.askWith((name, next) -> Answer.SAVE);
            stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
        });
        assertThat(Files.readString(file)).doesNotContain("power_surge");
        assertThat(new WorkspaceReader(new TriggerLanguageCheck()).read(file).errors()).isEmpty();
    }
}
