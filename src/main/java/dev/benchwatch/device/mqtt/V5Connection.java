package dev.benchwatch.device.mqtt;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * MQTT 5: a persistent session is "clean start off" plus a session expiry interval, without which the
 * broker forgets the session, and the messages queued for it, the moment the connection drops.
 */
final class V5Connection implements BrokerConnection {
    /** How long the broker keeps a persistent session, and its queued messages, while we are away. */
    static final long PERSISTENT_SESSION_EXPIRY_S = 24 * 60 * 60;

    private final Mqtt5AsyncClient client;

    V5Connection(Mqtt5AsyncClient client, BiConsumer<String, byte[]> messages) {
        this.client = client;
        client.publishes(MqttGlobalPublishFilter.SUBSCRIBED,
                publish -> messages.accept(publish.getTopic().toString(), publish.getPayloadAsBytes()));
    }

    @Override
    public void connect(boolean cleanSession, MqttCredentials credentials) {
        var connect = client.connectWith().cleanStart(cleanSession)
                .sessionExpiryInterval(cleanSession ? 0 : PERSISTENT_SESSION_EXPIRY_S);
        if (credentials != null) {
            connect = connect.simpleAuth().username(credentials.username()).password(credentials.password())
                    .applySimpleAuth();
        }
        connect.send();
    }

    @Override
    public void subscribe(String filter, int qos) {
        client.subscribeWith().topicFilter(filter).qos(MqttQos.fromCode(qos)).send();
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retain) throws Exception {
        Mqtt5PublishResult result = client.publishWith().topic(topic).payload(payload).qos(MqttQos.fromCode(qos))
                .retain(retain).send().get(10, TimeUnit.SECONDS);
        if (result.getError().isPresent()) { // MQTT 5 brokers can refuse a single publish (e.g. not authorized)
            throw new IllegalStateException("the broker refused the publish to " + topic + ": "
                    + result.getError().get().getMessage(), result.getError().get());
        }
    }

    @Override
    public void disconnect() throws Exception {
        client.disconnect().get(5, TimeUnit.SECONDS);
    }

    @Override
    public Refusal refusal(Throwable cause) {
        if (!(cause instanceof Mqtt5ConnAckException refused)) {
            return null;
        }
        Mqtt5ConnAck ack = refused.getMqttMessage();
        Mqtt5ConnAckReasonCode code = ack.getReasonCode();
        boolean credentialsWrong = code == Mqtt5ConnAckReasonCode.NOT_AUTHORIZED
                || code == Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD;
        String reason = ack.getReasonString().map(Object::toString).map(s -> " (" + s + ")").orElse("");
        return new Refusal((credentialsWrong ? "bad user name or password: " : "") + code + reason, credentialsWrong);
    }
}
