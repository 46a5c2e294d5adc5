package dev.benchwatch.ui.triggers.editor;

import dev.benchwatch.workspace.trigger.ActionModel;
import java.util.Objects;

/**
 * One action as the form holds it: its kind and the raw texts of its fields, kept when the kind changes so
 * switching back and forth loses nothing. Immutable, for undo. {@link #toModel()} checks it.
 *
 * @param first  the first text field of the kind ({@link ActionKind#firstField()})
 * @param second the second text field, if the kind has one
 */
public record ActionForm(ActionKind kind, String first, String second, ActionModel.LineEnding lineEnding, int qos,
                         boolean retain) {
    public ActionForm {
        Objects.requireNonNull(kind, "kind");
        first = first == null ? "" : first;
        second = second == null ? "" : second;
        lineEnding = lineEnding == null ? ActionModel.LineEnding.LF : lineEnding;
    }

    /** A new action of {@code kind} with a sensible start (a log line naming the trigger, say). */
    public static ActionForm blank(ActionKind kind, String device) {
        return switch (kind) {
            case LOG -> new ActionForm(kind, "{trigger} fired: {channel} = {value}", "", null, 0, false);
            case NOTIFY -> new ActionForm(kind, "{trigger}", "{channel} = {value} ({severity})", null, 0, false);
            case DEVICE_COMMAND -> new ActionForm(kind, device, "", ActionModel.LineEnding.LF, 0, false);
            case MQTT_PUBLISH -> new ActionForm(kind, "", "{\"trigger\": \"{trigger}\", \"channel\": \"{channel}\", "
                    + "\"value\": {value}, \"severity\": \"{severity}\"}", null, 1, false);
            case RECORDING_MARKER -> new ActionForm(kind, "{trigger}", "", null, 0, false);
        };
    }

    public static ActionForm of(ActionModel action) {
        return switch (action) {
            case ActionModel.Log l -> new ActionForm(ActionKind.LOG, l.message(), "", null, 0, false);
            case ActionModel.Notify n -> new ActionForm(ActionKind.NOTIFY, n.title(), n.body(), null, 0, false);
            case ActionModel.DeviceCommand d -> new ActionForm(ActionKind.DEVICE_COMMAND, d.device(), d.text(),
                    d.lineEnding(), 0, false);
            case ActionModel.MqttPublish m -> new ActionForm(ActionKind.MQTT_PUBLISH, m.topic(), m.payload(), null,
                    m.qos(), m.retain());
            case ActionModel.RecordingMarker r -> new ActionForm(ActionKind.RECORDING_MARKER, r.label(), "", null, 0,
                    false);
        };
    }

    /**
     * The model action.
     *
     * @throws dev.benchwatch.workspace.trigger.InvalidFieldException naming the field in error
     */
    public ActionModel toModel() {
        return switch (kind) {
            case LOG -> new ActionModel.Log(first);
            case NOTIFY -> new ActionModel.Notify(first, second);
            case DEVICE_COMMAND -> new ActionModel.DeviceCommand(first, second, lineEnding);
            case MQTT_PUBLISH -> new ActionModel.MqttPublish(first, second, qos, retain);
            case RECORDING_MARKER -> new ActionModel.RecordingMarker(first);
        };
    }

    public ActionForm withKind(ActionKind value) {
        return new ActionForm(value, first, second, lineEnding, qos, retain);
    }

    public ActionForm withFirst(String value) {
        return new ActionForm(kind, value, second, lineEnding, qos, retain);
    }

    public ActionForm withSecond(String value) {
        return new ActionForm(kind, first, value, lineEnding, qos, retain);
    }

    public ActionForm withLineEnding(ActionModel.LineEnding value) {
        return new ActionForm(kind, first, second, value, qos, retain);
    }

    public ActionForm withQos(int value) {
        return new ActionForm(kind, first, second, lineEnding, value, retain);
    }

    public ActionForm withRetain(boolean value) {
        return new ActionForm(kind, first, second, lineEnding, qos, value);
    }
}
