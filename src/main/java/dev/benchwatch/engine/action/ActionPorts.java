package dev.benchwatch.engine.action;

import java.util.Objects;

/**
 * Where actions go. The engine defines these interfaces; the device, MQTT, recording and UI layers
 * implement them. A port that is not connected fails the action with a clear message.
 */
public record ActionPorts(Notifier notifier, DeviceCommandPort devices, MqttPublishPort mqtt, MarkerPort markers) {

    /** Shows a notification to a person. */
    @FunctionalInterface
    public interface Notifier {
        void notify(String title, String message, String severity) throws Exception;
    }

    /** Sends bytes or text to a device. */
    @FunctionalInterface
    public interface DeviceCommandPort {
        void send(String device, String payload) throws Exception;
    }

    /** Publishes an MQTT message. */
    @FunctionalInterface
    public interface MqttPublishPort {
        void publish(String topic, String payload, int qos, boolean retain) throws Exception;
    }

    /** Adds a marker to the recording. */
    @FunctionalInterface
    public interface MarkerPort {
        void mark(long timestampNanos, String label) throws Exception;
    }

    public ActionPorts {
        Objects.requireNonNull(notifier);
        Objects.requireNonNull(devices);
        Objects.requireNonNull(mqtt);
        Objects.requireNonNull(markers);
    }

    /** Ports for a bare engine: notifications go to the log, the rest are not connected. */
    public static ActionPorts unconnected() {
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("benchwatch.notify");
        return new ActionPorts(
                (title, message, severity) -> log.warn("[{}] {}: {}", severity, title, message),
                (device, payload) -> {
                    throw new IllegalStateException("no device layer connected: cannot send to '" + device + "'");
                },
                (topic, payload, qos, retain) -> {
                    throw new IllegalStateException("no MQTT connection: cannot publish to '" + topic + "'");
                },
                (ts, label) -> {
                    throw new IllegalStateException("no recording in progress: marker '" + label + "' not written");
                });
    }

    public ActionPorts withNotifier(Notifier value) {
        return new ActionPorts(value, devices, mqtt, markers);
    }

    public ActionPorts withDevices(DeviceCommandPort value) {
        return new ActionPorts(notifier, value, mqtt, markers);
    }

    public ActionPorts withMqtt(MqttPublishPort value) {
        return new ActionPorts(notifier, devices, value, markers);
    }

    public ActionPorts withMarkers(MarkerPort value) {
        return new ActionPorts(notifier, devices, mqtt, value);
    }
}
