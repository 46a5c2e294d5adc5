package dev.benchwatch.workspace.file;

import dev.benchwatch.engine.action.ActionSpec;

/** Binds one action of a trigger: log, notify, command, mqtt or marker. */
final class ActionBinder {
    private final Problems problems;
    private final References references;

    ActionBinder(Problems problems, References references) {
        this.problems = problems;
        this.references = references;
    }

    ActionSpec bind(Json node, String path) {
        Fields f = Fields.of(node, path, "an action", problems);
        if (f == null) {
            return null;
        }
        String types = "log, notify, command, mqtt, marker";
        String type = f.name("type", true, null, "one of " + types);
        if (type == null) {
            return null;
        }
        ActionSpec result = switch (type) {
            case "log" -> {
                String message = f.name("message", true, null, "the text to log, e.g. \"{trigger}: {value}\"");
                yield message == null ? null : new ActionSpec.Log(message);
            }
            case "notify" -> {
                String title = f.name("title", true, null, "a notification title, e.g. \"{trigger}\"");
                String message = f.text("message", false, "", "a notification text");
                yield title == null ? null : new ActionSpec.Notify(title, message);
            }
            case "command" -> {
                String device = f.identifier("device", true, "the name of a device of this workspace");
                references.add(References.Target.DEVICE, device, f, "device");
                String payload = f.text("payload", true, null, "the text to send, e.g. \"HEATER OFF\"");
                yield device == null || payload == null ? null : new ActionSpec.DeviceCommand(device, payload);
            }
            case "mqtt" -> {
                String topic = f.name("topic", true, null, "a topic without wildcards, e.g. \"lab/alarms/{trigger}\"");
                if (topic != null && (topic.contains("+") || topic.contains("#"))) {
                    f.error(f.raw("topic"), "topic", "expected a topic without wildcards (+ or #), got " + f.raw("topic").show());
                    topic = null;
                }
                String payload = f.text("payload", false, "", "the message text");
                int qos = f.whole("qos", false, 1, 0, 2);
                boolean retain = f.flag("retain", false);
                yield topic == null ? null : new ActionSpec.MqttPublish(topic, payload, qos, retain);
            }
            case "marker" -> {
                String label = f.name("label", true, null, "the marker's label, e.g. \"{trigger} fired\"");
                yield label == null ? null : new ActionSpec.RecordingMarker(label);
            }
            default -> {
                f.error(f.raw("type"), "type", "expected one of " + types + ", got " + f.raw("type").show());
                yield null;
            }
        };
        f.rejectUnknown();
        return f.ok() ? result : null;
    }
}
