package dev.benchwatch.ui.triggers;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.metrics.ChannelValue;
import dev.benchwatch.ui.triggers.editor.TriggerCopies;
import dev.benchwatch.ui.triggers.editor.TriggerEditorDialog;
import dev.benchwatch.ui.triggers.editor.TriggerEditorViewModel;
import dev.benchwatch.ui.triggers.editor.TriggerPreviewChart;
import dev.benchwatch.ui.workspace.WorkspaceDocument;
import dev.benchwatch.workspace.file.DeviceConfig;
import dev.benchwatch.workspace.trigger.TriggerModel;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * What the trigger list's buttons do to the open workspace: new, edit, duplicate, delete. New and edit open
 * the editor with a live preview over the engine's history; OK puts the trigger into the workspace and the
 * running engine at once (the dialog stays open with the engine's reason if it refuses). JavaFX thread only.
 */
public final class TriggerListActions {
    private final WorkspaceDocument document;
    private final Engine engine;
    private final java.util.function.Supplier<Window> owner;
    private final BooleanSupplier dark;
    private Consumer<TriggerEditorDialog> opened = dialog -> { };

    public TriggerListActions(WorkspaceDocument document, Engine engine, java.util.function.Supplier<Window> owner,
                              BooleanSupplier dark) {
        this.document = document;
        this.engine = engine;
        this.owner = owner;
        this.dark = dark;
    }

    /** Called with each editor dialog as it opens (tests drive it). */
    public void onEditorOpened(Consumer<TriggerEditorDialog> value) {
        opened = value;
    }

    /** Opens the editor on a new trigger. */
    public TriggerEditorDialog create() {
        return open(null, null);
    }

    /** Opens the editor on trigger {@code id}; empty (after saying why) when the form cannot hold it. */
    public Optional<TriggerEditorDialog> edit(String id) {
        Optional<TriggerModel> model = document.trigger(id);
        if (model.isEmpty()) {
            inform("Trigger " + id + " cannot be edited here",
                    "It is not part of the open workspace, or it has an action the editor has no form for. "
                            + "Edit it in the workspace file and open the file again.");
            return Optional.empty();
        }
        return Optional.of(open(id, model.get()));
    }

    /** Adds a copy of trigger {@code id} with a free id and opens the editor on it. */
    public Optional<TriggerEditorDialog> duplicate(String id) {
        Optional<TriggerModel> model = document.trigger(id);
        if (model.isEmpty()) {
            return edit(id); // says why
        }
        TriggerModel copy = TriggerCopies.duplicate(model.get(), document.triggerIds());
        if (!put(null, copy)) {
            return Optional.empty();
        }
        return Optional.of(open(copy.id(), copy));
    }

    /** Removes trigger {@code id} after asking; true when it was removed. */
    public boolean delete(String id) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "The trigger stops at once; the workspace file "
                + "changes when you save it.", ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(owner.get());
        confirm.setHeaderText("Delete trigger " + id + "?");
        confirm.getDialogPane().setId("deleteTriggerDialog");
        return confirm.showAndWait().filter(b -> b == ButtonType.OK).isPresent() && document.removeTrigger(id);
    }

    private TriggerEditorDialog open(String previousId, TriggerModel model) {
        TriggerEditorViewModel vm = new TriggerEditorViewModel(model, channels(), devices(), document.triggerIds());
        TriggerEditorDialog dialog = new TriggerEditorDialog(owner.get(), vm);
        TriggerPreviewChart chart = new TriggerPreviewChart();
        chart.setDark(dark.getAsBoolean());
        chart.setPrefHeight(190);
        TriggerPreviewUpdater preview = new TriggerPreviewUpdater(engine, chart);
        vm.modelProperty().addListener((o, old, draft) -> preview.draftChanged(draft));
        preview.draftChanged(vm.modelProperty().get());
        dialog.pane().setPreview(chart);
        dialog.getDialogPane().setPrefHeight(820);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(ActionEvent.ACTION, event -> {
            TriggerModel edited = vm.modelProperty().get();
            if (edited == null || !put(previousId, edited)) {
                event.consume(); // keep the editor open with the engineer's work in it
            }
        });
        dialog.setOnHidden(e -> preview.close());
        dialog.show();
        opened.accept(dialog);
        return dialog;
    }

    private boolean put(String previousId, TriggerModel model) {
        try {
            document.putTrigger(previousId, model);
            return true;
        } catch (RuntimeException refused) { // the engine's reason (unknown channel, duplicate id) or a failure
            inform("Trigger " + model.id() + " not applied", String.valueOf(refused.getMessage()));
            return false;
        }
    }

    private List<String> channels() {
        return engine.snapshotNow().channels().stream().map(ChannelValue::name).sorted().toList();
    }

    private List<String> devices() {
        return document.workspace().devices().stream().map(DeviceConfig::name).toList();
    }

    private void inform(String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.CLOSE);
        alert.initOwner(owner.get());
        alert.setHeaderText(header);
        alert.getDialogPane().setId("triggerErrorDialog");
        alert.show();
    }
}
