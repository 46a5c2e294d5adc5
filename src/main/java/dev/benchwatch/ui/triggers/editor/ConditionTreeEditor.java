package dev.benchwatch.ui.triggers.editor;

import javafx.scene.layout.StackPane;

/**
 * The editor of a whole WHEN or CLEAR tree. It rebuilds its node editors only when the tree's layout
 * changes (a row added, a group removed, the text edited into another shape); a change of a value just
 * refreshes the existing controls, so typing in a field keeps its focus and caret.
 */
final class ConditionTreeEditor extends StackPane {
    private final String rootName;
    private final TriggerEditorViewModel vm;
    private ConditionEditor editor;
    private String shape;

    ConditionTreeEditor(String rootName, TriggerEditorViewModel vm) {
        this.rootName = rootName;
        this.vm = vm;
        getStyleClass().add("condition-tree");
        vm.conditionProperty(rootName).addListener((o, before, after) -> show(after));
        show(vm.conditionProperty(rootName).get());
    }

    private void show(ConditionForm.Group tree) {
        if (editor != null && tree.shape().equals(shape)) {
            editor.refresh(tree);
            return;
        }
        shape = tree.shape();
        editor = ConditionEditor.of(tree, ConditionPath.root(rootName), vm);
        getChildren().setAll(editor.node());
        editor.showErrors();
    }

    void showErrors() {
        editor.showErrors();
    }
}
