package dev.benchwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.metrics.TriggerStatus;
import dev.benchwatch.engine.trigger.TriggerState;
import dev.benchwatch.ui.ConsoleWindow;
import dev.benchwatch.ui.FxTestSettings;
import dev.benchwatch.ui.FxWait;
import dev.benchwatch.ui.triggers.TriggerRow;
import dev.benchwatch.ui.triggers.editor.ClearMode;
import dev.benchwatch.ui.triggers.editor.TriggerEditorDialog;
import dev.benchwatch.workspace.trigger.TriggerText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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
 * A lab engineer authors a trigger in the console's editor, through its controls, on a simulated tank whose
 * level steps between 0 and 10 every second: the preview counts past firings, a bad threshold is an inline
 * error, the text form and the form follow each other, and once applied the trigger fires on the live data
 * and clears with hysteresis; saving writes it to the workspace file.
 */
@ExtendWith(ApplicationExtension.class)
class TriggerAuthoringFxTest {
    static {
        FxTestSettings.apply();
    }

    @TempDir
    static Path dir;

    private WorkspaceConsole console;
    private Engine engine;
    private ConsoleWindow window;
    private Stage stage;
    private Path file;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        file = dir.resolve("tank.json");
        Files.writeString(file, """
                {
                  "schemaVersion": 1,
                  "devices": [
                    {"name": "tank", "kind": "simulator", "rate": 100, "channels": [
                      {"name": "level", "unit": "cm", "waveforms": [{"type": "steps", "levels": [0, 10], "hold": "1s"}]}]}
                  ]
                }
                """, StandardCharsets.UTF_8);
        console = WorkspaceConsole.open(stage, file, null, (path, read) -> { });
        engine = console.engine();
        window = console.window();
    }

    @org.junit.jupiter.api.BeforeEach
    void waitForTheWholeWindow() throws Exception {
        dev.benchwatch.ui.FxWait.wholeConsole(console.window());
    }

    @AfterEach
    void stop() throws Exception {
        console.close();
    }

    private static <T extends Node> T byId(FxRobot robot, String id, Class<T> type) {
        return robot.lookup((Node n) -> id.equals(n.getId())).queryAs(type);
    }

    private static void replaceText(FxRobot robot, Node field, String text) {
        robot.clickOn(field);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void authorATriggerInTheFormSeeItFireAndClearWithHysteresis(FxRobot robot) throws Exception {
        Thread.sleep(2500); // a few steps of history for the preview
        robot.clickOn("#triggersTab");
        AtomicReference<TriggerEditorDialog> opened = new AtomicReference<>();
        robot.interact(() -> window.triggerActions().onEditorOpened(opened::set));
        robot.clickOn("#newTrigger");
        FxWait.until(() -> opened.get() != null && opened.get().isShowing(), "the trigger editor");

        replaceText(robot, byId(robot, "triggerId", TextField.class), "level_high");
        replaceText(robot, byId(robot, "cond-channel-when.0", javafx.scene.control.ComboBox.class).getEditor(), "level");
        TextField threshold = byId(robot, "cond-threshold-when.0", TextField.class);
        Button ok = byId(robot, "triggerEditorOk", Button.class);

        replaceText(robot, threshold, "abc");
        assertThat(threshold.getStyleClass()).contains("field-error");
        assertThat(byId(robot, "cond-message-when.0", Label.class).getText()).contains("enter a number");
        assertThat(ok.isDisabled()).isTrue();

        replaceText(robot, threshold, "5");
        replaceText(robot, byId(robot, "forField", TextField.class), "200ms");
        @SuppressWarnings("unchecked")
        ChoiceBox<ClearMode> clearMode = byId(robot, "clearMode", ChoiceBox.class);
        robot.clickOn(clearMode).clickOn(ClearMode.CONDITION.toString());
        replaceText(robot, byId(robot, "cond-threshold-clear.0", TextField.class), "2");
        robot.push(KeyCode.ENTER);
        TextArea text = byId(robot, "triggerText", TextArea.class);
        assertThat(TriggerText.parse(text.getText()))
                .isEqualTo(TriggerText.parse("level > 5 for 200ms clear level < 2"));
        assertThat(ok.isDisabled()).isFalse();

        // the text form drives the form too
        replaceText(robot, text, "level > 6 for 200ms clear level < 2");
        assertThat(threshold.getText()).isEqualTo("6");

        // the preview ran the draft over the level's history: it steps to 10 every other second
        Label caption = robot.lookup("#previewCaption").queryAs(Label.class);
        FxWait.until(() -> caption.getText().startsWith("would have fired"), "the preview's count");
        assertThat(caption.getText()).doesNotStartWith("would have fired 0");

        robot.clickOn(ok);
        FxWait.until(() -> !opened.get().isShowing(), "the editor to close");
        assertThat(WaitForAsyncUtils.asyncFx(() -> window.fileActions().document().triggerIds()).get())
                .as("the workspace's triggers after OK").contains("level_high");
        assertThat(engine.snapshotNow().triggers()).extracting(TriggerStatus::id).contains("level_high");

        @SuppressWarnings("unchecked")
        TableView<TriggerRow> table = robot.lookup("#triggerTable").queryAs(TableView.class);
        FxWait.until(() -> table.getItems().stream().anyMatch(r -> r.id().equals("level_high")), "the trigger listed");
        List<TriggerState> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!(seen.contains(TriggerState.FIRING) && seen.contains(TriggerState.CLEARED))
                && System.nanoTime() < deadline) {
            TriggerStatus status = engine.snapshotNow().trigger("level_high");
            if (status != null && (seen.isEmpty() || seen.get(seen.size() - 1) != status.state())) {
                seen.add(status.state());
            }
            Thread.sleep(20);
        }
        assertThat(seen).as("states seen").contains(TriggerState.FIRING, TriggerState.CLEARED);
        assertThat(engine.snapshotNow().trigger("level_high").firings()).isPositive();
        assertThat(stage.getTitle()).startsWith("*tank.json");

        robot.interact(() -> window.fileActions().save());
        assertThat(Files.readString(file)).contains("\"level_high\"").contains("\"when\": \"level > 6\"")
                .contains("\"clear\": \"level < 2\"");
    }
}
