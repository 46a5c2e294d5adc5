package dev.benchwatch.device.mqtt;

import java.util.List;

/**
 * How to reach a broker and what to subscribe to.
 *
 * @param version      3 (MQTT 3.1.1) or 5
 * @param cleanSession false keeps a persistent session: with QoS 1, messages published while the
 *                     adapter is away are delivered when it comes back
 * @param topicFilters one or more filters, wildcards allowed ({@code lab/+/temp}, {@code lab/#})
 * @param qos          0, 1 or 2 for the subscriptions
 */
public record MqttSettings(String host, int port, String clientId, int version, boolean cleanSession,
                           List<String> topicFilters, int qos, TopicMapping mapping) {
    public MqttSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("MQTT host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("MQTT port must be 1-65535, got " + port);
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("MQTT client id must not be empty");
        }
        if (version != 3 && version != 5) {
            throw new IllegalArgumentException("MQTT version must be 3 (3.1.1) or 5, got " + version);
        }
        if (topicFilters == null || topicFilters.isEmpty()) {
            throw new IllegalArgumentException("MQTT needs at least one topic filter");
        }
        topicFilters = List.copyOf(topicFilters);
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("MQTT QoS must be 0, 1 or 2, got " + qos);
        }
        if (mapping == null) {
            throw new IllegalArgumentException("MQTT needs a topic mapping");
        }
    }
}
