package dev.benchwatch.ui.alarms;

import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.event.EventType;
import dev.benchwatch.engine.trigger.Severity;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One line of the event log, made from an engine {@link Event} once, when it reaches the JavaFX thread.
 *
 * <h2>Severity</h2>
 * The log shows every event on the triggers' three-level scale ({@link Severity}), so one filter works for
 * trigger transitions and for everything else:
 * <ol>
 *   <li>a {@link EventType#USER_ACTION} (a person acknowledging an alarm, adding a marker) is INFO: what a
 *       person did is never itself an alarm, whatever its priority (the engine gives acknowledgements 5);</li>
 *   <li>an event that names a severity in its metadata ({@code severity=info|warning|critical}: every
 *       trigger transition) has that severity: the trigger's, for all of its transitions (PENDING, FIRING,
 *       CLEARED, OK), so "critical only" shows the whole story of every critical alarm;</li>
 *   <li>any other event is classified by its priority, in the bands the engine's own priorities fall in
 *       (info 3, warning 6, critical 9; non-firing transitions two lower): 1-3 INFO, 4-6 WARNING,
 *       7-10 CRITICAL ({@link Event#HIGH_PRIORITY} and above is critical).</li>
 * </ol>
 *
 * @param id          the engine's event id (increasing)
 * @param time        event time
 * @param timeText    {@code time} formatted in the log's zone ({@link #TIME_FORMAT})
 * @param severity    see above
 * @param type        the event type
 * @param device      the device the event concerns, "" for the engine itself
 * @param message     the event's human-readable text
 * @param triggerId   the trigger the event concerns (metadata {@code trigger}), or ""
 * @param priority    the event's priority, 1-10
 * @param correlation the correlation id ({@code trigger#n} ties a firing, its actions and its clearing), or ""
 */
public record EventLogRow(long id, Instant time, String timeText, Severity severity, EventType type, String device,
                          String message, String triggerId, int priority, String correlation) {

    /** How times are shown: date and milliseconds, so events of one burst stay distinguishable. */
    public static final String TIME_FORMAT = "yyyy-MM-dd HH:mm:ss.SSS";
    /** Lowest priority classified WARNING when an event carries no severity. */
    public static final int WARNING_FROM_PRIORITY = 4;
    /** Lowest priority classified CRITICAL when an event carries no severity. */
    public static final int CRITICAL_FROM_PRIORITY = Event.HIGH_PRIORITY;

    public static EventLogRow of(Event event, DateTimeFormatter format) {
        Instant time = Instant.ofEpochSecond(0, event.timestampNanos());
        return new EventLogRow(event.id(), time, format.format(time), severityOf(event), event.type(),
                event.sourceDevice(), event.data(), event.metadata().getOrDefault("trigger", ""), event.priority(),
                event.correlationId());
    }

    public static DateTimeFormatter formatter(ZoneId zone) {
        return DateTimeFormatter.ofPattern(TIME_FORMAT, Locale.ROOT).withZone(zone);
    }

    /** The log severity of an event: INFO for user actions, else its metadata's {@code severity}, else by priority. */
    public static Severity severityOf(Event event) {
        if (event.type() == EventType.USER_ACTION) {
            return Severity.INFO;
        }
        String named = event.metadata().get("severity");
        if (named != null) {
            for (Severity s : Severity.values()) {
                if (s.key().equalsIgnoreCase(named.strip())) {
                    return s;
                }
            }
        }
        return severityOfPriority(event.priority());
    }

    /** 1-3 INFO, 4-6 WARNING, 7-10 CRITICAL. */
    public static Severity severityOfPriority(int priority) {
        if (priority >= CRITICAL_FROM_PRIORITY) {
            return Severity.CRITICAL;
        }
        return priority >= WARNING_FROM_PRIORITY ? Severity.WARNING : Severity.INFO;
    }

    /** "Threshold breach" for THRESHOLD_BREACH: how types are shown. */
    public static String label(EventType type) {
        String words = type.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** "Critical" for CRITICAL. */
    public static String label(Severity severity) {
        String key = severity.key();
        return Character.toUpperCase(key.charAt(0)) + key.substring(1);
    }

    /** How a device is shown: "(engine)" for events of the engine itself. */
    public static String deviceLabel(String device) {
        return device.isEmpty() ? "(engine)" : device;
    }
}
