package dev.benchwatch.ui.triggers.editor;

/**
 * The kinds of action a person picks from, with the model's names of the (at most two) text fields each
 * kind has, so errors from {@link dev.benchwatch.workspace.trigger.ActionModel} land on the right field.
 */
public enum ActionKind {
    LOG("Log", "message", null, false),
    NOTIFY("Notify", "title", "body", false),
    DEVICE_COMMAND("Device command", "device", "text", true),
    MQTT_PUBLISH("MQTT publish", "topic", "payload", true),
    RECORDING_MARKER("Recording marker", "label", null, false);

    private final String label;
    private final String firstField;
    private final String secondField;
    private final boolean external;

    ActionKind(String label, String firstField, String secondField, boolean external) {
        this.label = label;
        this.firstField = firstField;
        this.secondField = secondField;
        this.external = external;
    }

    public String label() {
        return label;
    }

    /** The model's name of the first text field (message, title, device, topic, label). */
    public String firstField() {
        return firstField;
    }

    /** The model's name of the second text field (body, text, payload), or null. */
    public String secondField() {
        return secondField;
    }

    /** Reaches outside Benchwatch: only runs when the trigger is armed. */
    public boolean isExternal() {
        return external;
    }

    @Override
    public String toString() {
        return label;
    }
}
