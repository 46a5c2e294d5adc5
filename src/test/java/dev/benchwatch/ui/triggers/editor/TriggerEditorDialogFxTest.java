package dev.benchwatch.ui.triggers.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.ui.FxTestSettings;
import dev.benchwatch.ui.Theme;
import dev.benchwatch.workspace.trigger.TriggerModel;
import dev.benchwatch.workspace.trigger.TriggerText;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The editor dialog driven through its controls under Xvfb: typing in the form rewrites the text, typing
 * the text rewrites the form, a bad threshold is marked and blocks OK, and Ctrl+Z / Ctrl+Shift+Z walk back
 * and forth. Row control ids contain dots ({@code cond-threshold-when.0}), which a CSS lookup would read as
 * a style class, so rows are found by id equality.
 */
@ExtendWith(ApplicationExtension.class)
class TriggerEditorDialogFxTest {
    static {
        FxTestSettings.apply();
    }

    private TriggerEditorDialog dialog;
    private TriggerEditorViewModel vm;

    @Start
    void start(Stage stage) {
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 200, 100));
        stage.show();
        vm = new TriggerEditorViewModel(TriggerModel.of("oven_overheat", TriggerText.parse("oven_temp > 180 for 5s")),
                List.of("oven_temp", "door"), List.of("oven"), List.of("psu_low"));
        dialog = new TriggerEditorDialog(stage, vm);
        dialog.getDialogPane().getStylesheets().add(Theme.DARK.stylesheet());
        dialog.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(dialog::close).get(5, TimeUnit.SECONDS);
    }

    private static <T extends Node> T byId(FxRobot robot, String id, Class<T> type) {
        return robot.lookup((Node n) -> id.equals(n.getId())).queryAs(type);
    }

    private void replaceText(FxRobot robot, Node field, String text) {
        robot.clickOn(field);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void typingAThresholdRewritesTheText(FxRobot robot) {
        TextField threshold = byId(robot, "cond-threshold-when.0", TextField.class);
        TextArea text = byId(robot, "triggerText", TextArea.class);
        assertThat(text.getText()).isEqualTo("oven_temp > 180 for 5s");
        replaceText(robot, threshold, "192.50");
        assertThat(text.getText()).isEqualTo("oven_temp > 192.5 for 5s");
        assertThat(vm.modelProperty().get().text()).isEqualTo("oven_temp > 192.5 for 5s");
    }

    @Test
    void typingTheTextRewritesTheForm(FxRobot robot) {
        TextArea text = byId(robot, "triggerText", TextArea.class);
        replaceText(robot, text, "mean(door, 100 readings) >= 1 for 2s clear < 0.5");
        @SuppressWarnings("unchecked")
        ComboBox<String> channel = byId(robot, "cond-channel-when.0", ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> operand = byId(robot, "cond-operand-when.0", ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<RowOperator> op = byId(robot, "cond-op-when.0", ComboBox.class);
        assertThat(channel.getEditor().getText()).isEqualTo("door");
        assertThat(operand.getValue()).isEqualTo("mean");
        assertThat(byId(robot, "cond-window-when.0", TextField.class).getText()).isEqualTo("100 readings");
        assertThat(op.getValue()).isEqualTo(RowOperator.GE);
        assertThat(byId(robot, "cond-threshold-when.0", TextField.class).getText()).isEqualTo("1");
        assertThat(byId(robot, "forField", TextField.class).getText()).isEqualTo("2s");
        assertThat(byId(robot, "cond-threshold-clear.0", TextField.class).getText()).isEqualTo("0.5");
        assertThat(byId(robot, "cond-threshold-clear.0", TextField.class).isVisible()).isTrue();
        Label error = byId(robot, "textError", Label.class);
        assertThat(error.isVisible()).isFalse();

        replaceText(robot, text, "door >= ");
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).startsWith("column 9:");
        assertThat(error.getStyleClass()).contains("field-error");
        assertThat(channel.getEditor().getText()).as("the form keeps its last state").isEqualTo("door");
        assertThat(byId(robot, "triggerEditorOk", Button.class).isDisabled()).isTrue();
    }

    @Test
    void aBadThresholdIsMarkedBlocksOkAndUndoBringsBackThePreviousOne(FxRobot robot) {
        TextField threshold = byId(robot, "cond-threshold-when.0", TextField.class);
        Button ok = byId(robot, "triggerEditorOk", Button.class);
        replaceText(robot, threshold, "190");
        robot.push(KeyCode.ENTER);
        assertThat(ok.isDisabled()).isFalse();

        replaceText(robot, threshold, "abc");
        assertThat(threshold.getStyleClass()).contains("field-error");
        assertThat(threshold.getTooltip().getText()).isEqualTo("enter a number, e.g. 180");
        Label message = byId(robot, "cond-message-when.0", Label.class);
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).contains("enter a number, e.g. 180");
        assertThat(ok.isDisabled()).isTrue();
        assertThat(byId(robot, "triggerText", TextArea.class).getText()).isEqualTo("oven_temp > 190 for 5s");

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(threshold.getText()).isEqualTo("190");
        assertThat(threshold.getStyleClass()).doesNotContain("field-error");
        assertThat(message.isVisible()).isFalse();
        assertThat(ok.isDisabled()).isFalse();

        robot.clickOn(byId(robot, "undoButton", Button.class));
        assertThat(threshold.getText()).isEqualTo("180");
        assertThat(byId(robot, "undoButton", Button.class).isDisabled()).isTrue();
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(threshold.getText()).isEqualTo("190");
        robot.push(KeyCode.CONTROL, KeyCode.Y);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(threshold.getText()).isEqualTo("abc");
        assertThat(ok.isDisabled()).isTrue();
    }

    @Test
    void addingAConditionAndSwitchingToOrShowsInTheText(FxRobot robot) {
        robot.clickOn(byId(robot, "cond-add-when", Button.class));
        replaceText(robot, byId(robot, "cond-threshold-when.1", TextField.class), "0");
        assertThat(byId(robot, "triggerText", TextArea.class).getText())
                .isEqualTo("oven_temp > 180 and oven_temp > 0 for 5s");
        robot.clickOn(byId(robot, "cond-joiner-when", Button.class));
        assertThat(byId(robot, "triggerText", TextArea.class).getText())
                .isEqualTo("oven_temp > 180 or oven_temp > 0 for 5s");
        robot.clickOn(byId(robot, "cond-remove-when.1", Button.class));
        assertThat(byId(robot, "triggerText", TextArea.class).getText()).isEqualTo("oven_temp > 180 for 5s");
    }

    @Test
    void aDetectorScoreIsAnOperandOfTheFormAndSurvivesAnEdit(FxRobot robot) {
        TextArea text = byId(robot, "triggerText", TextArea.class);
        replaceText(robot, text, "zscore(oven_temp, 1h) > 4 for 10m");
        @SuppressWarnings("unchecked")
        ComboBox<String> operand = byId(robot, "cond-operand-when.0", ComboBox.class);
        TextField window = byId(robot, "cond-window-when.0", TextField.class);
        assertThat(operand.getValue()).isEqualTo("zscore");
        assertThat(window.getText()).isEqualTo("1h");
        assertThat(window.isDisabled()).isFalse();

        replaceText(robot, byId(robot, "cond-threshold-when.0", TextField.class), "5");
        assertThat(text.getText()).isEqualTo("zscore(oven_temp, 1h) > 5 for 10m");
        robot.interact(() -> operand.setValue("trend")); // a detector without a time setting
        assertThat(text.getText()).isEqualTo("trend(oven_temp) > 5 for 10m");
        assertThat(window.isDisabled()).isTrue();
        assertThat(vm.modelProperty().get().when()).isInstanceOfSatisfying(
                dev.benchwatch.workspace.trigger.ConditionNode.Leaf.class,
                leaf -> assertThat(leaf.operand().detector()).isEqualTo(dev.benchwatch.engine.detect.DetectorKind.TREND));
    }
}
