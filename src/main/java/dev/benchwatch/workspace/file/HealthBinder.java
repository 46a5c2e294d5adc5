package dev.benchwatch.workspace.file;

import java.time.Duration;

/**
 * Reads a {@code health} object (the workspace's, or one device's) into a {@link HealthConfig}, reporting every
 * field that is of the wrong type or out of range with its location. Fields left out stay unset (null).
 */
final class HealthBinder {
    private static final String LOW_RATIO = "a ratio above 0 and below 1 (a rate below this times normal is an alert)";
    private static final String HIGH_RATIO = "a ratio above 1 (a rate above this times normal is an alert)";

    private HealthBinder() {
    }

    /** The settings, or null after reporting why they cannot be used. */
    static HealthConfig bind(Json node, String path, Problems problems) {
        Fields f = Fields.of(node, path, "device health settings", problems);
        if (f == null) {
            return null;
        }
        Duration window = f.duration("window", false, null, true);
        Duration learnTime = f.duration("learnTime", false, null, true);
        Duration warmUp = f.duration("warmUp", false, null, false);
        Double lowRatio = f.has("lowRatio") ? f.number("lowRatio", false, 0.5, LOW_RATIO, r -> r > 0 && r < 1) : null;
        Double highRatio = f.has("highRatio") ? f.number("highRatio", false, 2, HIGH_RATIO, r -> r > 1) : null;
        Integer malformedLimit = f.has("malformedLimit")
                ? f.whole("malformedLimit", false, 0, 0, Integer.MAX_VALUE) : null;
        f.rejectUnknown();
        return f.ok() ? new HealthConfig(window, learnTime, warmUp, lowRatio, highRatio, malformedLimit) : null;
    }

    /** The {@code health} member of {@code owner}: {@link HealthConfig#NONE} when absent, null (reported) when bad. */
    static HealthConfig member(Fields owner, Problems problems) {
        Json node = owner.raw("health");
        if (node == null) {
            return HealthConfig.NONE;
        }
        HealthConfig health = bind(node, owner.path("health"), problems);
        if (health == null) {
            owner.fail();
        }
        return health;
    }
}
