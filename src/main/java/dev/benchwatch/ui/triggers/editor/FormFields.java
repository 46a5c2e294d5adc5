package dev.benchwatch.ui.triggers.editor;

import java.util.function.Consumer;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * What every field of the editor does the same way: ends its undo step when it loses focus or Enter is
 * pressed, shows an error (style class {@code field-error} and a tooltip) or a warning
 * ({@code field-warning}) on itself and, where there is one, in a message label next to it.
 */
final class FormFields {
    static final String ERROR = "field-error";
    static final String WARNING = "field-warning";
    static final String MESSAGE = "field-message";

    private FormFields() {
    }

    /**
     * A text field with an id and a prompt that ends its undo step on focus loss and Enter (and Enter does
     * not close the dialog: a person pressing Enter after a threshold means "done with this field").
     */
    static TextField text(String id, String prompt, double width, TriggerEditorViewModel vm) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        if (width > 0) {
            field.setPrefWidth(width);
            field.setMinWidth(width * 0.7);
        }
        commitOnLeave(field, vm);
        return field;
    }

    static void commitOnLeave(Control control, TriggerEditorViewModel vm) {
        control.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                vm.commitEdit();
            }
        });
        if (control instanceof TextField field) {
            // Enter ends the field's edit; consumed, so it does not also press the dialog's default button
            field.addEventHandler(javafx.event.ActionEvent.ACTION, e -> {
                vm.commitEdit();
                e.consume();
            });
        }
    }

    /** Sets a field's text from the model unless it already shows it (so the caret stays where it is). */
    static void show(TextInputControl field, String value) {
        if (!value.equals(field.getText())) {
            field.setText(value);
        }
    }

    /** Calls {@code edit} with each text a person types, but not with texts {@link #show} sets while guarded. */
    static void onTyped(TextInputControl field, boolean[] guard, Consumer<String> edit) {
        field.textProperty().addListener((o, before, after) -> {
            if (!guard[0]) {
                edit.accept(after);
            }
        });
    }

    /** Marks {@code control} with an error (wins) or a warning, or clears it; null or empty means none. */
    static void mark(Control control, String error, String warning) {
        boolean isError = error != null && !error.isEmpty();
        boolean isWarning = !isError && warning != null && !warning.isEmpty();
        toggle(control, ERROR, isError);
        toggle(control, WARNING, isWarning);
        String message = isError ? error : isWarning ? warning : null;
        if (message == null) {
            if (control.getTooltip() != null && control.getProperties().containsKey(MESSAGE)) {
                control.setTooltip(null);
                control.getProperties().remove(MESSAGE);
            }
        } else if (!message.equals(control.getProperties().get(MESSAGE))) {
            Tooltip tip = new Tooltip(message);
            tip.setShowDelay(Duration.millis(200));
            control.setTooltip(tip);
            control.getProperties().put(MESSAGE, message);
        }
    }

    /** A label for the messages of a field or row; hidden (and taking no room) while it has none. */
    static Label messageLabel(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add(MESSAGE);
        setMessage(label, null, null);
        return label;
    }

    static void setMessage(Label label, String error, String warning) {
        boolean isError = error != null && !error.isEmpty();
        String text = isError ? error : warning == null ? "" : warning;
        label.setText(text);
        toggle(label, ERROR, isError);
        toggle(label, WARNING, !isError && !text.isEmpty());
        label.setVisible(!text.isEmpty());
        label.setManaged(!text.isEmpty());
    }

    static void toggle(javafx.scene.Node node, String styleClass, boolean on) {
        if (on && !node.getStyleClass().contains(styleClass)) {
            node.getStyleClass().add(styleClass);
        } else if (!on) {
            node.getStyleClass().removeAll(styleClass);
        }
    }
}
