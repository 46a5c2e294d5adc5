package dev.benchwatch.device.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import dev.benchwatch.codec.DecodeError;
import dev.benchwatch.codec.DecodeErrorReason;
import dev.benchwatch.codec.Decoder;
import dev.benchwatch.device.DecodeErrorTally;
import dev.benchwatch.device.DeviceOutput;
import dev.benchwatch.device.EngineOutput;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.NanoClock;
import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.event.EventType;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * An MQTT source (HiveMQ client, MQTT 3.1.1): subscribes to the configured filters, decodes each payload
 * with a codec, and names device and channel from the topic. Reconnects by itself with backoff and
 * resubscribes; reports CONNECTED and DISCONNECTED as DEVICE_STATUS events. Readings go to the engine
 * with DROP_OLDEST, never blocking the client's network thread (drops are counted by the engine).
 * Also the port for MQTT publish actions.
 */
public final class MqttAdapter implements AutoCloseable {
    private final String name;
    private final MqttSettings settings;
    private final MqttCredentials credentials; // null: anonymous
    private final Decoder decoder;
    private final Mqtt3AsyncClient client;
    private final DecodeErrorTally errors = new DecodeErrorTally();
    private final AtomicLong readings = new AtomicLong();
    private final AtomicLong unnamed = new AtomicLong();
    private final Map<String, Integer> channels = new HashMap<>();
    private volatile boolean connected;
    private volatile boolean tlsFailureReported;
    private DeviceOutput output;

    public MqttAdapter(String name, MqttSettings settings, Decoder decoder) {
        this(name, settings, null, decoder);
    }

    public MqttAdapter(String name, MqttSettings settings, MqttCredentials credentials, Decoder decoder) {
        this(name, settings, credentials, null, decoder);
    }

