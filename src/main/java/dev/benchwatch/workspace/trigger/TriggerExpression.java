package dev.benchwatch.workspace.trigger;

import java.time.Duration;

/**
 * The part of a trigger its text form covers: WHEN, FOR, CLEAR WHEN and COOLDOWN.
 *
 * @param when        the condition that fires the trigger
 * @param forDuration how long {@code when} must hold before firing (zero: at once)
 * @param clear       the condition that clears a firing trigger (hysteresis), or null to clear
 *                    automatically when {@code when} stops holding
 * @param cooldown    the minimum time between two firings (zero: none)
 */
public record TriggerExpression(ConditionNode when, Duration forDuration, ConditionNode clear, Duration cooldown) {
    public TriggerExpression {
        if (when == null) {
            throw new InvalidFieldException("when", "add a condition");
        }
        forDuration = FieldChecks.nonNegative(forDuration, "for");
        cooldown = FieldChecks.nonNegative(cooldown, "cooldown");
    }

    /** Fires when {@code when} holds, at once, clears automatically, no cooldown. */
    public static TriggerExpression of(ConditionNode when) {
        return new TriggerExpression(when, Duration.ZERO, null, Duration.ZERO);
    }

    /** The canonical text, e.g. {@code mean(oven_temp, 10s) > 180 for 5s clear < 175 cooldown 1m}. */
    @Override
    public String toString() {
        return TriggerText.print(this);
    }
}
