package dev.benchwatch.device.health;

import java.util.Map;

/**
 * One health alert or its clearing, before it becomes a {@code SYSTEM_ALERT} event: kept separate so the
 * judging ({@link DeviceWatch}) needs no engine.
 *
 * @param kind          rate, malformed or unexpected
 * @param observed      readings/s, errors or messages in the window
 * @param expected      the learned normal rate, the error limit, or 0 messages
 * @param correlationId the same for an alert and its clearing
 * @param details       further metadata (rate: direction; unexpected: sender)
 */
record HealthAlert(String device, String kind, boolean raised, double observed, double expected, String message,
                   int priority, String correlationId, Map<String, String> details) {
    static final int RAISED_PRIORITY = 7;
    static final int SILENT_PRIORITY = 8;
    static final int CLEARED_PRIORITY = 3;
}
