package dev.benchwatch.ui.triggers.editor;

import dev.benchwatch.workspace.trigger.TriggerModel;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/**
 * The trigger editor in a dialog: OK returns the edited {@link TriggerModel} and is disabled while any field
 * is in error; Cancel returns nothing. Undo and redo work with Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) from the
 * {@link TriggerEditorPane}. Sized for about 1100 x 700 and resizable.
 */
public final class TriggerEditorDialog extends Dialog<TriggerModel> {
    static final double WIDTH = 1180;
    static final double HEIGHT = 700;

    private final TriggerEditorPane pane;

    /** @param owner the console window, or null */
    public TriggerEditorDialog(Window owner, TriggerEditorViewModel vm) {
        if (owner != null) {
            initOwner(owner);
        }
        pane = new TriggerEditorPane(vm);
        setTitle(vm.isNew() ? "New trigger" : "Edit trigger " + vm.idProperty().get());
        setHeaderText(null);
        setResizable(true);
        getDialogPane().setContent(pane);
        getDialogPane().getStyleClass().add("trigger-editor-dialog");
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().setPrefSize(WIDTH, HEIGHT);
        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("triggerEditorOk");
        ok.disableProperty().bind(vm.validProperty().not());
        Button cancel = (Button) getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setId("triggerEditorCancel");
        setResultConverter(button -> button == ButtonType.OK ? vm.modelProperty().get() : null);
    }

    public TriggerEditorPane pane() {
        return pane;
    }
}
