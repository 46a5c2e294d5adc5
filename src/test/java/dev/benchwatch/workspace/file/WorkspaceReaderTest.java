package dev.benchwatch.workspace.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.engine.action.ActionSpec;
import dev.benchwatch.engine.pipeline.JoinFunction;
import dev.benchwatch.engine.pipeline.OperatorSpec;
import dev.benchwatch.engine.trigger.Severity;
import dev.benchwatch.engine.window.WindowKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the fixtures: the demo is valid, each broken file gives exactly the expected located errors. */
class WorkspaceReaderTest {
    private static final String UNKNOWN_CHANNEL_TAIL = "expected a channel declared in channels, defined by a "
            + "simulator or replay device, or created by a pipeline";

    @Test
    void theDemoBenchIsValidAndReadsIntoTheModel() {
        WorkspaceReader.Result result = WorkspaceFiles.read("demo.json");
        assertThat(result.errors()).isEmpty();
        Workspace w = result.workspace();
        assertThat(w.schemaVersion()).isEqualTo(1);
        assertThat(w.devices()).extracting(DeviceConfig::name).containsExactly("oven", "psu", "shaker");
        DeviceConfig.Simulator psu = (DeviceConfig.Simulator) w.devices().get(1);
        assertThat(psu.seed()).isEqualTo(2);
        assertThat(psu.rateHz()).isEqualTo(200);
        assertThat(psu.channels().get(1).waveforms()).containsExactly(
                new DeviceConfig.WaveformConfig.Steps(List.of(1.5, 1.5, 1.5, 2.8), Duration.ofSeconds(2)),
                new DeviceConfig.WaveformConfig.Noise(0, 0.03));
        // the waveforms build real simulator channels
        assertThat(psu.channels().get(1).toSimulatedChannel().name()).isEqualTo("psu_amps");
        assertThat(w.pipelines().get(1).operators()).containsExactly(
                new OperatorSpec.Validate(0, 30, 0),
                new OperatorSpec.Join("psu_amps", 1_000_000, JoinFunction.MULTIPLY),
                new OperatorSpec.Enrich(java.util.Map.of("derived", "volts x amps")));
        assertThat(w.windows()).hasSize(9);
        assertThat(w.windows().get(2).kind()).isEqualTo(WindowKind.COUNT);
        assertThat(w.windows().get(2).count()).isEqualTo(200);
        TriggerConfig overheat = w.triggers().get(0);
        assertThat(overheat.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(overheat.when()).isEqualTo("mean(oven_temp, 500ms) > 176");
        assertThat(overheat.holdFor()).isEqualTo(Duration.ofMillis(300));
        assertThat(overheat.clear()).isEqualTo("mean(oven_temp, 500ms) < 173");
        assertThat(overheat.cooldown()).isEqualTo(Duration.ofSeconds(1));
        assertThat(w.triggers().get(1).mode()).isEqualTo(TriggerConfig.Mode.SHADOW);
        assertThat(w.triggers().get(1).actions()).containsExactly(
                new ActionSpec.MqttPublish("lab/alarms/{trigger}", "{\"value\": {value}}", 1, false));
        assertThat(w.layout().charts()).extracting(Layout.Chart::title).containsExactly("Oven", "Power supply", "Vibration");
    }

    @Test
    void detectorsAndDeviceHealthReadIntoTheModel() {
        WorkspaceReader.Result result = new WorkspaceReader().read("""
                {"schemaVersion": 1,
                 "devices": [
                   {"name": "machine", "kind": "replay", "file": "m.csv", "channel": "machine_temp",
                    "health": {"malformedLimit": 100}},
                   {"name": "lab", "kind": "mqtt", "host": "broker.lab", "topics": ["lab/+/temp"],
                    "expectedDevices": ["oven", "fridge"]}],
                 "detectors": [
                   {"channel": "machine_temp", "detector": "zscore", "window": "1h"},
                   {"channel": "machine_temp", "detector": "mad"}],
                 "health": {"window": "10s", "warmUp": "0s", "lowRatio": 0.25, "highRatio": 4}}
                """);
        assertThat(result.errors()).isEmpty();
        Workspace w = result.workspace();
        assertThat(w.detectors()).containsExactly(
                new DetectorConfig("machine_temp", dev.benchwatch.engine.detect.DetectorKind.ZSCORE, Duration.ofHours(1)),
                new DetectorConfig("machine_temp", dev.benchwatch.engine.detect.DetectorKind.MAD, null));
        assertThat(w.health()).isEqualTo(new HealthConfig(Duration.ofSeconds(10), null, Duration.ZERO, 0.25, 4.0, null));
        assertThat(w.devices().get(0).health()).isEqualTo(new HealthConfig(null, null, null, null, null, 100));
        assertThat(((DeviceConfig.Mqtt) w.devices().get(1)).expectedDevices()).containsExactly("oven", "fridge");
        assertThat(w.devices().get(1).health()).isEqualTo(HealthConfig.NONE);
    }

    @Test
    void badDetectorsAndHealthSettingsAreReportedWhereTheyAre() {
        assertThat(WorkspaceFiles.messages("bad-detectors-and-health.json")).containsExactly(
                "bad-detectors-and-health.json:5:104: devices[1].expectedDevices: expected at least one device name; "
                        + "leave expectedDevices out to accept messages from every device",
                "bad-detectors-and-health.json:6:114: devices[2].expectedDevices[1]: expected a device name such as "
                        + "\"oven\", got 7",
                "bad-detectors-and-health.json:7:35: devices[2].health.malformedLimit: expected a whole number of "
                        + "0-2147483647, got -1",
                "bad-detectors-and-health.json:7:52: devices[2].health.learnTime: expected a positive duration such as "
                        + "5s, 250ms or 2m (units ns, us, ms, s, m, h), got \"0s\"",
                "bad-detectors-and-health.json:10:45: detectors[0].detector: unknown detector 'zscor'; did you mean "
                        + "'zscore'? expected one of zscore, ewma, mad, cusum, flatline, dropout, spike, trend",
                "bad-detectors-and-health.json:11:17: detectors[1].channel: unknown channel 'machine_tmp'; did you mean "
                        + "'machine_temp'? " + UNKNOWN_CHANNEL_TAIL,
                "bad-detectors-and-health.json:12:62: detectors[2].window: mad takes no window; leave it out, or choose "
                        + "a detector that takes one: zscore, ewma, cusum, flatline, dropout",
                "bad-detectors-and-health.json:13:64: detectors[3].window: expected a positive duration such as 5s, "
                        + "250ms or 2m (units ns, us, ms, s, m, h), got \"0s\"",
                "bad-detectors-and-health.json:15:45: detectors[5].detector: duplicate detector: ewma on 'machine_temp' "
                        + "with window 3h is also detectors[4]; expected each detector once",
                "bad-detectors-and-health.json:16:5: detectors[6].detector: missing field 'detector'; expected one of "
                        + "zscore, ewma, mad, cusum, flatline, dropout, spike, trend",
                "bad-detectors-and-health.json:17:57: detectors[7].threshold: unknown field 'threshold'; expected one "
                        + "of channel, detector, window",
                "bad-detectors-and-health.json:19:42: health.lowRatio: expected a ratio above 0 and below 1 (a rate "
                        + "below this times normal is an alert), got 1.5",
                "bad-detectors-and-health.json:19:60: health.highRatio: expected a ratio above 1 (a rate above this "
                        + "times normal is an alert), got 0.5",
                "bad-detectors-and-health.json:19:65: health.warmup: unknown field 'warmup'; did you mean 'warmUp'? "
                        + "expected one of window, learnTime, warmUp, lowRatio, highRatio, malformedLimit");
    }

    @Test
    void aTrailingCommaIsOneErrorAtTheComma() {
        assertThat(WorkspaceFiles.messages("bad-json-trailing-comma.json")).containsExactly(
                "bad-json-trailing-comma.json:4:58: $: invalid JSON: trailing comma before ']'; expected another value, "
                        + "or remove the comma");
    }

    @Test
    void aTruncatedFileIsOneErrorWhereItEnds() {
        assertThat(WorkspaceFiles.messages("bad-json-truncated.json")).containsExactly(
                "bad-json-truncated.json:5:1: $: invalid JSON: Unexpected end-of-input: expected close marker for "
                        + "Object (start marker at [line: 4, column: 5])");
    }

    @Test
    void wrongTypesAreAllReportedWithWhatIsExpected() {
        assertThat(WorkspaceFiles.messages("wrong-types.json")).containsExactly(
                "wrong-types.json:4:73: devices[0].baud: expected a whole number of 50-20000000, got \"fast\"",
                "wrong-types.json:4:88: devices[0].dtr: expected true or false, got \"yes\"",
                "wrong-types.json:7:30: channels[0].unit: expected a unit text such as \"°C\", got 21",
                "wrong-types.json:10:69: windows[0].count: expected a whole number of 1-10000000, got \"200\"",
                "wrong-types.json:13:31: triggers[0].severity: expected one of info, warning, critical, got \"urgent\"",
                "wrong-types.json:13:69: triggers[0].for: expected a duration such as 5s, 250ms or 2m "
                        + "(units ns, us, ms, s, m, h), got 5000",
                "wrong-types.json:13:86: triggers[0].enabled: expected true or false, got \"yes\"");
    }

    @Test
    void unknownChannelsInWindowsPipelinesAndChartsAreReported() {
        assertThat(WorkspaceFiles.messages("unknown-channel.json")).containsExactly(
                "unknown-channel.json:9:35: windows[0].channel: unknown channel 'oven_tmp'; did you mean 'oven_temp'? "
                        + UNKNOWN_CHANNEL_TAIL,
                "unknown-channel.json:13:33: pipelines[0].operators[0].channel: unknown channel 'ambient'; "
                        + UNKNOWN_CHANNEL_TAIL,
                "unknown-channel.json:16:79: layout.charts[0].channels[2]: unknown channel 'door'; " + UNKNOWN_CHANNEL_TAIL);
    }

    @Test
    void unknownDevicesInChannelsAndCommandActionsAreReported() {
        assertThat(WorkspaceFiles.messages("unknown-device.json")).containsExactly(
                "unknown-device.json:7:51: channels[0].device: unknown device 'ovn'; did you mean 'oven'? "
                        + "expected one of the workspace's devices: oven",
                "unknown-device.json:11:37: triggers[0].actions[0].device: unknown device 'heater'; "
                        + "expected one of the workspace's devices: oven");
    }

    @Test
    void missingFieldsAreReportedAtTheirObject() {
        assertThat(WorkspaceFiles.messages("missing-fields.json")).containsExactly(
                "missing-fields.json:4:5: devices[0].baud: missing field 'baud'; expected a whole number of 50-20000000",
                "missing-fields.json:5:5: devices[1].name: missing field 'name'; expected a device name "
                        + "(letters, digits, _ . -; not starting with a digit)",
                "missing-fields.json:5:5: devices[1].topics: missing field 'topics'; expected an array of topic filters",
                "missing-fields.json:8:5: windows[0].kind: missing field 'kind'; expected one of tumbling_time, "
                        + "sliding_time, count, session",
                "missing-fields.json:8:28: windows[0].channel: unknown channel 'bench.temp'; " + UNKNOWN_CHANNEL_TAIL,
                "missing-fields.json:11:5: triggers[0].when: missing field 'when'; expected a condition in the "
                        + "trigger language, e.g. \"mean(oven_temp, 10s) > 180\"");
    }

    @Test
    void aPasswordOrPassphraseInTheFileSaysWhereSecretsGo() {
        assertThat(WorkspaceFiles.messages("password.json")).containsExactly(
                "password.json:8:88: devices[0].tls.keyPassphrase: secrets never go into the workspace file: remove "
                        + "'keyPassphrase' and set keyPassphraseEnv to the name of an environment variable that holds "
                        + "the passphrase, or leave it out to be prompted",
                "password.json:10:7: devices[0].password: secrets never go into the workspace file: remove 'password' "
                        + "and set passwordEnv (the name of an environment variable) or passwordFile (a file only you "
                        + "can read, chmod 600), or neither to be prompted when connecting");
    }

    @Test
    void aNewerSchemaVersionIsRefused() {
        assertThat(WorkspaceFiles.messages("too-new.json")).containsExactly(
                "too-new.json:2:20: schemaVersion: schema version 7 is newer than this Benchwatch understands "
                        + "(up to 1); open the file with a newer Benchwatch");
    }

    @Test
    void unknownFieldsSuggestTheClosestKnownOne() {
        WorkspaceReader.Result result = new WorkspaceReader().read("""
                {"schemaVersion": 1, "devices": [
                  {"name": "b", "kind": "serial", "port": "/dev/ttyS0", "baud": 9600, "partiy": "even"}]}
                """);
        assertThat(result.errors()).containsExactly(new WorkspaceError(2, 71, "devices[0].partiy",
                "unknown field 'partiy'; did you mean 'parity'? expected one of name, kind, port, usb, baud, dataBits, "
                        + "parity, stopBits, flow, dtr, rts, lineEnding, decoder, health"));
    }

    @Test
    void duplicateNamesAndClashingOutputsAreReported() {
        WorkspaceReader.Result result = new WorkspaceReader().read("""
                {"schemaVersion": 1,
                 "devices": [{"name": "r", "kind": "replay", "file": "a.csv", "channel": "temp"},
                             {"name": "r", "kind": "replay", "file": "b.csv", "channel": "hum"},
                             {"name": "s", "kind": "replay", "file": "c.csv", "channel": "hum"}],
                 "pipelines": [{"id": "p", "input": "temp", "output": "hum"}],
                 "windows": [{"id": "w", "channel": "temp", "kind": "count", "count": 0}]}
                """);
        assertThat(result.errors()).extracting(WorkspaceError::path, WorkspaceError::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("devices[1].name", "duplicate device name 'r' (also devices[0]); "
                        + "expected each device to have its own name"),
                org.assertj.core.groups.Tuple.tuple("pipelines[0].output", "channel 'hum' already exists (declared or "
                        + "defined by a device); expected a new channel name for the pipeline's output"),
                org.assertj.core.groups.Tuple.tuple("windows[0].count", "expected a whole number of 1-10000000, got 0"));
    }

    @Test
    void pipelinesThatFeedEachOtherAreReportedOncePerCycle() {
        WorkspaceReader.Result result = new WorkspaceReader().read("""
                {"schemaVersion": 1,
                 "devices": [{"name": "r", "kind": "replay", "file": "a.csv", "channel": "temp"}],
                 "pipelines": [
                   {"id": "a", "input": "y", "output": "x"},
                   {"id": "b", "input": "z", "output": "y"},
                   {"id": "c", "input": "temp", "output": "z", "operators": [
                     {"op": "join", "channel": "x", "tolerance": "1ms", "function": "add"}]},
                   {"id": "d", "input": "temp", "output": "w"}]}
                """);
        assertThat(result.errors()).containsExactly(new WorkspaceError(4, 25, "pipelines[0].input",
                "pipelines a -> c -> b -> a feed each other in a cycle; expected every pipeline to start from a "
                        + "device's channel"));
    }

    @Test
    void decoderSettingsThatCannotWorkAreReported() {
        WorkspaceReader.Result result = new WorkspaceReader().read("""
                {"schemaVersion": 1, "devices": [
                  {"name": "b", "kind": "serial", "port": "/dev/ttyS0", "baud": 9600, "decoder": {"format": "regex"}}]}
                """);
        assertThat(result.errors()).containsExactly(new WorkspaceError(2, 82, "devices[0].decoder",
                "the decoder settings do not work: format regex needs a pattern with named groups, e.g. T=(?<temp>\\S+)"));
    }

    @Test
    void aDocumentThatIsNotAnObjectOrIsEmptyIsOneError() {
        assertThat(new WorkspaceReader().read("[1, 2]").errors()).containsExactly(
                new WorkspaceError(1, 1, "$", "expected the workspace as a JSON object, got an array"));
        assertThat(new WorkspaceReader().read("  ").errors()).containsExactly(
                new WorkspaceError(1, 1, "$", "the file is empty; expected a JSON object"));
        assertThat(new WorkspaceReader().read("{\"schemaVersion\": 1} {}").errors()).extracting(WorkspaceError::message)
                .containsExactly("invalid JSON: more content after the end of the document; expected one JSON object");
    }

    @Test
    void triggerConditionsGoThroughTheHookWithTheirColumnInTheFile() {
        // a stand-in for the trigger language: complains about the first '?' in a condition
        TriggerTextCheck check = (text, channels, windows) -> text.indexOf('?') < 0 ? List.of()
                : List.of(new TriggerTextCheck.Problem(text.indexOf('?'), "expected an operator, got '?'; channels "
                + channels.size() + ", windows " + windows.size()));
        String document = "{\"schemaVersion\": 1, \"devices\": [{\"name\": \"o\", \"kind\": \"replay\", \"file\": \"f\", "
                + "\"channel\": \"t\"}], \"windows\": [{\"id\": \"w\", \"channel\": \"t\", \"kind\": \"count\", \"count\": 5}],\n"
                + "\"triggers\": [{\"id\": \"x\", \"when\": \"\\\"t\\\" ? 5\", \"clear\": \"t \\u003c 3 ?\"}]}";
        WorkspaceReader.Result result = new WorkspaceReader(check).read(document);
        // line 2: the when string opens at column 34; '?' is its 5th character but the 7th after the quote (\" is two)
        assertThat(result.errors()).containsExactly(
                new WorkspaceError(2, 41, "triggers[0].when", "expected an operator, got '?'; channels 1, windows 1"),
                new WorkspaceError(2, 68, "triggers[0].clear", "expected an operator, got '?'; channels 1, windows 1"));
        assertThat(new WorkspaceReader().read(document).valid()).isTrue();
    }
}
