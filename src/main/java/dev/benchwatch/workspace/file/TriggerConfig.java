package dev.benchwatch.workspace.file;

import dev.benchwatch.engine.action.ActionSpec;
import dev.benchwatch.engine.trigger.Severity;
import java.time.Duration;
import java.util.List;

/**
 * A trigger as the workspace file stores it. The condition ({@code when}) and the optional clear condition
 * ({@code clear}, the hysteresis) are text in the trigger language, e.g. {@code mean(oven_temp, 10s) > 180};
 * this package checks their structure only and hands the text to a {@link TriggerTextCheck}.
 *
 * @param name     display name, "" for none
 * @param holdFor  how long the condition must hold before the trigger fires ({@code for}); zero: at once
 * @param clear    the condition that clears a firing trigger, or null: when {@code when} stops holding
 * @param cooldown after a firing, how long the trigger may not fire again
 * @param actions  the engine's action specs (log, notify, device command, MQTT publish, recording marker)
 */
public record TriggerConfig(String id, String name, Severity severity, Mode mode, boolean enabled, String when,
                            Duration holdFor, String clear, Duration cooldown, List<ActionSpec> actions) {
    public static final Severity DEFAULT_SEVERITY = Severity.WARNING;

    /** Armed triggers run their actions; shadow triggers record what they would have done. */
    public enum Mode { ARMED, SHADOW }

    public TriggerConfig {
        name = name == null ? "" : name;
        severity = severity == null ? DEFAULT_SEVERITY : severity;
        mode = mode == null ? Mode.ARMED : mode;
        holdFor = holdFor == null ? Duration.ZERO : holdFor;
        cooldown = cooldown == null ? Duration.ZERO : cooldown;
        actions = List.copyOf(actions);
    }
}
