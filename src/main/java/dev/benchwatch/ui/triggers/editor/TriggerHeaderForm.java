package dev.benchwatch.ui.triggers.editor;

import dev.benchwatch.engine.trigger.Severity;
import dev.benchwatch.workspace.trigger.TriggerModel;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

/**
 * The fields that say which trigger this is and how it acts, above the condition: id, name, severity,
 * armed / shadow and enabled. Each is bound both ways to the view-model.
 */
final class TriggerHeaderForm extends GridPane {
    private final TriggerEditorViewModel vm;
    private final TextField id;
    private final Label idMessage = FormFields.messageLabel("triggerIdMessage");

    TriggerHeaderForm(TriggerEditorViewModel vm) {
        this.vm = vm;
        getStyleClass().add("trigger-header");
        setHgap(8);
        setVgap(6);
        id = FormFields.text("triggerId", "e.g. oven_overheat", 180, vm);
        id.textProperty().bindBidirectional(vm.idProperty());
        TextField name = FormFields.text("triggerName", "shown in alarms (empty: the id)", 0, vm);
        name.textProperty().bindBidirectional(vm.nameProperty());

        ChoiceBox<Severity> severity = new ChoiceBox<>(FXCollections.observableArrayList(Severity.values()));
        severity.setId("severityChoice");
        severity.setConverter(converter(Severity::key));
        severity.valueProperty().bindBidirectional(vm.severityProperty());
        ChoiceBox<TriggerModel.Mode> mode = new ChoiceBox<>(
                FXCollections.observableArrayList(TriggerModel.Mode.values()));
        mode.setId("modeChoice");
        mode.setConverter(converter(m -> m == TriggerModel.Mode.ARMED ? "armed" : "shadow"));
        mode.valueProperty().bindBidirectional(vm.modeProperty());
        mode.setTooltip(new javafx.scene.control.Tooltip(
                "shadow: evaluated and recorded; device commands and MQTT are recorded, not sent"));
        CheckBox enabled = new CheckBox("enabled");
        enabled.setId("enabledCheck");
        enabled.selectedProperty().bindBidirectional(vm.enabledProperty());

        add(label("Id"), 0, 0);
        add(id, 1, 0);
        add(label("Name"), 2, 0);
        add(name, 3, 0);
        add(idMessage, 1, 1, 3, 1);
        HBox options = new HBox(8, label("Severity"), severity, label("Mode"), mode, enabled);
        options.setAlignment(Pos.CENTER_LEFT);
        add(options, 1, 2, 3, 1);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(GridPane.USE_PREF_SIZE);
        ColumnConstraints idColumn = new ColumnConstraints();
        ColumnConstraints nameLabel = new ColumnConstraints();
        nameLabel.setMinWidth(GridPane.USE_PREF_SIZE);
        ColumnConstraints nameColumn = new ColumnConstraints();
        nameColumn.setHgrow(Priority.ALWAYS);
        getColumnConstraints().addAll(labels, idColumn, nameLabel, nameColumn);
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("form-label");
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : show.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choices are not typed");
            }
        };
    }

    void showErrors() {
        String error = vm.errors().get("id");
        FormFields.mark(id, error, null);
        FormFields.setMessage(idMessage, error, null);
    }
}
