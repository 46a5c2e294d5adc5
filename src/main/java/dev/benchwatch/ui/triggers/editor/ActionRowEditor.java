package dev.benchwatch.ui.triggers.editor;

import dev.benchwatch.workspace.trigger.ActionModel;
import dev.benchwatch.workspace.trigger.TriggerModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * One action of the THEN list, laid out for its kind: a log message; a notification's title and body; a
 * device, the command and its line ending; an MQTT topic, QoS, retain and payload template; a recording
 * marker's label. Device and MQTT actions show a hint while the trigger is in shadow mode, because then they
 * are recorded, not sent. Built per kind: changing the kind rebuilds the row (the list editor does that).
 */
final class ActionRowEditor {
    private final int index;
    private final ActionKind kind;
    private final TriggerEditorViewModel vm;
    private final boolean[] refreshing = {false};
    private final VBox root = new VBox(3);
    private final TextInputControl first;
    private final TextField second;
    private final ChoiceBox<ActionModel.LineEnding> lineEnding = new ChoiceBox<>(
            FXCollections.observableArrayList(ActionModel.LineEnding.values()));
    private final ChoiceBox<Integer> qos = new ChoiceBox<>(FXCollections.observableArrayList(0, 1, 2));
    private final CheckBox retain = new CheckBox("retain");
    private final Label shadowHint = new Label("shadow mode: recorded, not sent");
    private final Label message;
    private final List<Control> fieldControls = new ArrayList<>();
    private final List<String> fieldNames = new ArrayList<>();

