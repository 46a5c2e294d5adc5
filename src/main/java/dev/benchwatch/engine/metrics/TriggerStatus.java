package dev.benchwatch.engine.metrics;

import dev.benchwatch.engine.trigger.Severity;
import dev.benchwatch.engine.trigger.TriggerState;

/** A trigger's live state for display. */
public record TriggerStatus(String id, String name, Severity severity, TriggerState state, boolean acknowledged,
                            boolean shadow, boolean enabled, long firings, double value) {
}
