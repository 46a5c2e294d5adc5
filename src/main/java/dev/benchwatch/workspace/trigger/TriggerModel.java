package dev.benchwatch.workspace.trigger;

import dev.benchwatch.engine.trigger.Severity;
import java.time.Duration;
import java.util.List;

/**
 * A trigger as the editor form holds it. Immutable; every value is checked when the record is built and a
 * bad one throws {@link InvalidFieldException} naming the field. The WHEN / FOR / CLEAR / COOLDOWN part has a
 * text form ({@link TriggerText}); {@link #expression()} and {@link #withExpression} move between the two.
 * {@link EngineTrigger#from} turns a model into what the engine runs.
 *
 * @param id          unique id (a letter or '_', then letters, digits, '_', '.', '-')
 * @param name        display name (blank: the id)
 * @param severity    info, warning or critical
 * @param when        the condition that fires the trigger
 * @param forDuration how long {@code when} must hold before firing (null or zero: at once)
 * @param clear       the condition that clears it (hysteresis); null clears it automatically
 * @param cooldown    minimum time between two firings (null or zero: none)
 * @param actions     what to do on firing, in order
 * @param mode        armed (actions run) or shadow (the engine records what they would have done)
 * @param enabled     a disabled trigger is not evaluated
 */
public record TriggerModel(String id, String name, Severity severity, ConditionNode when, Duration forDuration,
                           ConditionNode clear, Duration cooldown, List<ActionModel> actions, Mode mode,
                           boolean enabled) {

    /** Whether actions that reach outside Benchwatch (device commands, MQTT) run. */
    public enum Mode {
        /** Every action runs. */
        ARMED,
        /** The trigger is evaluated and its transitions recorded; actions are recorded, not run. */
        SHADOW
    }

    public TriggerModel {
        FieldChecks.name(id, "id", "trigger id");
        name = name == null ? "" : name;
        if (severity == null) {
            throw new InvalidFieldException("severity", "choose info, warning or critical");
        }
        if (when == null) {
            throw new InvalidFieldException("when", "add a condition");
        }
        forDuration = FieldChecks.nonNegative(forDuration, "for");
        cooldown = FieldChecks.nonNegative(cooldown, "cooldown");
        if (actions == null) {
            actions = List.of();
        }
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i) == null) {
                throw new InvalidFieldException("actions[" + i + "]", "choose an action");
            }
        }
        actions = List.copyOf(actions);
        if (mode == null) {
            throw new InvalidFieldException("mode", "choose armed or shadow");
        }
    }

    /** A new trigger: warning, armed, enabled, no actions, firing at once and clearing automatically. */
    public static TriggerModel of(String id, TriggerExpression expression) {
        return new TriggerModel(id, "", Severity.WARNING, expression.when(), expression.forDuration(),
                expression.clear(), expression.cooldown(), List.of(), Mode.ARMED, true);
    }

    /** The part the text form covers. */
    public TriggerExpression expression() {
        return new TriggerExpression(when, forDuration, clear, cooldown);
    }

    /** This trigger with WHEN / FOR / CLEAR / COOLDOWN replaced (e.g. after the text was edited). */
    public TriggerModel withExpression(TriggerExpression expression) {
        return new TriggerModel(id, name, severity, expression.when(), expression.forDuration(), expression.clear(),
                expression.cooldown(), actions, mode, enabled);
    }

    /** The canonical text of WHEN / FOR / CLEAR / COOLDOWN. */
    public String text() {
        return TriggerText.print(expression());
    }

    public TriggerModel withName(String value) {
        return new TriggerModel(id, value, severity, when, forDuration, clear, cooldown, actions, mode, enabled);
    }

    public TriggerModel withSeverity(Severity value) {
        return new TriggerModel(id, name, value, when, forDuration, clear, cooldown, actions, mode, enabled);
    }

    public TriggerModel withActions(List<ActionModel> value) {
        return new TriggerModel(id, name, severity, when, forDuration, clear, cooldown, value, mode, enabled);
    }

    public TriggerModel withMode(Mode value) {
        return new TriggerModel(id, name, severity, when, forDuration, clear, cooldown, actions, value, enabled);
    }

    public TriggerModel withEnabled(boolean value) {
        return new TriggerModel(id, name, severity, when, forDuration, clear, cooldown, actions, mode, value);
    }
}
