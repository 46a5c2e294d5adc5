package dev.benchwatch.device.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.codec.DecodeError;
import dev.benchwatch.codec.DecodeErrorReason;
import dev.benchwatch.codec.decode.JsonPointerDecoder;
import dev.benchwatch.codec.decode.LabelValueDecoder;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Against a real mosquitto broker on a free loopback port, with mosquitto_pub as the independent publisher. */
class MqttAdapterMosquittoTest {
    @TempDir
    Path dir;
    private MosquittoBroker broker;
    private String extraConfig = "allow_anonymous true\n";

    private void startBroker() throws Exception {
        if (broker == null) {
            broker = new MosquittoBroker(dir);
        }
        // persistence: sessions and their queued QoS 1 messages survive a broker restart
        broker.start(extraConfig + "persistence true\npersistence_location " + dir + "/\n");
        port = broker.port();
    }

    private int port;

    @AfterEach
    void stopBroker() throws Exception {
        if (broker != null) {
            broker.stop();
        }
    }

    private void publish(String topic, String payload) throws Exception {
        broker.publish(topic, payload);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        MosquittoBroker.await(condition, what);
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(ints = {3, 5})
    void wildcardTopicsBecomeDevicesAndChannelsAndTheAdapterSurvivesABrokerRestart(int version) throws Exception {
        startBroker();
        List<DecodeError> errors = new ArrayList<>();
        try (Engine engine = new Engine()) {
            engine.start();
            // plain numbers on lab/<device>/temp, JSON documents on lab/<device>/env
            MqttAdapter adapter = new MqttAdapter("lab-temp", new MqttSettings("127.0.0.1", port, "bw-temp", version, true,
                    List.of("lab/+/temp"), 1, new TopicMapping("{1}", "{2}")), new LabelValueDecoder());
            MqttAdapter json = new MqttAdapter("lab-env", new MqttSettings("127.0.0.1", port, "bw-env", version, true,
                    List.of("lab/+/env"), 1, new TopicMapping("{1}", "{2}")), JsonPointerDecoder.allNumericLeaves(64));
            json.onDecodeError(e -> {
                synchronized (errors) {
                    errors.add(e);
                }
            });
            adapter.start(engine);
            json.start(engine);
            await(() -> adapter.isConnected() && json.isConnected(), "the adapters to connect");
            Thread.sleep(300); // the subscriptions are sent on connect

            publish("lab/oven/temp", "181.5");
            publish("lab/fridge/env", "{\"t\": 4.5, \"rh\": {\"pct\": 40}}");
            publish("lab/fridge/env", "{\"broken\": ");
            publish("lab/oven/other", "1");               // not subscribed
            await(() -> adapter.readings() == 1 && json.readings() == 2, "three readings");
            await(() -> json.errors(DecodeErrorReason.TRUNCATED_JSON) == 1, "the truncated payload counted");
            await(() -> engine.snapshotNow().metrics().accepted() == 3, "the engine to take the three readings");
            EngineSnapshot snapshot = engine.snapshotNow();
            assertThat(snapshot.channel("oven.temp").latest()).isEqualTo(181.5);
            assertThat(snapshot.channel("oven.temp").device()).isEqualTo("oven");
            assertThat(snapshot.channel("fridge.env._t").latest()).isEqualTo(4.5);
            assertThat(snapshot.channel("fridge.env._rh_pct").latest()).isEqualTo(40.0);
            synchronized (errors) {
                assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.device()).isEqualTo("fridge");
                    assertThat(e.message()).contains("topic lab/fridge/env");
                });
            }

