package dev.benchwatch.ui.alarms;

import dev.benchwatch.engine.metrics.TriggerStatus;
import dev.benchwatch.engine.trigger.Severity;
import dev.benchwatch.engine.trigger.TriggerState;

/**
 * A trigger that needs a person's attention: PENDING, FIRING, or CLEARED and not yet acknowledged (the engine
 * keeps such an alarm CLEARED until someone acknowledges it, so it must be listed for that to be possible).
 *
 * @param id           the trigger id ({@code engine.acknowledge(id)})
 * @param name         the trigger's display name
 * @param severity     the trigger's severity
 * @param state        PENDING, FIRING or CLEARED
 * @param acknowledged whether a person has acknowledged the current firing
 * @param shadow       a trigger in shadow mode (evaluated, actions only recorded): listed, never raises the banner
 * @param firings      how many times it has fired
 * @param value        the primary operand's value at the last transition
 */
public record ActiveAlarm(String id, String name, Severity severity, TriggerState state, boolean acknowledged,
                          boolean shadow, long firings, double value) {

    static ActiveAlarm of(TriggerStatus t) {
        return new ActiveAlarm(t.id(), t.name(), t.severity(), t.state(), t.acknowledged(), t.shadow(), t.firings(),
                t.value());
    }

    /** Whether {@code status} belongs in the active-alarms list. */
    static boolean isActive(TriggerStatus status) {
        return switch (status.state()) {
            case PENDING, FIRING -> true;
            case CLEARED -> !status.acknowledged();
            case OK -> false;
        };
    }

    /** FIRING or CLEARED and not acknowledged: what the Acknowledge button acts on. */
    public boolean needsAcknowledgement() {
        return !acknowledged && (state == TriggerState.FIRING || state == TriggerState.CLEARED);
    }

    /** Counts towards the critical banner: a CRITICAL, unacknowledged, FIRING, non-shadow alarm. */
    public boolean isCriticalUnacknowledged() {
        return severity == Severity.CRITICAL && state == TriggerState.FIRING && !acknowledged && !shadow;
    }
}
