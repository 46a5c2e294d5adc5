package dev.benchwatch.device.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import dev.benchwatch.codec.DecodeError;
import dev.benchwatch.codec.DecodeErrorReason;
import dev.benchwatch.codec.Decoder;
import dev.benchwatch.device.DecodeErrorTally;
import dev.benchwatch.device.DeviceAdapter;
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
 * An MQTT source (HiveMQ client, MQTT 3.1.1 or 5): subscribes to the configured filters, decodes each payload
 * with a codec, and names device and channel from the topic. Reconnects by itself with backoff and
 * resubscribes; reports CONNECTED and DISCONNECTED as DEVICE_STATUS events. Readings go to the engine
 * with DROP_OLDEST, never blocking the client's network thread (drops are counted by the engine).
 * Also the port for MQTT publish actions.
 */
public final class MqttAdapter implements DeviceAdapter {
    private final String name;
    private final MqttSettings settings;
    private final MqttCredentials credentials; // null: anonymous
    private final Decoder decoder;
    private final BrokerConnection connection;
    private final DecodeErrorTally errors = new DecodeErrorTally();
    private final AtomicLong readings = new AtomicLong();
    private final AtomicLong unnamed = new AtomicLong();
    private final Map<String, Integer> channels = new HashMap<>();
    /** Topics seen, with what they map to; cleared when it reaches {@link #MAX_ROUTES}. */
    private final Map<String, TopicRoute> routes = new HashMap<>();
    static final int MAX_ROUTES = 10_000;
    /** Messages per topic whose device is not expected; bounded like {@link #routes}. */
    private final Map<String, java.util.concurrent.atomic.AtomicLong> unexpected =
            new java.util.concurrent.ConcurrentHashMap<>();
    private volatile java.util.Set<String> expectedDevices; // null: every device is expected
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
        MqttClientBuilder builder = MqttClient.builder()
                .identifier(settings.clientId())
                .serverHost(settings.host())
                .serverPort(settings.port());
        if (tls != null) {
            builder = withTls(builder, tls);
        }
        builder = builder
                .automaticReconnect().initialDelay(100, TimeUnit.MILLISECONDS).maxDelay(5, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(context -> {
                    connected = true;
                    tlsFailureReported = false;
                    subscribe(); // again after every reconnect: a clean session has forgotten them
                    status("CONNECTED", 3, "connected to " + settings.host() + ":" + settings.port()
                            + " (MQTT " + (settings.version() == 5 ? "5" : "3.1.1") + ")");
                })
                .addDisconnectedListener(this::onDisconnected);
        this.connection = BrokerConnection.build(builder, settings.version(), this::onMessage);
    }

    private void onDisconnected(MqttClientDisconnectedContext context) {
        BrokerConnection.Refusal refusal = connection.refusal(context.getCause());
        if (refusal != null) {
            refused = context.getCause();
            status("REFUSED", 8, "the broker refused the connection: " + refusal.description()
                    + (refusal.credentialsWrong() ? "; not retrying with the same credentials" : ""));
            if (refusal.credentialsWrong()) {
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
    }

    private static MqttClientBuilder withTls(MqttClientBuilder builder, MqttTls tls) {
        var ssl = builder.sslConfig();
        try {
            ssl = ssl.trustManagerFactory(tls.trustManagers());
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use CA file " + tls.caFile() + ": " + e.getMessage(), e);
        }
        if (tls.clientCertificate() != null) {
            try {
                ssl = ssl.keyManagerFactory(tls.clientCertificate().keyManagers());
            } catch (java.io.IOException | java.security.GeneralSecurityException e) {
                throw new IllegalArgumentException("cannot use client certificate "
                        + tls.clientCertificate().certificateFile() + ": " + e.getMessage(), e);
            }
        }
        if (!tls.verifyHostname()) {
            ssl = ssl.hostnameVerifier((host, session) -> true);
        }
        return ssl.applySslConfig();
    }

    private void subscribe() {
        for (String filter : settings.topicFilters()) {
            connection.subscribe(filter, settings.qos());
        }
    }

    @Override
    public void onDecodeError(Consumer<DecodeError> listener) {
        errors.listen(listener);
    }

    public void start(Engine engine) {
        start(new EngineOutput(engine, name, OverloadPolicy.DROP_OLDEST));
    }

    @Override
    public synchronized void start(DeviceOutput target) {
        output = target;
        connection.connect(settings.cleanSession(), credentials);
    }

    private synchronized void onMessage(String topic, byte[] payload) {
        if (output == null) {
            return;
        }
        TopicRoute route = routes.get(topic);
        if (route == null) {
            String device = settings.mapping().device(topic);
            String channel = settings.mapping().channel(topic);
            java.util.Set<String> expected = expectedDevices;
            route = device == null || channel == null ? TopicRoute.UNNAMED
                    : new TopicRoute(device, channel, expected != null && !expected.contains(device));
            if (routes.size() >= MAX_ROUTES) {
                routes.clear(); // a flood of distinct topics must not grow memory without bound
                unexpected.clear();
            }
            if (route.unexpected != null) {
                unexpected.put(topic, route.unexpected);
            }
            routes.put(topic, route);
        }
        if (!route.named()) {
            unnamed.incrementAndGet();
            return;
        }
        if (route.unexpected != null) {
            route.unexpected.incrementAndGet(); // still read: the alert says who sends, a person decides
        }
        long now = NanoClock.SYSTEM.nowNanos();
        TopicRoute named = route;
        decoder.decode(payload, 0, payload.length, named.device, 0, (field, value) -> {
            int id = named.channelOf(field, f -> channels.computeIfAbsent(
                    named.channelName(decoder.fields().name(f)), n -> output.channel(n, "", named.device)));
            output.reading(id, now, value);
            readings.incrementAndGet();
        }, error -> {
            errors.record(new DecodeError(named.device, 0, error.reason(), error.snippet(),
                    "topic " + topic + ": " + error.message()));
        });
    }

    /** Publishes (for trigger actions); blocks until the broker has it, so never call from the engine thread. */
    public void publish(String topic, String payload, int qos, boolean retain) throws Exception {
        connection.publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, retain);
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

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public long readings() {
        return readings.get();
    }

    /** Decoding errors per reason so far. */
    @Override
    public Map<DecodeErrorReason, Long> errorCounts() {
        return errors.counts();
    }

    public long errors(DecodeErrorReason reason) {
        return errors.count(reason);
    }

    /**
     * QoS 0 messages the MQTT client discarded because subscribers fell behind, for all MQTT connections
     * of this process (the client does not say which); -1 when they cannot be counted. Use QoS 1 where
     * no message may be lost.
     */
    public static long droppedByClientQueue() {
        return ClientQueueDrops.count();
    }

    /**
     * Names the devices this broker's topics may carry; a message whose topic maps to any other device is
     * still read, and counted per topic in {@link #unexpectedSenders()} (a spoofed or misconfigured
     * sender). Checked once per topic, when its route is first worked out, so call it before {@code start}.
     * Null (the default) expects every device.
     */
    public void expectDevices(java.util.Set<String> devices) {
        expectedDevices = devices == null ? null : java.util.Set.copyOf(devices);
    }

    /** Messages per topic whose device was not expected ({@link #expectDevices}). */
    @Override
    public Map<String, Long> unexpectedSenders() {
        Map<String, Long> out = new HashMap<>();
        unexpected.forEach((topic, count) -> out.put(topic, count.get()));
        return out;
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
            connection.disconnect();
        } catch (Exception e) {
            // already gone
        }
    }
}
