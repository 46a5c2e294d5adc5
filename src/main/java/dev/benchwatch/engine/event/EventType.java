package dev.benchwatch.engine.event;

/** What a rich {@link Event} is about. Readings themselves travel as primitives, not as events. */
public enum EventType {
    SENSOR_READING,
    DEVICE_STATUS,
    THRESHOLD_BREACH,
    PATTERN_DETECTED,
    ANOMALY_DETECTED,
    SYSTEM_ALERT,
    USER_ACTION,
    AUTOMATION_TRIGGER
}
