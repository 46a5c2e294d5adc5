package dev.benchwatch.ui.triggers.editor;

import dev.benchwatch.engine.detect.DetectorKind;
import dev.benchwatch.engine.window.Stat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * One comparison of a condition: {@code [channel] [value | statistic] [window] [operator] [threshold]} (or
 * low and high bounds for inside / outside), with buttons to negate and remove it and a line for its
 * messages. Control ids end in the row's path ({@code cond-threshold-when.0}).
 */
final class ConditionRowEditor implements ConditionEditor {
    /** The operand choice for a channel's latest value; the others are the statistics' keys. */
    static final String LATEST = "value";

    private final ConditionPath path;
    private final TriggerEditorViewModel vm;
    private final boolean[] refreshing = {false};
    private final VBox root = new VBox(2);
    private final ComboBox<String> channel = new ComboBox<>();
    private final ComboBox<String> operand = new ComboBox<>();
    private final TextField window;
    private final ComboBox<RowOperator> op = new ComboBox<>(FXCollections.observableArrayList(RowOperator.values()));
    private final TextField threshold;
    private final TextField low;
    private final TextField high;
    private final Label message;

    ConditionRowEditor(ConditionForm.Row row, ConditionPath path, TriggerEditorViewModel vm) {
        this.path = path;
        this.vm = vm;
        String p = path.toString();
        channel.setId("cond-channel-" + p);
        channel.setEditable(true);
        channel.getItems().setAll(vm.channels());
        channel.setPromptText("channel");
        channel.setPrefWidth(130);
        channel.setMinWidth(124);
        FormFields.commitOnLeave(channel.getEditor(), vm);
        FormFields.onTyped(channel.getEditor(), refreshing, text -> edit("channel", r -> r.withChannel(text)));
        channel.valueProperty().addListener((o, a, b) -> {
            if (!refreshing[0] && b != null) {
                edit("channel", r -> r.withChannel(b));
            }
        });

        operand.setId("cond-operand-" + p);
        List<String> operands = new ArrayList<>();
        operands.add(LATEST);
        for (Stat stat : Stat.values()) {
            operands.add(stat.key());
        }
        for (DetectorKind kind : DetectorKind.values()) {
            operands.add(kind.id()); // a detector's score (docs/DETECTORS.md)
        }
        operand.getItems().setAll(operands);
        operand.setPrefWidth(96);
        operand.setMinWidth(86);
        operand.setTooltip(new Tooltip("the latest value, a statistic over a window, or a detector's score"));
        operand.valueProperty().addListener((o, a, b) -> {
            if (!refreshing[0] && b != null) {
                vm.commitEdit();
                edit(null, r -> detectorNamed(b) != null ? r.withDetector(detectorNamed(b))
                        : r.withStat(b.equals(LATEST) ? null : Stat.fromKey(b)));
            }
        });

        window = FormFields.text("cond-window-" + p, "10s", 100, vm);
        window.setTooltip(new Tooltip("10s (sliding), tumbling 1m, or 100 readings"));
        FormFields.onTyped(window, refreshing, text -> edit("window", r -> r.withWindow(text)));

        op.setId("cond-op-" + p);
        op.setPrefWidth(96);
        op.setMinWidth(96);
        op.valueProperty().addListener((o, a, b) -> {
            if (!refreshing[0] && b != null) {
                vm.commitEdit();
                edit(null, r -> r.withOp(b));
            }
        });

        threshold = FormFields.text("cond-threshold-" + p, "180", 76, vm);
        FormFields.onTyped(threshold, refreshing, text -> edit("threshold", r -> r.withThreshold(text)));
        low = FormFields.text("cond-low-" + p, "low", 60, vm);
        FormFields.onTyped(low, refreshing, text -> edit("low", r -> r.withLow(text)));
        high = FormFields.text("cond-high-" + p, "high", 60, vm);
        FormFields.onTyped(high, refreshing, text -> edit("high", r -> r.withHigh(text)));

        Button not = new Button("NOT");

        not.setMinWidth(Region.USE_PREF_SIZE);
        not.setId("cond-not-" + p);
        not.getStyleClass().add("condition-button");
        not.setTooltip(new Tooltip("negate this condition"));
        not.setOnAction(e -> vm.toggleNot(path));
        Button remove = new Button("×");
        remove.setMinWidth(Region.USE_PREF_SIZE);
        remove.setId("cond-remove-" + p);
        remove.getStyleClass().add("condition-button");
        remove.setTooltip(new Tooltip("remove this condition"));
        remove.setOnAction(e -> vm.remove(path));

        channel.setMaxWidth(240);
        HBox.setHgrow(channel, Priority.ALWAYS);
        HBox fields = new HBox(4, channel, operand, window, op, threshold, low, high, not, remove);
        fields.getStyleClass().add("condition-row-fields");
        fields.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        message = FormFields.messageLabel("cond-message-" + p);
        root.getChildren().addAll(fields, message);
        root.getStyleClass().add("condition-row");
        refresh(row);
    }

    private void edit(String field, java.util.function.UnaryOperator<ConditionForm.Row> change) {
        vm.editRow(path, field, change);
    }

    /** The detector an operand choice names, or null for a value or a statistic. */
    private static DetectorKind detectorNamed(String choice) {
        for (DetectorKind kind : DetectorKind.values()) {
            if (kind.id().equals(choice)) {
                return kind;
            }
        }
        return null;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void refresh(ConditionForm form) {
        ConditionForm.Row row = (ConditionForm.Row) form;
        refreshing[0] = true;
        try {
            FormFields.show(channel.getEditor(), row.channel()); // not setValue: it would move the caret
            String operandKey = row.detector() != null ? row.detector().id()
                    : row.stat() == null ? LATEST : row.stat().key();
            if (!operandKey.equals(operand.getValue())) {
                operand.setValue(operandKey);
            }
            FormFields.show(window, row.window());
            boolean detectorTime = row.detector() != null && row.detector().takesWindow();
            window.setDisable(row.stat() == null && !detectorTime);
            window.setPromptText(detectorTime ? "default" : row.stat() == null ? "" : "10s");
            if (row.op() != op.getValue()) {
                op.setValue(row.op());
            }
            FormFields.show(threshold, row.threshold());
            FormFields.show(low, row.low());
            FormFields.show(high, row.high());
            boolean range = row.op().isRange();
            for (TextField f : List.of(low, high)) {
                f.setVisible(range);
                f.setManaged(range);
            }
            threshold.setVisible(!range);
            threshold.setManaged(!range);
        } finally {
            refreshing[0] = false;
        }
    }

    @Override
    public void showErrors() {
        Map<String, String> errors = vm.errors();
        Map<String, String> warnings = vm.warnings();
        String[] fields = {"channel", "window", "threshold", "low", "high"};
        javafx.scene.control.Control[] controls = {channel, window, threshold, low, high};
        List<String> errorTexts = new ArrayList<>();
        List<String> warningTexts = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            String key = path.key(fields[i]);
            FormFields.mark(controls[i], errors.get(key), warnings.get(key));
            if (errors.containsKey(key)) {
                errorTexts.add(fields[i] + ": " + errors.get(key));
            }
            if (warnings.containsKey(key)) {
                warningTexts.add(warnings.get(key));
            }
        }
        String own = errors.get(path.key(null));
        if (own != null) {
            errorTexts.add(own);
        }
        FormFields.setMessage(message, String.join("; ", errorTexts), String.join("; ", warningTexts));
    }
}
