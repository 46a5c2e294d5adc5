package dev.benchwatch.ui.triggers.editor;

import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The trigger editor: the form on the left (WHEN, FOR, CLEAR, cooldown, THEN), the text on the right, the
 * id / name / severity / mode fields and undo / redo above, and a slot for a preview chart below
 * ({@link #setPreview}). Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo, wherever the focus is: the editor's
 * history covers both sides, so the text controls' own undo is not used.
 */
public final class TriggerEditorPane extends BorderPane {
    static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination REDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    static final KeyCombination REDO_Y = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);

    private final TriggerEditorViewModel vm;
    private final TriggerHeaderForm header;
    private final ConditionTreeEditor when;
    private final ConditionTreeEditor clear;
    private final ActionListEditor actions;
    private final TextField forField;
    private final TextField cooldownField;
    private final Label forMessage = FormFields.messageLabel("forMessage");
    private final Label cooldownMessage = FormFields.messageLabel("cooldownMessage");
    private final StackPane previewSlot = new StackPane();
    private final TriggerTextEditor text;

    /** The text form keeps room for a condition per line, whatever width the dialog first lays out at. */
    static final double TEXT_MIN_WIDTH = 300;

    public TriggerEditorPane(TriggerEditorViewModel vm) {
        this.vm = vm;
        getStyleClass().add("trigger-editor");
        header = new TriggerHeaderForm(vm);
        when = new ConditionTreeEditor("when", vm);
        clear = new ConditionTreeEditor("clear", vm);
        actions = new ActionListEditor(vm);

        forField = FormFields.text("forField", "e.g. 5s (empty: at once)", 150, vm);
        forField.textProperty().bindBidirectional(vm.forTextProperty());
        cooldownField = FormFields.text("cooldownField", "e.g. 1m (empty: none)", 150, vm);
        cooldownField.textProperty().bindBidirectional(vm.cooldownTextProperty());
        ChoiceBox<ClearMode> clearMode = new ChoiceBox<>(FXCollections.observableArrayList(ClearMode.values()));
        clearMode.setId("clearMode");
        clearMode.valueProperty().bindBidirectional(vm.clearModeProperty());
        clear.visibleProperty().bind(vm.clearModeProperty().isEqualTo(ClearMode.CONDITION));
        clear.managedProperty().bind(clear.visibleProperty());
        Label clearHint = new Label("clears when WHEN stops holding");
        clearHint.getStyleClass().add("hint");
        clearHint.visibleProperty().bind(vm.clearModeProperty().isEqualTo(ClearMode.AUTOMATIC));
        clearHint.managedProperty().bind(clearHint.visibleProperty());

        VBox form = new VBox(8,
                section("WHEN", "fire when this holds"), when,
                section("FOR", null), line(forField, hint("how long WHEN must hold before firing")), forMessage,
                section("CLEAR", null), line(clearMode, clearHint), clear,
                section("COOLDOWN", null), line(cooldownField, hint("the least time between two firings")),
                cooldownMessage,
                section("THEN", "actions, in order"), actions);
        form.getStyleClass().add("trigger-form");
        form.setPadding(new Insets(8));
        ScrollPane formScroll = new ScrollPane(form);
        formScroll.setFitToWidth(true);
        formScroll.getStyleClass().add("trigger-form-scroll");

        text = new TriggerTextEditor(vm);
        text.setPadding(new Insets(8));
        text.setMinWidth(TEXT_MIN_WIDTH); // the dialog's first layout is narrower than its final size
        SplitPane sides = new SplitPane(formScroll, text);
        sides.setDividerPositions(0.7);
        SplitPane.setResizableWithParent(text, false);

        previewSlot.setId("previewSlot");
        previewSlot.getStyleClass().add("trigger-preview-slot");
        previewSlot.setMinHeight(80);
        previewSlot.setPrefHeight(110);
        setPreview(null);

        Button undo = new Button("Undo");

        undo.setMinWidth(Region.USE_PREF_SIZE);
        undo.setId("undoButton");
        undo.setTooltip(new Tooltip("Ctrl+Z"));
        undo.disableProperty().bind(vm.canUndoProperty().not());
        undo.setOnAction(e -> vm.undo());
        Button redo = new Button("Redo");
        redo.setMinWidth(Region.USE_PREF_SIZE);
        redo.setId("redoButton");
        redo.setTooltip(new Tooltip("Ctrl+Shift+Z or Ctrl+Y"));
        redo.disableProperty().bind(vm.canRedoProperty().not());
        redo.setOnAction(e -> vm.redo());
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(12, header, spacer, undo, redo);
        HBox.setHgrow(header, Priority.ALWAYS);
        top.setAlignment(Pos.TOP_LEFT);
        top.getStyleClass().add("trigger-editor-top");
        top.setPadding(new Insets(8));

        setTop(top);
        setCenter(sides);
        setBottom(previewSlot);

        MapChangeListener<String, String> onMessages = change -> showErrors();
        vm.errors().addListener(onMessages);
        vm.warnings().addListener(onMessages);
        showErrors();
        addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
    }

    private void shortcut(KeyEvent event) {
        if (UNDO.match(event)) {
            vm.undo();
            event.consume();
        } else if (REDO.match(event) || REDO_Y.match(event)) {
            vm.redo();
            event.consume();
        }
    }

    /** Puts a preview (a chart of the trigger over recent readings, say) under the editor; null empties it. */
    public void setPreview(Node preview) {
        if (preview == null) {
            Label placeholder = new Label("preview");
            placeholder.getStyleClass().add("hint");
            previewSlot.getChildren().setAll(placeholder);
        } else {
            previewSlot.getChildren().setAll(preview);
        }
    }

    public TriggerEditorViewModel viewModel() {
        return vm;
    }

    private void showErrors() {
        header.showErrors();
        when.showErrors();
        clear.showErrors();
        actions.showErrors();
        for (var pair : java.util.List.of(java.util.Map.entry("for", forField),
                java.util.Map.entry("cooldown", cooldownField))) {
            String error = vm.errors().get(pair.getKey());
            FormFields.mark(pair.getValue(), error, null);
            FormFields.setMessage(pair.getKey().equals("for") ? forMessage : cooldownMessage, error, null);
        }
    }

    private static Node section(String title, String hint) {
        Label label = new Label(title);
        label.getStyleClass().add("section-title");
        if (hint == null) {
            return label;
        }
        HBox box = new HBox(8, label, hint(hint));
        box.setAlignment(Pos.BASELINE_LEFT);
        return box;
    }

    private static Label hint(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("hint");
        return label;
    }

    private static HBox line(Node... nodes) {
        HBox box = new HBox(8, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
