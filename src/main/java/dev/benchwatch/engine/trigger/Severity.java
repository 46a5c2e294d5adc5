package dev.benchwatch.engine.trigger;

import java.util.Locale;

/** How urgent a trigger is; maps onto the event priority scale (7 and above is high). */
public enum Severity {
    INFO(3), WARNING(6), CRITICAL(9);

    private final int priority;

    Severity(int priority) {
        this.priority = priority;
    }

    public int priority() {
        return priority;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
