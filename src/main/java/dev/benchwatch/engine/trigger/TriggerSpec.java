package dev.benchwatch.engine.trigger;

import dev.benchwatch.engine.action.ActionSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A trigger as a person authors it.
 *
 * @param id             unique id, e.g. {@code oven_overheat}
 * @param name           display name
 * @param severity       info, warning or critical
 * @param condition      when it should fire
 * @param forNanos       how long the condition must hold before firing (0: at once)
 * @param clearCondition when a firing trigger clears (hysteresis); null: when {@code condition} stops holding
 * @param cooldownNanos  minimum time between two firings
 * @param actions        what to do on firing
 * @param shadow         evaluate and record what the actions would do, but run none
 * @param enabled        a disabled trigger is not evaluated
 */
public record TriggerSpec(String id, String name, Severity severity, Condition condition, long forNanos,
                          Condition clearCondition, long cooldownNanos, List<ActionSpec> actions,
                          boolean shadow, boolean enabled) {
    private static final Pattern VALID_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]{0,127}");

    public TriggerSpec {
        if (id == null || !VALID_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("invalid trigger id '" + id
                    + "': expected a letter or '_' followed by letters, digits, '_', '.' or '-'");
        }
        name = name == null || name.isBlank() ? id : name;
        Objects.requireNonNull(severity, "trigger '" + id + "': severity");
        Objects.requireNonNull(condition, "trigger '" + id + "': condition");
        if (forNanos < 0) {
            throw new IllegalArgumentException("trigger '" + id + "': 'for' duration must be >= 0");
        }
        if (cooldownNanos < 0) {
            throw new IllegalArgumentException("trigger '" + id + "': cooldown must be >= 0");
        }
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    public static Builder builder(String id, Condition condition) {
        return new Builder(id, condition);
    }

    /** Fluent construction with sensible defaults: warning, fire at once, auto clear, no cooldown, armed. */
    public static final class Builder {
        private final String id;
        private final Condition condition;
        private String name;
        private Severity severity = Severity.WARNING;
        private long forNanos;
        private Condition clearCondition;
        private long cooldownNanos;
        private final List<ActionSpec> actions = new ArrayList<>();
        private boolean shadow;
        private boolean enabled = true;

        private Builder(String id, Condition condition) {
            this.id = id;
            this.condition = condition;
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder severity(Severity value) {
            severity = value;
            return this;
        }

        public Builder holdFor(Duration value) {
            forNanos = value.toNanos();
            return this;
        }

        public Builder clearWhen(Condition value) {
            clearCondition = value;
            return this;
        }

        public Builder cooldown(Duration value) {
            cooldownNanos = value.toNanos();
            return this;
        }

        public Builder action(ActionSpec value) {
            actions.add(value);
            return this;
        }

        public Builder shadow(boolean value) {
            shadow = value;
            return this;
        }

        public Builder enabled(boolean value) {
            enabled = value;
            return this;
        }

        public TriggerSpec build() {
            return new TriggerSpec(id, name, severity, condition, forNanos, clearCondition, cooldownNanos, actions,
                    shadow, enabled);
        }
    }
}
