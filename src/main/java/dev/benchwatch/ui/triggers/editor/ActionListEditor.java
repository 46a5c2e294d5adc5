package dev.benchwatch.ui.triggers.editor;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.VBox;

/**
 * The THEN list: one {@link ActionRowEditor} per action, in the order they run, and a menu to add one of
 * each kind. Rows are rebuilt only when the list's length or a kind changes; otherwise they are refreshed in
 * place so typing keeps its caret. Mode changes refresh the rows too (the shadow hint).
 */
final class ActionListEditor extends VBox {
    private final TriggerEditorViewModel vm;
    private final VBox rows = new VBox(6);
    private final Label empty = new Label("no actions: the trigger only records its firings");
    private final List<ActionRowEditor> editors = new ArrayList<>();

    ActionListEditor(TriggerEditorViewModel vm) {
        super(6);
        this.vm = vm;
        getStyleClass().add("action-list");
        empty.getStyleClass().add("hint");
        MenuButton add = new MenuButton("+ Action");
        add.setId("addAction");
        for (ActionKind kind : ActionKind.values()) {
            MenuItem item = new MenuItem(kind.label());
            item.setId("addAction-" + kind.name());
            item.setOnAction(e -> vm.addAction(kind));
            add.getItems().add(item);
        }
        Label placeholders = new Label("templates: {trigger} {channel} {value} {severity} {state} {time}");
        placeholders.getStyleClass().add("hint");
        getChildren().addAll(empty, rows, add, placeholders);
        vm.actionsProperty().addListener((o, before, after) -> show(after));
        vm.modeProperty().addListener((o, before, after) -> show(vm.actionsProperty().get()));
        show(vm.actionsProperty().get());
    }

    private void show(List<ActionForm> actions) {
        List<ActionKind> kinds = actions.stream().map(ActionForm::kind).toList();
        if (!kinds.equals(editors.stream().map(ActionRowEditor::kind).toList())) {
            editors.clear();
            for (int i = 0; i < actions.size(); i++) {
                editors.add(new ActionRowEditor(i, actions.get(i), actions.size(), vm));
            }
            rows.getChildren().setAll(editors.stream().map(ActionRowEditor::node).toList());
            showErrors();
        } else {
            for (int i = 0; i < actions.size(); i++) {
                editors.get(i).refresh(actions.get(i));
            }
        }
        empty.setVisible(actions.isEmpty());
        empty.setManaged(actions.isEmpty());
    }

    void showErrors() {
        editors.forEach(ActionRowEditor::showErrors);
    }
}
