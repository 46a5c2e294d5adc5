package dev.benchwatch.device.mqtt;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/** MQTT 3.1.1: a persistent session is simply "clean session off". */
final class V3Connection implements BrokerConnection {
    private final Mqtt3AsyncClient client;

    V3Connection(Mqtt3AsyncClient client, BiConsumer<String, byte[]> messages) {
        this.client = client;
        // one global callback, however often the filters are subscribed again
        client.publishes(MqttGlobalPublishFilter.SUBSCRIBED,
                publish -> messages.accept(publish.getTopic().toString(), publish.getPayloadAsBytes()));
    }

    @Override
    public void connect(boolean cleanSession, MqttCredentials credentials) {
        var connect = client.connectWith().cleanSession(cleanSession);
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
        client.publishWith().topic(topic).payload(payload).qos(MqttQos.fromCode(qos)).retain(retain).send()
                .get(10, TimeUnit.SECONDS);
    }

    @Override
    public void disconnect() throws Exception {
        client.disconnect().get(5, TimeUnit.SECONDS);
    }

    @Override
    public Refusal refusal(Throwable cause) {
        if (!(cause instanceof Mqtt3ConnAckException refused)) {
            return null;
        }
        Mqtt3ConnAckReturnCode code = refused.getMqttMessage().getReturnCode();
        boolean credentialsWrong = code == Mqtt3ConnAckReturnCode.NOT_AUTHORIZED
                || code == Mqtt3ConnAckReturnCode.BAD_USER_NAME_OR_PASSWORD;
        return new Refusal(credentialsWrong ? "bad user name or password (" + code + ")" : code.toString(),
                credentialsWrong);
    }
}
