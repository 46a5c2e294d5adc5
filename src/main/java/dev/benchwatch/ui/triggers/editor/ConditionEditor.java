package dev.benchwatch.ui.triggers.editor;

import javafx.scene.Node;

/**
 * The editor of one node of a condition tree (a row, a group, a NOT). The tree editor builds them once per
 * layout and then only feeds them new values, so a field being typed in is never replaced under the caret.
 */
interface ConditionEditor {
    Node node();

    /** Shows {@code form}, which has the same {@link ConditionForm#shape() shape} as the one built from. */
    void refresh(ConditionForm form);

    /** Marks the fields that have an error or a warning in the view-model. */
    void showErrors();

    /** The editor for {@code form} at {@code path}. */
    static ConditionEditor of(ConditionForm form, ConditionPath path, TriggerEditorViewModel vm) {
        return switch (form) {
            case ConditionForm.Row r -> new ConditionRowEditor(r, path, vm);
            case ConditionForm.Group g -> new ConditionGroupEditor(g, path, vm);
            case ConditionForm.Not n -> new ConditionNotEditor(n, path, vm);
        };
    }
}
