package dev.benchwatch.ui.triggers.editor;

import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The text side: WHEN / FOR / CLEAR / COOLDOWN in the trigger language, in a monospace area, with the
 * parse error (line, column, what was expected) in a label under it. Typing re-parses on every change; the
 * form follows whenever the text parses.
 */
final class TriggerTextEditor extends VBox {
    private final TextArea area = new TextArea();
    private final Label error = new Label();
    private final boolean[] refreshing = {false};

    TriggerTextEditor(TriggerEditorViewModel vm) {
        super(4);
        getStyleClass().add("trigger-text-side");
        Label title = new Label("Text");
        title.getStyleClass().add("section-title");
        area.setId("triggerText");
        area.getStyleClass().add("trigger-text");
        area.setWrapText(true);
        area.setPrefRowCount(8);
        area.setPromptText("mean(oven_temp, 10s) > 180 for 5s clear < 175 cooldown 1m");
        FormFields.show(area, vm.textProperty().get());
        vm.textProperty().addListener((o, before, after) -> {
            refreshing[0] = true;
            try {
                FormFields.show(area, after);
            } finally {
                refreshing[0] = false;
            }
        });
        FormFields.onTyped(area, refreshing, vm.textProperty()::set);
        FormFields.commitOnLeave(area, vm);
        error.setId("textError");
        error.getStyleClass().add(FormFields.ERROR);
        error.setWrapText(true);
        error.textProperty().bind(vm.textErrorProperty());
        error.visibleProperty().bind(vm.textErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        vm.textErrorProperty().addListener((o, a, b) -> FormFields.toggle(area, FormFields.ERROR, !b.isEmpty()));
        FormFields.toggle(area, FormFields.ERROR, !vm.textErrorProperty().get().isEmpty());
        Label help = new Label("""
                condition [for duration] [clear condition | clear < number] [cooldown duration]
                conditions: channel > 180, mean(channel, 10s) >= 2, max(channel, tumbling 1m) < 5,
                stddev(channel, 100 readings) > 0.5, channel in [10, 20], channel outside [0, 1]
                join with and / or / not and parentheses""");
        help.getStyleClass().addAll("hint", "trigger-text-help");
        help.setWrapText(true);
        VBox.setVgrow(area, Priority.ALWAYS);
        getChildren().addAll(title, area, error, help);
    }

    TextArea area() {
        return area;
    }
}
