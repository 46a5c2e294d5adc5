package dev.benchwatch.workspace.trigger;

import dev.benchwatch.engine.action.ActionSpec;

/**
 * What a trigger does when it fires, as the editor holds it. Text fields (all but a device's name and an MQTT
 * topic, which the engine uses as written) are templates: {@code {trigger}},
 * {@code {channel}}, {@code {value}}, {@code {severity}} (and the engine's {@code {state}}, {@code {time}})
 * are filled in when the action runs; an unknown placeholder is rejected. Device commands and MQTT
 * publishes reach outside Benchwatch and only run when the trigger is {@link TriggerModel.Mode#ARMED armed};
 * in {@link TriggerModel.Mode#SHADOW shadow} mode the engine records what they would have sent.
 */
public sealed interface ActionModel {

    /** Writes a line to the application log. */
    record Log(String message) implements ActionModel {
        public Log {
            FieldChecks.text(message, "message");
        }
    }

    /** Shows a desktop notification. */
    record Notify(String title, String body) implements ActionModel {
        public Notify {
            FieldChecks.text(title, "title");
            body = FieldChecks.template(body == null ? "" : body, "body");
        }
    }

    /** Sends a line of text to a device, followed by {@code lineEnding}. */
    record DeviceCommand(String device, String text, LineEnding lineEnding) implements ActionModel {
        public DeviceCommand {
            if (device == null || device.isBlank()) {
                throw new InvalidFieldException("device", "choose a device");
            }
            text = FieldChecks.template(text == null ? "" : text, "text");
            if (lineEnding == null) {
                throw new InvalidFieldException("lineEnding", "choose a line ending (none, LF, CR or CRLF)");
            }
            if (text.isEmpty() && lineEnding == LineEnding.NONE) {
                throw new InvalidFieldException("text", "must not be empty (or choose a line ending)");
            }
        }
    }

    /** Publishes an MQTT message to a fixed topic; the payload is a template. */
    record MqttPublish(String topic, String payload, int qos, boolean retain) implements ActionModel {
        public MqttPublish {
            FieldChecks.text(topic, "topic");
            if (topic.contains("+") || topic.contains("#")) {
                throw new InvalidFieldException("topic", "must not contain the wildcards + or #");
            }
            topic = FieldChecks.template(topic, "topic"); // the engine fills placeholders in the topic too
            payload = FieldChecks.template(payload == null ? "" : payload, "payload");
            if (qos < 0 || qos > 2) {
                throw new InvalidFieldException("qos", "must be 0, 1 or 2, got " + qos);
            }
        }
    }

    /** Adds a marker to the session recording. */
    record RecordingMarker(String label) implements ActionModel {
        public RecordingMarker {
            FieldChecks.text(label, "label");
        }
    }

    /** What follows a device command's text. */
    enum LineEnding {
        NONE(""), LF("\n"), CR("\r"), CRLF("\r\n");

        private final String chars;

        LineEnding(String chars) {
            this.chars = chars;
        }

        public String chars() {
            return chars;
        }
    }

    /** True for actions that reach outside Benchwatch and so only run when the trigger is armed. */
    default boolean isExternal() {
        return this instanceof DeviceCommand || this instanceof MqttPublish;
    }

    /** The engine's action. */
    default ActionSpec toSpec() {
        return switch (this) {
            case Log l -> new ActionSpec.Log(l.message());
            case Notify n -> new ActionSpec.Notify(n.title(), n.body());
            case DeviceCommand d -> new ActionSpec.DeviceCommand(d.device(), d.text() + d.lineEnding().chars());
            case MqttPublish m -> new ActionSpec.MqttPublish(m.topic(), m.payload(), m.qos(), m.retain());
            case RecordingMarker r -> new ActionSpec.RecordingMarker(r.label());
        };
    }
}
