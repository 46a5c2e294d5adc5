package dev.benchwatch.device.mqtt;

import com.hivemq.client.mqtt.MqttClientBuilder;
import java.util.function.BiConsumer;

/**
 * The half of an MQTT connection that differs between protocol versions (HiveMQ has one client type per
 * version): connect, subscribe, publish and reading the broker's refusal. Everything else (TLS,
 * reconnecting, decoding) is common and stays in {@link MqttAdapter}.
 */
sealed interface BrokerConnection permits V3Connection, V5Connection {

    /** Finishes {@code builder} for {@code version} (3 or 5) and delivers every subscribed message to {@code messages}. */
    static BrokerConnection build(MqttClientBuilder builder, int version, BiConsumer<String, byte[]> messages) {
        return version == 5 ? new V5Connection(builder.useMqttVersion5().buildAsync(), messages)
                : new V3Connection(builder.useMqttVersion3().buildAsync(), messages);
    }

    /** Connects once; failures arrive through the disconnected listener of the builder. */
    void connect(boolean cleanSession, MqttCredentials credentials);

    void subscribe(String filter, int qos);

    /** Blocks until the broker has the message (QoS 1 and 2) or it is sent (QoS 0). */
    void publish(String topic, byte[] payload, int qos, boolean retain) throws Exception;

    void disconnect() throws Exception;

    /** The broker's refusal behind {@code cause}, or null when the connection failed for another reason. */
    Refusal refusal(Throwable cause);

    /**
     * @param description      what the broker said, for a person
     * @param credentialsWrong the user name or password was refused: retrying with them cannot help
     */
    record Refusal(String description, boolean credentialsWrong) {
    }
}