    /**
     * @param credentials null for an anonymous connection
     * @param tls         null for plain TCP
     * @throws IllegalArgumentException when the CA file cannot be read
     */
    public MqttAdapter(String name, MqttSettings settings, MqttCredentials credentials, MqttTls tls, Decoder decoder) {
        this.name = name;
        this.credentials = credentials;
        this.settings = settings;
        this.decoder = decoder;
        var builder = MqttClient.builder()
                .useMqttVersion3()
                .identifier(settings.clientId())
                .serverHost(settings.host())
                .serverPort(settings.port());
        if (tls != null) {
            try {
                var ssl = builder.sslConfig().trustManagerFactory(tls.trustManagers());
                if (!tls.verifyHostname()) {
                    ssl = ssl.hostnameVerifier((host, session) -> true);
                }
                builder = ssl.applySslConfig();
            } catch (java.io.IOException | java.security.GeneralSecurityException e) {
                throw new IllegalArgumentException("cannot use CA file " + tls.caFile() + ": " + e.getMessage(), e);
            }
        }
        this.client = builder
                .automaticReconnect().initialDelay(100, TimeUnit.MILLISECONDS).maxDelay(5, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(context -> {
                    connected = true;
                    tlsFailureReported = false;
                    subscribe(); // again after every reconnect: a clean session has forgotten them
                    status("CONNECTED", 3, "connected to " + settings.host() + ":" + settings.port());
                })
                .addDisconnectedListener(context -> {
                    if (context.getCause() instanceof Mqtt3ConnAckException refusal) {
                        refused = refusal;
                        Mqtt3ConnAckReturnCode code = refusal.getMqttMessage().getReturnCode();
                        boolean credentialsWrong = code == Mqtt3ConnAckReturnCode.NOT_AUTHORIZED
                                || code == Mqtt3ConnAckReturnCode.BAD_USER_NAME_OR_PASSWORD;
                        status("REFUSED", 8, "the broker refused the connection: " + describe(refusal)
                                + (credentialsWrong ? "; not retrying with the same credentials" : ""));
                        if (credentialsWrong) {
                            context.getReconnector().reconnect(false);
                        }
                        return;
                    }
                    if (!connected && isTlsFailure(context.getCause())) {
                        if (!tlsFailureReported) { // once per outage, not at every retry
                            tlsFailureReported = true;
                            status("TLS_FAILED", 8, "TLS handshake with the broker failed: " + context.getCause());
                        }
                        return;
                    }
                    if (connected) {
                        connected = false;
                        status("DISCONNECTED", 7, "lost the broker: " + context.getCause().getMessage()
                                + "; reconnecting");
                    }
                })
                .buildAsync();
        // one global callback, however often the filters are subscribed again
        client.publishes(MqttGlobalPublishFilter.SUBSCRIBED, this::onMessage);
    }

    private void subscribe() {
        for (String filter : settings.topicFilters()) {
            client.subscribeWith().topicFilter(filter).qos(qos(settings.qos())).send();
        }
    }

    public void onDecodeError(Consumer<DecodeError> listener) {
        errors.listen(listener);
    }

    public void start(Engine engine) {
        start(new EngineOutput(engine, name, OverloadPolicy.DROP_OLDEST));
    }

    public synchronized void start(DeviceOutput target) {
        output = target;
        var connect = client.connectWith().cleanSession(settings.cleanSession());
        if (credentials != null) {
            connect = connect.simpleAuth().username(credentials.username()).password(credentials.password())
                    .applySimpleAuth();
        }
        connect.send(); // failures arrive through the disconnected listener
    }

    private static MqttQos qos(int code) {
        return MqttQos.fromCode(code);
    }

    private synchronized void onMessage(Mqtt3Publish publish) {
        if (output == null) {
            return;
        }
        String topic = publish.getTopic().toString();
        String device = settings.mapping().device(topic);
        String channel = settings.mapping().channel(topic);
        if (device == null || channel == null) {
            unnamed.incrementAndGet();
            return;
        }
        byte[] payload = publish.getPayloadAsBytes();
        long now = NanoClock.SYSTEM.nowNanos();
        decoder.decode(payload, 0, payload.length, device, 0, (field, value) -> {
            String fieldName = decoder.fields().name(field);
            String full = device + "." + channel + (fieldName.equals("value") || fieldName.equals("value1") ? ""
                    : "." + fieldName.replaceAll("[^A-Za-z0-9_.\\-]", "_"));
            int id = channels.computeIfAbsent(full, n -> output.channel(n, "", device));
            output.reading(id, now, value);
            readings.incrementAndGet();
        }, error -> {
            errors.record(new DecodeError(device, 0, error.reason(), error.snippet(),
                    "topic " + topic + ": " + error.message()));
        });
    }

    /** Publishes (for trigger actions); blocks until the broker has it, so never call from the engine thread. */
    public void publish(String topic, String payload, int qos, boolean retain) throws Exception {
        client.publishWith().topic(topic).payload(payload.getBytes(StandardCharsets.UTF_8)).qos(qos(qos))
                .retain(retain).send().get(10, TimeUnit.SECONDS);
    }

    private volatile Throwable refused;

    /** Why the last connection attempt failed, or null. */
    public Throwable connectionFailure() {
        return refused;
    }

    private static boolean isTlsFailure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String text = String.valueOf(cause.getMessage());
        if (text.contains("NOT_AUTHORIZED") || text.contains("BAD_USER_NAME_OR_PASSWORD")) {
            return "bad user name or password (" + text + ")";
        }
        return text;
    }

    public boolean isConnected() {
        return connected;
    }

    public long readings() {
        return readings.get();
    }

    /** Decoding errors per reason so far. */
    public Map<DecodeErrorReason, Long> errorCounts() {
        return errors.counts();
    }

    public long errors(DecodeErrorReason reason) {
        return errors.count(reason);
    }

    /** Messages whose topic has too few levels for the mapping. */
    public long unnamedMessages() {
        return unnamed.get();
    }

    private void status(String state, int priority, String message) {
        DeviceOutput out = output;
        if (out != null) {
            out.status(new Event(0, EventType.DEVICE_STATUS, name, NanoClock.SYSTEM.nowNanos(),
                    "mqtt '" + name + "': " + message, priority, "", Map.of("state", state, "kind", "mqtt")));
        }
    }

    @Override
    public void close() {
        try {
            client.disconnect().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // already gone
        }
    }
}
