package dev.benchwatch.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.device.DeviceBench;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineConfig;
import dev.benchwatch.engine.EngineSnapshot;
import dev.benchwatch.engine.detect.DetectorKind;
import dev.benchwatch.engine.metrics.ChannelValue;
import dev.benchwatch.engine.metrics.DetectorStatus;
import dev.benchwatch.engine.metrics.TriggerStatus;
import dev.benchwatch.engine.action.ActionSpec;
import dev.benchwatch.engine.trigger.Severity;
import dev.benchwatch.workspace.file.TriggerConfig;
import dev.benchwatch.workspace.file.Workspace;
import dev.benchwatch.workspace.trigger.TriggerModel;
import dev.benchwatch.workspace.trigger.TriggerText;
import dev.benchwatch.workspace.file.WorkspaceReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceSetupTest {
    private static final Path NAB = Path.of("src/test/resources/nab/machine_temperature_system_failure.csv");

    @TempDir
    Path dir;

    private Engine engine;
    private DeviceBench bench;

    @AfterEach
    void close() {
        if (bench != null) {
            bench.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void demoWorkspaceRunsItsSimulatorsPipelinesAndTriggers() throws Exception {
        Workspace workspace = read(Path.of("src/main/resources/workspaces/demo.json"));
        engine = new Engine();
        bench = new DeviceBench(engine);

        WorkspaceSetupReport report = WorkspaceSetup.apply(workspace, engine, bench, Map.of());
        engine.start();

        assertThat(report.errors()).isEmpty();
        assertThat(report.devicesAdded()).containsExactly("oven", "psu", "shaker");
        assertThat(report.charts()).containsExactly(List.of("oven_temp", "oven_temp_f"),
                List.of("psu_volts", "psu_amps", "psu_power"), List.of("vibration", "vibration_shocks"));
        EngineSnapshot snapshot = await(s -> count(s, "oven_temp") > 0 && count(s, "oven_temp_f") > 0
                && count(s, "psu_volts") > 0 && count(s, "psu_power") > 0 && count(s, "vibration") > 0);
        assertThat(snapshot.channel("oven_temp").unit()).isEqualTo("°C");
        assertThat(snapshot.channel("oven_temp_f").unit()).isEqualTo("°F");
        assertThat(snapshot.triggers()).extracting(TriggerStatus::id)
                .containsExactlyInAnyOrder("oven_overheat", "power_surge", "vibration_burst");
        TriggerStatus oven = snapshot.trigger("oven_overheat");
        assertThat(oven.name()).isEqualTo("Oven overheating");
        assertThat(oven.shadow()).isFalse();
        assertThat(oven.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(snapshot.trigger("power_surge").shadow()).isTrue();
        assertThat(bench.devices()).allSatisfy(d -> assertThat(d.adapter().isConnected()).isTrue());
    }

    @Test
    void anMqttDeviceWithoutItsPasswordIsReportedAndTheSimulatorStillRuns() throws Exception {
        Workspace workspace = write("""
                {
                  "schemaVersion": 1,
                  "devices": [
                    {"name": "lab", "kind": "mqtt", "host": "127.0.0.1", "username": "bench",
                     "passwordEnv": "BENCHWATCH_TEST_UNSET_PW", "topics": ["lab/#"]},
                    {"name": "sim", "kind": "simulator", "channels": [
                      {"name": "level", "unit": "mm", "waveforms": [{"type": "noise", "sigma": 1}]}]},
                    {"name": "lab2", "kind": "mqtt", "host": "127.0.0.1",
                     "tls": {"certFile": "c.pem", "keyFile": "k.pem", "keyPassphraseEnv": "BENCHWATCH_TEST_UNSET_KEY"},
                     "topics": ["lab/#"]}
                  ]
                }
                """);
        engine = new Engine();
        bench = new DeviceBench(engine);

        WorkspaceSetupReport report = WorkspaceSetup.apply(workspace, engine, bench, Map.of("OTHER", "x"));
        engine.start();

        assertThat(report.devicesAdded()).containsExactly("sim");
        assertThat(report.errors()).hasSize(2);
        assertThat(report.errorsFor("lab")).singleElement().satisfies(p -> {
            assertThat(p.part()).isEqualTo(WorkspaceSetupReport.Part.DEVICE);
            assertThat(p.message()).contains("BENCHWATCH_TEST_UNSET_PW").contains("not set");
            assertThat(p.toString()).startsWith("device 'lab': ");
        });
        assertThat(report.errorsFor("lab2")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("BENCHWATCH_TEST_UNSET_KEY"));
        await(s -> count(s, "level") > 10);
        assertThat(bench.find("lab")).isEmpty();
        assertThat(bench.find("sim")).hasValueSatisfying(d -> assertThat(d.adapter().isConnected()).isTrue());
    }

    @Test
    void aPasswordTheWorkspaceDoesNotNameIsAskedForAndLetsTheDeviceIn() throws Exception {
        Path passwords = dir.resolve("passwd");
        Process passwd = new ProcessBuilder("mosquitto_passwd", "-c", "-b", passwords.toString(), "bench", "s3cret")
                .redirectErrorStream(true).start();
        assertThat(passwd.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        try (dev.benchwatch.device.mqtt.MosquittoBroker broker = new dev.benchwatch.device.mqtt.MosquittoBroker(dir)) {
            broker.start("allow_anonymous false\npassword_file " + passwords + "\n");
            Workspace workspace = write("""
                    {
                      "schemaVersion": 1,
                      "devices": [
                        {"name": "lab", "kind": "mqtt", "host": "127.0.0.1", "port": %d, "username": "bench",
                         "topics": ["lab/+/+"], "decoder": {"format": "kv"}},
                        {"name": "lab_declined", "kind": "mqtt", "host": "127.0.0.1", "port": %d, "username": "guest",
                         "topics": ["other/#"]}
                      ]
                    }
                    """.formatted(broker.port(), broker.port()));
            engine = new Engine();
            bench = new DeviceBench(engine);
            List<String> asked = new java.util.ArrayList<>();

            WorkspaceSetupReport report = WorkspaceSetup.apply(workspace, engine, bench, Map.of(), dir,
                    (device, user) -> {
                        asked.add(device + "/" + user);
                        return device.equals("lab") ? "s3cret".toCharArray() : null;
                    });
            engine.start();

            assertThat(asked).containsExactly("lab/bench", "lab_declined/guest");
            assertThat(report.devicesAdded()).containsExactly("lab");
            assertThat(report.errorsFor("lab_declined")).singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("user 'guest' needs a password: none was typed"));
            dev.benchwatch.device.mqtt.MosquittoBroker.await(() -> bench.find("lab").orElseThrow().adapter().isConnected(),
                    "the device to log in with the typed password");
            broker.publish("lab/oven/temp", "21.5", "-u", "bench", "-P", "s3cret", "-r"); // retained: the subscription may land just after
            await(s -> count(s, "oven.temp") > 0);
        }
    }

    @Test
    void aReplayDeviceReplaysTheRecordingIntoTheEngineThroughItsScaling() throws Exception {
        List<String> lines = Files.readAllLines(NAB, StandardCharsets.UTF_8);
        String[] last = lines.get(lines.size() - 1).split(",");
        double lastValue = Double.parseDouble(last[1]);
        long lastNanos = LocalDateTime.parse(last[0], DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
                .toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L;
        Files.copy(NAB, dir.resolve("machine.csv"));
        Workspace workspace = write("""
                {
                  "schemaVersion": 1,
                  "devices": [
                    {"name": "machine", "kind": "replay", "file": "machine.csv", "channel": "machine_temp",
                     "unit": "°F", "speed": "max", "timestamps": "recorded"}
                  ],
                  "channels": [
                    {"name": "machine_temp", "unit": "°C", "device": "machine",
                     "scaling": {"scale": 0.5, "offset": -16}}
                  ],
                  "triggers": [
                    {"id": "machine_hot", "when": "max(machine_temp, 1h) > 40"}
                  ]
                }
                """);
        engine = new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO).build());
        bench = new DeviceBench(engine);

        WorkspaceSetupReport report = WorkspaceSetup.apply(workspace, engine, bench, Map.of(), dir);
        engine.start();

        assertThat(report.errors()).isEmpty();
        assertThat(report.rawChannels()).containsExactly(Map.entry("machine_temp", "machine_temp.raw"));
        EngineSnapshot snapshot = await(s -> latestNanos(s, "machine_temp") == lastNanos);
        ChannelValue raw = snapshot.channel("machine_temp.raw");
        assertThat(raw.unit()).isEqualTo("°F");
        assertThat(raw.device()).isEqualTo("machine");
        assertThat(raw.latest()).isEqualTo(lastValue);
        assertThat(raw.latestNanos()).isEqualTo(lastNanos);
        ChannelValue scaled = snapshot.channel("machine_temp");
        assertThat(scaled.unit()).isEqualTo("°C");
        assertThat(scaled.latest()).isCloseTo(lastValue * 0.5 - 16, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(snapshot.trigger("machine_hot").enabled()).isTrue();
    }

    @Test
    void declaredDetectorsRunOnTheirChannelsAndReportAnomalies() throws Exception {
        Files.copy(NAB, dir.resolve("machine.csv"));
        Workspace workspace = write("""
                {
                  "schemaVersion": 1,
                  "devices": [
                    {"name": "machine", "kind": "replay", "file": "machine.csv", "channel": "machine_temp",
                     "speed": "max", "timestamps": "recorded"}
                  ],
                  "channels": [
                    {"name": "machine_temp", "unit": "°C", "device": "machine", "scaling": {"scale": 1}}
                  ],
                  "detectors": [
                    {"channel": "machine_temp", "detector": "ewma", "window": "3h"},
                    {"channel": "machine_temp", "detector": "trend"}
                  ]
                }
                """);
        engine = new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO).build());
        List<dev.benchwatch.engine.event.Event> anomalies = new java.util.concurrent.CopyOnWriteArrayList<>();
        engine.onEvent(dev.benchwatch.engine.event.EventType.ANOMALY_DETECTED, anomalies::add);
        bench = new DeviceBench(engine);

        WorkspaceSetupReport report = WorkspaceSetup.apply(workspace, engine, bench, Map.of(), dir);
        engine.start();

        assertThat(report.errors()).isEmpty();
        assertThat(engine.detectors("machine_temp")).containsExactly(
                new DetectorStatus("machine_temp", DetectorKind.EWMA, Duration.ofHours(3).toNanos(), true, 0),
                new DetectorStatus("machine_temp", DetectorKind.TREND, 0, true, 0));
        long lines = Files.readAllLines(NAB).size() - 1;
        await(s -> count(s, "machine_temp") == lines);
        engine.events().awaitIdle(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(anomalies).extracting(e -> e.metadata().get("detector")).contains("ewma", "trend")
                .containsOnly("ewma", "trend");
        assertThat(anomalies).allSatisfy(e -> {
            assertThat(e.metadata()).containsEntry("channel", "machine_temp");
            assertThat(e.data()).startsWith("machine_temp: ");
        });
    }

    @Test
    void aSerialDeviceOnAMissingPortIsAddedAndNotConnected() throws Exception {
        Workspace workspace = write("""
                {
                  "schemaVersion": 1,
                  "devices": [
                    {"name": "board", "kind": "serial", "port": "/dev/ttyBENCHWATCH_MISSING", "baud": 115200},
                    {"name": "sim", "kind": "simulator", "channels": [
                      {"name": "level", "waveforms": [{"type": "noise", "sigma": 1}]}]}
                  ],
                  "channels": [
                    {"name": "board.temp", "unit": "°C", "device": "board", "scaling": {"scale": 0.1}},
                    {"name": "board.hum", "unit": "%", "device": "board"}
                  ]
                }
                """);
        engine = new Engine();
        bench = new DeviceBench(engine);

        WorkspaceSetupReport report = WorkspaceSetup.apply(workspace, engine, bench, Map.of());
        engine.start();

        assertThat(report.errors()).isEmpty();
        assertThat(report.devicesAdded()).containsExactly("board", "sim");
        await(s -> count(s, "level") > 0);
        assertThat(bench.find("board")).hasValueSatisfying(d -> {
            assertThat(d.kind()).isEqualTo("serial");
            assertThat(d.started()).isTrue();
            assertThat(d.adapter().isConnected()).isFalse();
            assertThat(d.adapter()).isInstanceOf(RoutedAdapter.class);
        });
        assertThat(engine.channels().find("board.temp.raw")).hasValueSatisfying(c -> assertThat(c.device())
                .isEqualTo("board"));
        assertThat(engine.channels().find("board.temp")).hasValueSatisfying(c -> assertThat(c.unit()).isEqualTo("°C"));
        assertThat(engine.channels().find("board.hum")).hasValueSatisfying(c -> assertThat(c.unit()).isEqualTo("%"));
    }

    @Test
    void theRoutedAdapterRenamesDeclaredChannelsOnly() {
        java.util.List<String> registered = new java.util.ArrayList<>();
        dev.benchwatch.device.DeviceOutput sink = new dev.benchwatch.device.DeviceOutput() {
            @Override
            public int channel(String name, String unit, String device) {
                registered.add(name + "|" + unit + "|" + device);
                return registered.size() - 1;
            }

            @Override
            public boolean reading(int channel, long timestampNanos, double value) {
                return true;
            }

            @Override
            public void status(dev.benchwatch.engine.event.Event event) {
            }
        };
        dev.benchwatch.device.DeviceAdapter inner = new dev.benchwatch.device.DeviceAdapter() {
            @Override
            public String name() {
                return "lab";
            }

            @Override
            public void start(dev.benchwatch.device.DeviceOutput target) {
                target.channel("oven.temp", "", "oven");
                target.channel("oven.hum", "", "oven");
            }

            @Override
            public boolean isConnected() {
                return false;
            }

            @Override
            public long readings() {
                return 0;
            }

            @Override
            public Map<dev.benchwatch.codec.DecodeErrorReason, Long> errorCounts() {
                return Map.of();
            }

            @Override
            public void onDecodeError(java.util.function.Consumer<dev.benchwatch.codec.DecodeError> listener) {
            }

            @Override
            public void close() {
            }
        };
        new RoutedAdapter(inner, Map.of("oven.temp", new RoutedAdapter.Route("oven.temp.raw", "", "lab")))
                .start(sink);
        assertThat(registered).containsExactly("oven.temp.raw||lab", "oven.hum||oven");
    }

    @Test
    void aTriggerConfigBecomesTheModelItsTextDescribes() {
        TriggerConfig config = new TriggerConfig("oven_overheat", "Oven", Severity.CRITICAL, TriggerConfig.Mode.SHADOW,
                false, "mean(oven_temp, 500ms) > 176", Duration.ofMillis(300), "< 173", Duration.ofSeconds(1),
                List.of(new ActionSpec.Log("{trigger}")));

        TriggerModel model = WorkspaceSetup.model(config);

        assertThat(model.text()).isEqualTo("mean(oven_temp, 500ms) > 176 for 300ms clear < 173 cooldown 1s");
        assertThat(model.clear()).isEqualTo(TriggerText.parse("mean(oven_temp, 500ms) < 173").when());
        assertThat(model.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(model.mode()).isEqualTo(TriggerModel.Mode.SHADOW);
        assertThat(model.enabled()).isFalse();
        assertThat(model.name()).isEqualTo("Oven");
        assertThat(WorkspaceSetup.model(new TriggerConfig("t", null, null, null, true, "a > 1 or b < 2", null,
                "a < 0 and b > 3", null, List.of())).text()).isEqualTo("a > 1 or b < 2 clear a < 0 and b > 3");
    }

    private Workspace write(String json) throws Exception {
        Path file = dir.resolve("bench.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return read(file);
    }

    private static Workspace read(Path file) throws Exception {
        WorkspaceReader.Result result = new WorkspaceReader(new TriggerLanguageCheck()).read(file);
        assertThat(result.errors()).as("workspace errors").isEmpty();
        return result.workspace();
    }

    private EngineSnapshot await(Predicate<EngineSnapshot> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        EngineSnapshot snapshot = engine.snapshotNow();
        while (!condition.test(snapshot)) {
            assertThat(System.nanoTime()).as("waiting for the engine; last snapshot: %s", snapshot.channels())
                    .isLessThan(deadline);
            Thread.sleep(20);
            snapshot = engine.snapshotNow();
        }
        return snapshot;
    }

    private static long count(EngineSnapshot snapshot, String channel) {
        return snapshot.channels().stream().filter(c -> c.name().equals(channel)).mapToLong(ChannelValue::count)
                .findFirst().orElse(0);
    }

    private static long latestNanos(EngineSnapshot snapshot, String channel) {
        return snapshot.channels().stream().filter(c -> c.name().equals(channel))
                .mapToLong(ChannelValue::latestNanos).findFirst().orElse(-1);
    }
}