    ActionRowEditor(int index, ActionForm action, int count, TriggerEditorViewModel vm) {
        this.index = index;
        this.kind = action.kind();
        this.vm = vm;
        String id = "action-" + index;
        ComboBox<ActionKind> kindChoice = new ComboBox<>(FXCollections.observableArrayList(ActionKind.values()));
        kindChoice.setId(id + "-kind");
        kindChoice.setValue(kind);
        kindChoice.setPrefWidth(170);
        kindChoice.setMinWidth(170);
        kindChoice.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != kind) {
                vm.commitEdit();
                vm.editAction(index, null, f -> f.withKind(b));
            }
        });

        if (kind == ActionKind.DEVICE_COMMAND) {
            ComboBox<String> device = new ComboBox<>(FXCollections.observableArrayList(vm.devices()));
            device.setEditable(true);
            device.setId(id + "-device");
            device.setPromptText("device");
            device.setPrefWidth(150);
            FormFields.commitOnLeave(device.getEditor(), vm);
            device.valueProperty().addListener((o, a, b) -> {
                if (!refreshing[0] && b != null) {
                    vm.editAction(index, "device", f -> f.withFirst(b));
                }
            });
            first = device.getEditor();
            fieldControls.add(device);
        } else {
            first = FormFields.text(id + "-" + kind.firstField(), prompt(kind.firstField()), 0, vm);
            fieldControls.add((Control) first);
        }
        fieldNames.add(kind.firstField());
        FormFields.onTyped(first, refreshing, t -> vm.editAction(index, kind.firstField(), f -> f.withFirst(t)));
        Node firstNode = fieldControls.getFirst();
        HBox.setHgrow(firstNode, Priority.ALWAYS);

        HBox line = new HBox(6, kindChoice, firstNode);
        line.setAlignment(Pos.CENTER_LEFT);
        if (kind == ActionKind.DEVICE_COMMAND) {
            lineEnding.setId(id + "-lineEnding");
            lineEnding.setTooltip(new Tooltip("what follows the command"));
            lineEnding.valueProperty().addListener((o, a, b) -> {
                if (!refreshing[0] && b != null) {
                    vm.editAction(index, null, f -> f.withLineEnding(b));
                }
            });
            line.getChildren().add(lineEnding);
        }
        if (kind == ActionKind.MQTT_PUBLISH) {
            qos.setId(id + "-qos");
            qos.setTooltip(new Tooltip("MQTT quality of service"));
            qos.valueProperty().addListener((o, a, b) -> {
                if (!refreshing[0] && b != null) {
                    vm.editAction(index, null, f -> f.withQos(b));
                }
            });
            retain.setId(id + "-retain");
            retain.selectedProperty().addListener((o, a, b) -> {
                if (!refreshing[0]) {
                    vm.editAction(index, null, f -> f.withRetain(b));
                }
            });
            line.getChildren().addAll(new Label("QoS"), qos, retain);
        }
        line.getChildren().add(buttons(id, count));
        root.getChildren().add(line);

        if (kind.secondField() != null) {
            second = FormFields.text(id + "-" + kind.secondField(), prompt(kind.secondField()), 0, vm);
            FormFields.onTyped(second, refreshing,
                    t -> vm.editAction(index, kind.secondField(), f -> f.withSecond(t)));
            fieldControls.add(second);
            fieldNames.add(kind.secondField());
            Label label = new Label(kind.secondField());
            label.getStyleClass().add("action-field-label");
            label.setMinWidth(170);
            HBox.setHgrow(second, Priority.ALWAYS);
            HBox secondLine = new HBox(6, label, second);
            secondLine.setAlignment(Pos.CENTER_LEFT);
            root.getChildren().add(secondLine);
        } else {
            second = null;
        }
        shadowHint.setId(id + "-shadowHint");
        shadowHint.getStyleClass().addAll("hint", "shadow-hint");
        shadowHint.setWrapText(true);
        message = FormFields.messageLabel(id + "-message");
        root.getChildren().addAll(shadowHint, message);
        root.getStyleClass().add("action-row");
        refresh(action);
    }

    private HBox buttons(String id, int count) {
        Button up = new Button("↑");
        up.setMinWidth(Region.USE_PREF_SIZE);
        up.setId(id + "-up");
        up.setDisable(index == 0);
        up.setTooltip(new Tooltip("run earlier"));
        up.setOnAction(e -> vm.moveAction(index, -1));
        Button down = new Button("↓");
        down.setMinWidth(Region.USE_PREF_SIZE);
        down.setId(id + "-down");
        down.setDisable(index == count - 1);
        down.setTooltip(new Tooltip("run later"));
        down.setOnAction(e -> vm.moveAction(index, 1));
        Button remove = new Button("×");
        remove.setMinWidth(Region.USE_PREF_SIZE);
        remove.setId(id + "-remove");
        remove.setTooltip(new Tooltip("remove this action"));
        remove.setOnAction(e -> vm.removeAction(index));
        HBox box = new HBox(2, up, down, remove);
        box.getChildren().forEach(n -> n.getStyleClass().add("condition-button"));
        return box;
    }

    private static String prompt(String field) {
        return switch (field) {
            case "message" -> "{trigger} fired: {channel} = {value}";
            case "title" -> "notification title";
            case "body" -> "{channel} = {value} ({severity})";
            case "text" -> "command, e.g. HEATER OFF";
            case "topic" -> "topic, e.g. lab/alarms/oven";
            case "payload" -> "{\"trigger\": \"{trigger}\", \"value\": {value}}";
            case "label" -> "marker label, e.g. {trigger}";
            default -> field;
        };
    }

    ActionKind kind() {
        return kind;
    }

    Node node() {
        return root;
    }

    void refresh(ActionForm action) {
        refreshing[0] = true;
        try {
            FormFields.show(first, action.first());
            if (second != null) {
                FormFields.show(second, action.second());
            }
            lineEnding.setValue(action.lineEnding());
            qos.setValue(action.qos());
            retain.setSelected(action.retain());
            boolean shadow = kind.isExternal() && vm.modeProperty().get() == TriggerModel.Mode.SHADOW;
            shadowHint.setVisible(shadow);
            shadowHint.setManaged(shadow);
        } finally {
            refreshing[0] = false;
        }
    }

    void showErrors() {
        Map<String, String> errors = vm.errors();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < fieldControls.size(); i++) {
            String key = "actions[" + index + "]." + fieldNames.get(i);
            FormFields.mark(fieldControls.get(i), errors.get(key), null);
        }
        String prefix = "actions[" + index + "].";
        errors.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                texts.add(k.substring(prefix.length()) + ": " + v);
            }
        });
        texts.sort(null);
        FormFields.setMessage(message, String.join("; ", texts), null);
    }
}
