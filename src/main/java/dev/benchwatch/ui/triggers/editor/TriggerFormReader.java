package dev.benchwatch.ui.triggers.editor;

import dev.benchwatch.workspace.trigger.ActionModel;
import dev.benchwatch.workspace.trigger.ConditionNode;
import dev.benchwatch.workspace.trigger.FieldText;
import dev.benchwatch.workspace.trigger.InvalidFieldException;
import dev.benchwatch.workspace.trigger.TriggerExpression;
import dev.benchwatch.workspace.trigger.TriggerModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a whole {@link EditorState} form and builds its {@link TriggerModel}, collecting a message per field
 * in error (keys: {@code id}, {@code for}, {@code cooldown}, {@code when}, {@code when[0].threshold},
 * {@code clear[1].window}, {@code actions[0].payload}, …) instead of stopping at the first. The text side is
 * not read here: the view-model parses it.
 */
final class TriggerFormReader {
    /** What the form amounts to: the model and the expression, each null when something in it is wrong. */
    record Result(TriggerModel model, TriggerExpression expression, Map<String, String> errors,
                  Map<String, String> warnings) {
    }

    private static final TriggerModel PROBE = TriggerModel.of("probe",
            TriggerExpression.of(ConditionNode.compare(dev.benchwatch.workspace.trigger.OperandModel.latest("x"),
                    dev.benchwatch.engine.trigger.ComparisonOp.GT, 0)));

    private final Collection<String> channels;
    private final Set<String> takenIds;

    /** @param takenIds ids other triggers already have */
    Set<String> takenIds() {
        return takenIds;
    }

    TriggerFormReader(Collection<String> channels, Set<String> takenIds) {
        this.channels = List.copyOf(channels);
        this.takenIds = Set.copyOf(takenIds);
    }

    Result read(EditorState state) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> warnings = new LinkedHashMap<>();
        checkId(state.id(), errors);
        ConditionReader conditions = new ConditionReader(channels, errors, warnings);
        ConditionNode when = conditions.readRoot(state.when(), ConditionPath.root("when"), "add a condition");
        Duration forDuration = duration(state.forText(), "for", errors);
        ConditionNode clear = null;
        boolean clearOk = true;
        if (state.clearMode() == ClearMode.CONDITION) {
            clear = conditions.readRoot(state.clear(), ConditionPath.root("clear"),
                    "add a condition, or clear automatically");
            clearOk = clear != null;
        }
        Duration cooldown = duration(state.cooldownText(), "cooldown", errors);
        List<ActionModel> actions = new ArrayList<>();
        for (int i = 0; i < state.actions().size(); i++) {
            try {
                actions.add(state.actions().get(i).toModel());
            } catch (InvalidFieldException e) {
                errors.put("actions[" + i + "]." + e.field(), e.problem());
            }
        }
        TriggerExpression expression = null;
        if (when != null && clearOk && forDuration != null && cooldown != null) {
            expression = new TriggerExpression(when, forDuration, clear, cooldown);
        }
        TriggerModel model = null;
        if (expression != null && errors.isEmpty()) {
            model = new TriggerModel(state.id().strip(), state.name(), state.severity(), when, forDuration, clear,
                    cooldown, actions, state.mode(), state.enabled());
        }
        return new Result(model, expression, errors, warnings);
    }

    private void checkId(String raw, Map<String, String> errors) {
        String id = raw == null ? "" : raw.strip();
        if (id.isEmpty()) {
            errors.put("id", "enter an id, e.g. oven_overheat");
            return;
        }
        try {
            new TriggerModel(id, "", PROBE.severity(), PROBE.when(), null, null, null, null, PROBE.mode(), true);
        } catch (InvalidFieldException e) {
            errors.put("id", e.problem());
            return;
        }
        if (takenIds.contains(id)) {
            errors.put("id", "another trigger already has the id '" + id + "'");
        }
    }

    private static Duration duration(String text, String key, Map<String, String> errors) {
        try {
            return FieldText.parseDuration(text, key);
        } catch (InvalidFieldException e) {
            errors.put(key, e.problem());
            return null;
        }
    }
}
