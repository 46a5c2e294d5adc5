package dev.benchwatch.ui.devices;

import dev.benchwatch.device.DeviceAdapter;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * A dialog around a {@link DeviceForm}: "Add" checks the form and adds the device; a bad setting shows as
 * an inline message under the form and the dialog stays open, never a stack trace.
 */
final class DeviceDialog extends Dialog<ButtonType> {
    static final ButtonType ADD = new ButtonType("Add and connect", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType APPLY = new ButtonType("Apply and reconnect", ButtonBar.ButtonData.OK_DONE);

    private final Label error = new Label();

    /** @param add adds the device; returns false (after setting its own message) when that failed */
    DeviceDialog(Window owner, DeviceForm form, Predicate<Supplier<DeviceAdapter>> add,
                 javafx.beans.value.ObservableStringValue addFailure) {
        this(owner, form, ADD, add, addFailure);
    }

    /**
     * @param action {@link #ADD} for a new device, {@link #APPLY} for new settings of one on the bench
     * @param add    adds (or replaces) the device; returns false (after setting its own message) when that failed
     */
    DeviceDialog(Window owner, DeviceForm form, ButtonType action, Predicate<Supplier<DeviceAdapter>> add,
                 javafx.beans.value.ObservableStringValue addFailure) {
        initOwner(owner);
        setTitle(action == APPLY ? form.title() + ": settings" : form.title());
        setHeaderText(null);
        error.setId("deviceFormError");
        error.getStyleClass().add("form-error");
        error.setWrapText(true);
        error.setMaxWidth(460);
        error.setManaged(false);
        error.setVisible(false);
        VBox content = new VBox(10, form.view(), error);
        content.getStyleClass().add("device-form");
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().addAll(action, ButtonType.CANCEL);
        getDialogPane().getStyleClass().add("device-dialog");
        Button addButton = (Button) getDialogPane().lookupButton(action);
        addButton.setId(action == APPLY ? "deviceFormApply" : "deviceFormAdd");
        addButton.addEventFilter(ActionEvent.ACTION, event -> {
            try {
                if (!add.test(form.adapter())) {
                    show(addFailure.get());
                    event.consume();
                }
            } catch (IllegalArgumentException e) {
                show(e.getMessage());
                event.consume();
            }
        });
    }

    private void show(String message) {
        error.setText(message);
        error.setManaged(true);
        error.setVisible(true);
        getDialogPane().getScene().getWindow().sizeToScene();
    }
}
