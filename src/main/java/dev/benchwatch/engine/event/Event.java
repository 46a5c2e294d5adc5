package dev.benchwatch.engine.event;

import java.util.Map;
import java.util.Objects;

/**
 * A rich event a person reads: device status, trigger transitions, anomalies, alerts, user actions.
 * Rare compared with readings, so it may allocate.
 *
 * @param id            unique, increasing within one engine
 * @param type          what the event is about
 * @param sourceDevice  the device it concerns, or "" for the engine itself
 * @param timestampNanos event time, nanoseconds since the epoch
 * @param data          a short human-readable message
 * @param priority      1 (lowest) to 10 (highest); {@value #HIGH_PRIORITY} and above is high
 * @param correlationId ties related events together (e.g. a trigger's firing and its actions), or ""
 * @param metadata      extra key/value details, never null
 */
public record Event(long id, EventType type, String sourceDevice, long timestampNanos, String data,
                    int priority, String correlationId, Map<String, String> metadata) {

    public static final int MIN_PRIORITY = 1;
    public static final int MAX_PRIORITY = 10;
    public static final int HIGH_PRIORITY = 7;

    public Event {
        Objects.requireNonNull(type, "event type");
        if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("event priority must be between " + MIN_PRIORITY + " and "
                    + MAX_PRIORITY + ", got " + priority);
        }
        sourceDevice = sourceDevice == null ? "" : sourceDevice;
        data = data == null ? "" : data;
        correlationId = correlationId == null ? "" : correlationId;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public boolean isHighPriority() {
        return priority >= HIGH_PRIORITY;
    }

    /** The same event with another id: events are numbered when they enter the engine's log. */
    public Event withId(long newId) {
        return new Event(newId, type, sourceDevice, timestampNanos, data, priority, correlationId, metadata);
    }
}
