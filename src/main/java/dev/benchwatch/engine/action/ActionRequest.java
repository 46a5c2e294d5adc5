package dev.benchwatch.engine.action;

import dev.benchwatch.engine.trigger.Severity;
import java.util.List;

/**
 * A trigger fired: run its actions. Built on the engine thread, executed on the action thread.
 *
 * @param triggerId     the trigger's id
 * @param triggerName   its display name
 * @param severity      its severity
 * @param channel       the primary channel's name, or ""
 * @param device        the primary channel's device, or ""
 * @param value         the primary operand's value at firing
 * @param timestampNanos event time of the firing
 * @param state         the transition, e.g. FIRING
 * @param correlationId ties the actions' outcome events to the firing
 * @param actions       what to run
 * @param shadow        record what would run, run nothing
 */
public record ActionRequest(String triggerId, String triggerName, Severity severity, String channel, String device,
                            double value, long timestampNanos, String state, String correlationId,
                            List<ActionSpec> actions, boolean shadow) {
}
