package dev.benchwatch.ui.devices;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** A two-column label/field grid, the layout every device form shares. */
final class FormGrid extends GridPane {
    private int row;

    FormGrid() {
        setHgap(10);
        setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(120);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(300);
        getColumnConstraints().addAll(labels, fields);
    }

    <N extends Node> N add(String label, N field, String id) {
        field.setId(id);
        add(new Label(label), 0, row);
        add(field, 1, row);
        row++;
        return field;
    }

    static TextField text(String value, String prompt) {
        TextField field = new TextField(value);
        field.setPromptText(prompt);
        return field;
    }

    /** An integer from a field, or a message naming the field. */
    static int integer(TextField field, String what) {
        String text = field.getText() == null ? "" : field.getText().strip();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": '" + text + "' is not a whole number");
        }
    }

    /** A number from a field, or a message naming the field. */
    static double number(TextField field, String what) {
        String text = field.getText() == null ? "" : field.getText().strip();
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": '" + text + "' is not a number");
        }
    }

    static String required(TextField field, String what) {
        String text = field.getText() == null ? "" : field.getText().strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return text;
    }
}
