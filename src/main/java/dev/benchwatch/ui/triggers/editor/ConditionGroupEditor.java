package dev.benchwatch.ui.triggers.editor;

import dev.benchwatch.workspace.trigger.ConditionNode;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A group of conditions joined by AND or OR: a header with the joiner (a button that switches it), its
 * terms (rows, NOTs and nested groups, each by its own editor) and buttons to add a condition or a nested
 * group. A nested group can also be negated and removed; the root group of WHEN or CLEAR cannot.
 */
final class ConditionGroupEditor implements ConditionEditor {
    private final ConditionPath path;
    private final TriggerEditorViewModel vm;
    private final VBox root = new VBox(4);
    private final Button joiner = new Button();
    private final Label joinerHint = new Label();
    private final VBox terms = new VBox(4);
    private final Label message;
    private final List<ConditionEditor> children = new ArrayList<>();

    ConditionGroupEditor(ConditionForm.Group group, ConditionPath path, TriggerEditorViewModel vm) {
        this.path = path;
        this.vm = vm;
        String p = path.toString();
        joiner.setId("cond-joiner-" + p);
        joiner.setMinWidth(Region.USE_PREF_SIZE);
        joiner.getStyleClass().add("joiner-button");
        joiner.setTooltip(new Tooltip("switch between AND (all must hold) and OR (any may hold)"));
        joiner.setOnAction(e -> vm.toggleJoiner(path));
        joinerHint.getStyleClass().add("hint");
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, joiner, joinerHint, spacer);
        header.setAlignment(Pos.CENTER_LEFT);
        if (!path.isRoot()) {
            Button not = new Button("NOT");
            not.setMinWidth(Region.USE_PREF_SIZE);
            not.setId("cond-not-" + p);
            not.getStyleClass().add("condition-button");
            not.setTooltip(new Tooltip("negate this group"));
            not.setOnAction(e -> vm.toggleNot(path));
            Button remove = new Button("×");
            remove.setMinWidth(Region.USE_PREF_SIZE);
            remove.setId("cond-remove-" + p);
            remove.getStyleClass().add("condition-button");
            remove.setTooltip(new Tooltip("remove this group"));
            remove.setOnAction(e -> vm.remove(path));
            header.getChildren().addAll(not, remove);
        }
        Button addCondition = new Button("+ Condition");
        addCondition.setMinWidth(Region.USE_PREF_SIZE);
        addCondition.setId("cond-add-" + p);
        addCondition.setOnAction(e -> vm.addCondition(path));
        Button addGroup = new Button("+ Group");
        addGroup.setMinWidth(Region.USE_PREF_SIZE);
        addGroup.setId("cond-add-group-" + p);
        addGroup.setTooltip(new Tooltip("add a nested group, e.g. (a or b) inside an AND"));
        addGroup.setOnAction(e -> vm.addGroup(path));
        HBox footer = new HBox(6, addCondition, addGroup);
        footer.getStyleClass().add("condition-group-footer");
        message = FormFields.messageLabel("cond-message-" + p);
        root.getChildren().addAll(header, terms, message, footer);
        root.getStyleClass().addAll("condition-group", path.isRoot() ? "condition-root" : "condition-nested");
        for (int i = 0; i < group.terms().size(); i++) {
            ConditionEditor child = ConditionEditor.of(group.terms().get(i), path.child(i), vm);
            children.add(child);
            terms.getChildren().add(child.node());
        }
        refresh(group);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void refresh(ConditionForm form) {
        ConditionForm.Group group = (ConditionForm.Group) form;
        boolean and = group.joiner() == ConditionNode.Joiner.AND;
        joiner.setText(and ? "AND" : "OR");
        joinerHint.setText(group.terms().size() < 2 ? "" : and ? "all of these hold" : "any of these holds");
        for (int i = 0; i < children.size(); i++) {
            children.get(i).refresh(group.terms().get(i));
        }
    }

    @Override
    public void showErrors() {
        FormFields.setMessage(message, vm.errors().get(path.key(null)), null);
        children.forEach(ConditionEditor::showErrors);
    }
}
