package dev.benchwatch.ui.triggers.editor;

import dev.benchwatch.engine.trigger.Severity;
import dev.benchwatch.workspace.trigger.FieldText;
import dev.benchwatch.workspace.trigger.TriggerModel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the editor shows, as one immutable value: the form's raw field texts and the text form. It is
 * what an undo step restores, so it holds what was typed (a threshold of "abc", a text that does not
 * parse), not only what is valid.
 */
public record EditorState(String id, String name, Severity severity, boolean enabled, TriggerModel.Mode mode,
                          ConditionForm.Group when, String forText, ClearMode clearMode, ConditionForm.Group clear,
                          String cooldownText, List<ActionForm> actions, String text) {
    public EditorState {
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(clear, "clear");
        actions = List.copyOf(actions);
    }

    /** The form and text of {@code model}, every field in its canonical text. */
    public static EditorState of(TriggerModel model) {
        return new EditorState(model.id(), model.name(), model.severity(), model.enabled(), model.mode(),
                ConditionForm.root(model.when()), durationText(model.forDuration()),
                model.clear() == null ? ClearMode.AUTOMATIC : ClearMode.CONDITION, ConditionForm.root(model.clear()),
                durationText(model.cooldown()), model.actions().stream().map(ActionForm::of).toList(), model.text());
    }

    /** A FOR or cooldown field: empty for none. */
    static String durationText(Duration value) {
        return value == null || value.isZero() ? "" : FieldText.duration(value);
    }

    public EditorState withText(String value) {
        return new EditorState(id, name, severity, enabled, mode, when, forText, clearMode, clear, cooldownText,
                actions, value);
    }
}
