package dev.benchwatch.ui.triggers.editor;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;

/**
 * NOT around a row or a group: a highlighted "NOT" button in front of the negated condition; pressing it
 * takes the NOT away again.
 */
final class ConditionNotEditor implements ConditionEditor {
    private final HBox root = new HBox(6);
    private final ConditionEditor term;

    ConditionNotEditor(ConditionForm.Not not, ConditionPath path, TriggerEditorViewModel vm) {
        Button off = new Button("NOT");
        off.setMinWidth(Region.USE_PREF_SIZE);
        off.setId("cond-unnot-" + path);
        off.getStyleClass().addAll("condition-button", "not-active");
        off.setTooltip(new Tooltip("take the NOT away"));
        off.setOnAction(e -> vm.toggleNot(path));
        term = ConditionEditor.of(not.term(), path.child(0), vm);
        HBox.setHgrow(term.node(), Priority.ALWAYS);
        root.setAlignment(Pos.TOP_LEFT);
        root.getChildren().addAll(off, term.node());
        root.getStyleClass().add("condition-not");
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void refresh(ConditionForm form) {
        term.refresh(((ConditionForm.Not) form).term());
    }

    @Override
    public void showErrors() {
        term.showErrors();
    }
}