            // the broker restarts: the adapter notices, reconnects, resubscribes and reads on
            broker.stop();
            await(() -> !adapter.isConnected(), "the adapter to notice the broker is gone");
            startBroker();
            await(adapter::isConnected, "the adapter to reconnect");
            Thread.sleep(300);
            publish("lab/oven/temp", "190");
            await(() -> engine.snapshotNow().channel("oven.temp").latest() == 190.0, "a reading after the restart");
            adapter.close();
            json.close();
        }
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(ints = {3, 5})
    void withAPersistentSessionQos1MessagesPublishedAroundABrokerRestartAreNotLost(int version) throws Exception {
        startBroker();
        try (Engine engine = new Engine()) {
            engine.start();
            MqttAdapter adapter = new MqttAdapter("plant", new MqttSettings("127.0.0.1", port, "bw-persistent", version,
                    false /* persistent session */, List.of("plant/+/level"), 1, new TopicMapping("{1}", "{2}")),
                    new LabelValueDecoder());
            adapter.start(engine);
            await(adapter::isConnected, "the adapter to connect");
            Thread.sleep(300);
            publish("plant/tank/level", "1");
            await(() -> adapter.readings() == 1, "the first reading");

            broker.stop();
            await(() -> !adapter.isConnected(), "the adapter to notice the broker is gone");
            startBroker();
            // published at once, most of them before the adapter is back: the broker queues them in its session
            for (int i = 2; i <= 20; i++) {
                publish("plant/tank/level", Integer.toString(i));
            }
            await(() -> adapter.readings() == 20, "all 20 readings");
            await(() -> engine.history("tank.level").size() == 20, "the engine to take all 20");
            double[] values = new double[32];
            int n = engine.history("tank.level").copyTo(new long[32], values);
            assertThat(java.util.Arrays.copyOf(values, n)).containsExactly(
                    java.util.stream.IntStream.rangeClosed(1, 20).asDoubleStream().toArray());
            adapter.close();
        }
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(ints = {3, 5})
    void passwordsComeFromTheEnvironmentAndAWrongOneIsRefusedClearly(int version) throws Exception {
        Path passwords = dir.resolve("passwd");
        Process passwd = new ProcessBuilder("mosquitto_passwd", "-c", "-b", passwords.toString(), "bench", "s3cret")
                .redirectErrorStream(true).start();
        assertThat(passwd.waitFor(10, TimeUnit.SECONDS)).isTrue();
        extraConfig = "allow_anonymous false\npassword_file " + passwords + "\n";
        startBroker();
        List<dev.benchwatch.engine.event.Event> statuses = new ArrayList<>();
        try (Engine engine = new Engine()) {
            engine.onEvent(dev.benchwatch.engine.event.EventType.DEVICE_STATUS, e -> {
                synchronized (statuses) {
                    statuses.add(e);
                }
            });
            engine.start();
            MqttSettings settings = new MqttSettings("127.0.0.1", port, "bw-auth", version, true, List.of("secure/+/v"), 1,
                    new TopicMapping("{1}", "{2}"));
            MqttCredentials wrong = MqttCredentials.fromEnvironment("bench", "BENCH_MQTT_PASSWORD",
                    java.util.Map.of("BENCH_MQTT_PASSWORD", "guess"));
            assertThat(wrong.toString()).doesNotContain("guess");
            MqttAdapter refused = new MqttAdapter("secure", settings, wrong, new LabelValueDecoder());
            refused.start(engine);
            await(() -> refused.connectionFailure() != null, "the refusal");
            engine.events().awaitIdle(5, TimeUnit.SECONDS);
            await(() -> {
                synchronized (statuses) {
                    return statuses.stream().anyMatch(e -> "REFUSED".equals(e.metadata().get("state")));
                }
            }, "a REFUSED status event");
            synchronized (statuses) {
                assertThat(statuses).filteredOn(e -> "REFUSED".equals(e.metadata().get("state"))).first()
                        .satisfies(e -> assertThat(e.data()).contains("bad user name or password"));
            }
            refused.close();

            MqttCredentials right = MqttCredentials.fromEnvironment("bench", "BENCH_MQTT_PASSWORD",
                    java.util.Map.of("BENCH_MQTT_PASSWORD", "s3cret"));
            MqttAdapter adapter = new MqttAdapter("secure-ok", new MqttSettings("127.0.0.1", port, "bw-auth-ok", version, true,
                    List.of("secure/+/v"), 1, new TopicMapping("{1}", "{2}")), right, new LabelValueDecoder());
            adapter.start(engine);
            await(adapter::isConnected, "the adapter with the right password to connect");
            Thread.sleep(300);
            broker.publish("secure/box/v", "7", "-u", "bench", "-P", "s3cret");
            await(() -> adapter.readings() == 1, "a reading over the authenticated connection");
            adapter.close();
        }
    }

    @Test
    void aPasswordFileReadableByOthersIsRefused() throws Exception {
        Path file = dir.resolve("mqtt-password");
        Files.writeString(file, "s3cret\n");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MqttCredentials.fromFile("bench", file))
                .hasMessageContaining("readable by others; chmod 600");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThat(MqttCredentials.fromFile("bench", file).username()).isEqualTo("bench");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MqttCredentials.fromEnvironment("bench", "NOPE",
                java.util.Map.of())).hasMessageContaining("environment variable NOPE");
    }
}
