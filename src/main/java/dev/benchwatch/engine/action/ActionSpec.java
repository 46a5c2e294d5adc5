package dev.benchwatch.engine.action;

import java.util.Objects;

/**
 * What a trigger does when it fires. Text fields are templates: {@code {trigger}}, {@code {channel}},
 * {@code {value}}, {@code {severity}}, {@code {time}} and {@code {state}} are filled in when the action runs.
 */
public sealed interface ActionSpec {

    /** Writes a line to the application log. */
    record Log(String message) implements ActionSpec {
        public Log {
            message = requireText(message, "log action message");
        }
    }

    /** Shows a desktop notification (or whatever the {@link Notifier} does headless). */
    record Notify(String title, String message) implements ActionSpec {
        public Notify {
            title = requireText(title, "notify action title");
            message = message == null ? "" : message;
        }
    }

    /** Sends a command to a device; only when the trigger is armed. */
    record DeviceCommand(String device, String payload) implements ActionSpec {
        public DeviceCommand {
            device = requireText(device, "device command action device");
            payload = Objects.requireNonNull(payload, "device command payload");
        }
    }

    /** Publishes an MQTT message; only when the trigger is armed. */
    record MqttPublish(String topic, String payload, int qos, boolean retain) implements ActionSpec {
        public MqttPublish {
            topic = requireText(topic, "MQTT publish action topic");
            if (topic.contains("+") || topic.contains("#")) {
                throw new IllegalArgumentException("MQTT publish topic must not contain wildcards: '" + topic + "'");
            }
            payload = Objects.requireNonNull(payload, "MQTT publish payload");
            if (qos < 0 || qos > 2) {
                throw new IllegalArgumentException("MQTT QoS must be 0, 1 or 2, got " + qos);
            }
        }
    }

    /** Adds a marker to the session recording. */
    record RecordingMarker(String label) implements ActionSpec {
        public RecordingMarker {
            label = requireText(label, "recording marker label");
        }
    }

    /** Short name for events and logs. */
    default String kind() {
        return switch (this) {
            case Log l -> "log";
            case Notify n -> "notify";
            case DeviceCommand d -> "device_command";
            case MqttPublish m -> "mqtt_publish";
            case RecordingMarker r -> "recording_marker";
        };
    }

    /** True for actions that reach outside Benchwatch and so only run when the trigger is armed. */
    default boolean isExternal() {
        return this instanceof DeviceCommand || this instanceof MqttPublish;
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return value;
    }
}
