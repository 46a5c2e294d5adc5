package dev.benchwatch.app;

import dev.benchwatch.engine.event.Event;
import java.time.Instant;

/**
 * How {@code benchwatch run} prints an event a person should see as it happens, one line each, time first:
 *
 * <pre>
 * 2025-03-02T10:15:04.120Z trigger 'Tank high' OK -> FIRING (level = 10.02)
 * 2025-03-02T10:15:05.005Z anomaly tank/level zscore: value 10.02 is 41.3 standard deviations from the 2s mean 0.01
 * 2025-03-02T10:15:09.000Z alert lab: device 'lab': 1 message(s) from unexpected sender lab/intruder/temp
 * 2025-03-02T10:15:14.000Z alert cleared lab: device 'lab': unexpected sender lab/intruder/temp quiet for 5.00 s
 * </pre>
 */
final class EventLine {
    private EventLine() {
    }

    static String format(Event event) {
        String time = Instant.ofEpochSecond(0, event.timestampNanos()).toString();
        return switch (event.type()) {
            case ANOMALY_DETECTED -> time + " anomaly " + anomalySubject(event) + " "
                    + event.metadata().getOrDefault("detector", "detector") + ": " + anomalyMessage(event);
            case SYSTEM_ALERT -> time + " alert " + ("cleared".equals(event.metadata().get("state")) ? "cleared " : "")
                    + (event.sourceDevice().isEmpty() ? "engine" : event.sourceDevice()) + ": " + event.data();
            default -> time + " " + event.data();
        };
    }

    /** {@code device/channel}, or the channel alone when it has no device (a pipeline's output). */
    private static String anomalySubject(Event event) {
        String channel = event.metadata().getOrDefault("channel", "");
        return event.sourceDevice().isEmpty() ? channel : event.sourceDevice() + "/" + channel;
    }

    /** The detector's message without the {@code channel: } the engine puts in front of it. */
    private static String anomalyMessage(Event event) {
        String prefix = event.metadata().getOrDefault("channel", "") + ": ";
        return event.data().startsWith(prefix) ? event.data().substring(prefix.length()) : event.data();
    }
}
