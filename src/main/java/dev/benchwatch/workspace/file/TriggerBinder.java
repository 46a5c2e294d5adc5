package dev.benchwatch.workspace.file;

import dev.benchwatch.engine.action.ActionSpec;
import dev.benchwatch.engine.trigger.Severity;
import java.time.Duration;
import java.util.List;

/** Binds one trigger of the {@code triggers} section; its conditions are checked later by {@link TriggerConditions}. */
final class TriggerBinder {
    private final Problems problems;
    private final DefinedNames ids = new DefinedNames();
    private final TriggerConditions conditions;
    private final ActionBinder actions;

    TriggerBinder(Problems problems, TriggerConditions conditions, ActionBinder actions) {
        this.problems = problems;
        this.conditions = conditions;
        this.actions = actions;
    }

    TriggerConfig bind(Json node, String path) {
        Fields f = Fields.of(node, path, "a trigger", problems);
        if (f == null) {
            return null;
        }
        String id = f.identifier("id", true, "a trigger id");
        ids.define(id, f, "id", "trigger");
        String name = f.text("name", false, "", "a display name");
        Severity severity = f.choice("severity", Severity.class, TriggerConfig.DEFAULT_SEVERITY, false);
        TriggerConfig.Mode mode = f.choice("mode", TriggerConfig.Mode.class, TriggerConfig.Mode.ARMED, false);
        boolean enabled = f.flag("enabled", true);
        String when = condition(f, "when", true);
        Duration holdFor = f.duration("for", false, Duration.ZERO, false);
        String clear = condition(f, "clear", false);
        Duration cooldown = f.duration("cooldown", false, Duration.ZERO, false);
        List<ActionSpec> actions = f.list("actions", false, "actions", this.actions::bind);
        f.rejectUnknown();
        return f.ok() ? new TriggerConfig(id, name, severity, mode, enabled, when, holdFor, clear, cooldown, actions) : null;
    }

    private String condition(Fields f, String field, boolean required) {
        String expected = "a condition in the trigger language, e.g. \"mean(oven_temp, 10s) > 180\"";
        Json node = f.raw(field);
        if (node == null) {
            if (required) {
                f.missing(field, expected);
            }
            return null;
        }
        if (node instanceof Json.Str s && !s.value().isBlank()) {
            conditions.add(s, f.path(field));
            return s.value();
        }
        f.error(node, field, "expected " + expected + ", got " + node.show());
        return null;
    }
}
