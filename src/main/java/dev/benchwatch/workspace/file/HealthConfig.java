package dev.benchwatch.workspace.file;

import dev.benchwatch.device.health.HealthSettings;
import java.time.Duration;

/**
 * Device health thresholds as a workspace states them (docs/WORKSPACE.md, "Device health"): each field is
 * either set or null, and a null field takes its value from the level above (a device's from the workspace's,
 * the workspace's from {@link HealthSettings#defaults()}). Kept partial so that a file reads and writes back
 * with exactly the fields it had.
 *
 * @param window         the window a rate and a count of errors are measured over
 * @param learnTime      time constant of the learned normal rate
 * @param warmUp         how long a normal rate is learned before a rate alert can be raised
 * @param lowRatio       in (0, 1): a rate below this times normal is an alert
 * @param highRatio      above 1: a rate above this times normal is an alert
 * @param malformedLimit more decoding errors than this within {@code window} is an alert
 */
public record HealthConfig(Duration window, Duration learnTime, Duration warmUp, Double lowRatio, Double highRatio,
                           Integer malformedLimit) {
    /** Nothing set: everything as the level above. */
    public static final HealthConfig NONE = new HealthConfig(null, null, null, null, null, null);

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** {@code base} with the fields set here put in its place. */
    public HealthSettings over(HealthSettings base) {
        return new HealthSettings(base.tick(), window == null ? base.window() : window,
                learnTime == null ? base.learnTime() : learnTime, warmUp == null ? base.warmUp() : warmUp,
                lowRatio == null ? base.lowRatio() : lowRatio, highRatio == null ? base.highRatio() : highRatio,
                malformedLimit == null ? base.malformedLimit() : malformedLimit);
    }
}
