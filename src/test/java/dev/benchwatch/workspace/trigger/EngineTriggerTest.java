package dev.benchwatch.workspace.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineConfig;
import dev.benchwatch.engine.action.ActionPorts;
import dev.benchwatch.engine.action.ActionSpec;
import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.event.EventType;
import dev.benchwatch.engine.ingest.IngestSource;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import dev.benchwatch.engine.trigger.ComparisonOp;
import dev.benchwatch.engine.trigger.Condition;
import dev.benchwatch.engine.trigger.Operand;
import dev.benchwatch.engine.trigger.Severity;
import dev.benchwatch.engine.trigger.TriggerSpec;
import dev.benchwatch.engine.trigger.TriggerState;
import dev.benchwatch.engine.window.Stat;
import dev.benchwatch.engine.window.WindowKind;
import dev.benchwatch.engine.window.WindowSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Triggers authored as text run on a real engine as the text says. */
class EngineTriggerTest {
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long MS = 1_000_000L;

    private static final String PAYLOAD =
            "{\"trigger\": \"{trigger}\", \"value\": {value}, \"severity\": \"{severity}\"}";

    private final List<String> sent = new ArrayList<>();
    private final List<Event> outcomes = new ArrayList<>();
    private Engine engine;
    private IngestSource source;
    private int temp;
    private int door;

    @BeforeEach
    void setUp() {
        ActionPorts ports = ActionPorts.unconnected()
                .withDevices((device, payload) -> record("device " + device + " <- " + payload))
                .withMqtt((topic, payload, qos, retain) -> record("mqtt " + topic + " <- " + payload + " q" + qos))
                .withMarkers((ts, label) -> record("marker " + label));
        engine = new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO).build(), ports);
        temp = engine.registerChannel("oven_temp", "°C", "oven").id();
        door = engine.registerChannel("door", "", "oven").id();
        source = engine.registerSource("oven", OverloadPolicy.BLOCK);
        engine.onEvent(EventType.AUTOMATION_TRIGGER, e -> {
            synchronized (outcomes) {
                outcomes.add(e);
            }
        });
    }

    @AfterEach
    void tearDown() {
        engine.close();
    }

    private void record(String line) {
        synchronized (sent) {
            sent.add(line);
        }
    }

    private static TriggerModel model(String id, String text, List<ActionModel> actions, TriggerModel.Mode mode) {
        return TriggerModel.of(id, TriggerText.parse(text)).withActions(actions).withMode(mode);
    }

    private void drain() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (engine.doWork() > 0 || engine.snapshotNow().metrics().queueDepth() > 0) {
            assertThat(System.nanoTime()).as("engine drained").isLessThan(deadline);
        }
    }

    private void feed(int channel, double... msAndValues) {
        for (int i = 0; i < msAndValues.length; i += 2) {
            source.offer(channel, T0 + (long) (msAndValues[i] * MS), msAndValues[i + 1]);
        }
        drain();
    }

    private TriggerState state(String id) {
        return engine.snapshotNow().trigger(id).state();
    }

    private void settle() throws InterruptedException {
        engine.actions().awaitIdle(5, TimeUnit.SECONDS);
        drain();
        engine.events().awaitIdle(5, TimeUnit.SECONDS);
    }

    @Test
    void mapsEachDistinctWindowOnceWithADeterministicId() {
        TriggerModel m = model("oven_overheat", "mean(oven_temp, 10s) > 180 and max(oven_temp, 10s) < 250 "
                + "or min(door, 5 readings) > 0 "
                + "clear mean(oven_temp, 10s) < 175 and first(oven_temp, tumbling 1m) < 100",
                List.of(), TriggerModel.Mode.ARMED);
        EngineTrigger mapped = EngineTrigger.from(m);
        assertThat(mapped.windows()).containsExactly(
                new WindowSpec("oven_temp.sliding_10s", "oven_temp", WindowKind.SLIDING_TIME, 10_000_000_000L, 0),
                new WindowSpec("door.count_5", "door", WindowKind.COUNT, 0, 5),
                new WindowSpec("oven_temp.tumbling_1m", "oven_temp", WindowKind.TUMBLING_TIME, 60_000_000_000L, 0));
        Operand mean = Operand.window("oven_temp.sliding_10s", Stat.MEAN);
        assertThat(mapped.trigger().condition()).isEqualTo(Condition.or(
                Condition.and(Condition.compare(mean, ComparisonOp.GT, 180),
                        Condition.compare(Operand.window("oven_temp.sliding_10s", Stat.MAX), ComparisonOp.LT, 250)),
                Condition.compare(Operand.window("door.count_5", Stat.MIN), ComparisonOp.GT, 0)));
        assertThat(mapped.trigger().clearCondition()).isEqualTo(Condition.and(
                Condition.compare(mean, ComparisonOp.LT, 175),
                Condition.compare(Operand.window("oven_temp.tumbling_1m", Stat.FIRST), ComparisonOp.LT, 100)));
    }

    @Test
    void mapsTheFormFields() {
        TriggerModel m = new TriggerModel("oven_overheat", "Oven overheat", Severity.CRITICAL,
                TriggerText.parse("oven_temp outside [20, 180]").when(), Duration.ofSeconds(5), null,
                Duration.ofMinutes(1), List.of(
                new ActionModel.Log("{trigger}: {value}"),
                new ActionModel.Notify("Oven", "{channel} at {value}"),
                new ActionModel.DeviceCommand("oven", "HEATER OFF", ActionModel.LineEnding.CRLF),
                new ActionModel.MqttPublish("lab/alarms/oven", "{\"v\": {value}}", 1, true),
                new ActionModel.RecordingMarker("overheat")), TriggerModel.Mode.SHADOW, false);
        TriggerSpec spec = EngineTrigger.from(m).trigger();
        assertThat(spec).isEqualTo(new TriggerSpec("oven_overheat", "Oven overheat", Severity.CRITICAL,
                new Condition.Range(Operand.latest("oven_temp"), false, 20, 180), 5_000_000_000L, null,
                60_000_000_000L, List.of(new ActionSpec.Log("{trigger}: {value}"),
                        new ActionSpec.Notify("Oven", "{channel} at {value}"),
                        new ActionSpec.DeviceCommand("oven", "HEATER OFF\r\n"),
                        new ActionSpec.MqttPublish("lab/alarms/oven", "{\"v\": {value}}", 1, true),
                        new ActionSpec.RecordingMarker("overheat")), true, false));
        assertThat(EngineTrigger.from(m).windows()).isEmpty();
    }

    @Test
    void aTextTriggerFiresAfterItsForDurationAndClearsWithHysteresis() {
        EngineTrigger.from(model("hot", "mean(oven_temp, 3 readings) > 180 for 20ms clear < 175", List.of(),
                TriggerModel.Mode.ARMED)).install(engine);
        feed(temp, 0, 185);
        assertThat(state("hot")).isEqualTo(TriggerState.PENDING);
        feed(temp, 10, 185);
        assertThat(state("hot")).isEqualTo(TriggerState.PENDING);
        feed(temp, 20, 185);
        assertThat(state("hot")).as("held for 20 ms").isEqualTo(TriggerState.FIRING);
        feed(temp, 30, 170); // mean 180: no longer above 180, not yet below 175
        assertThat(state("hot")).isEqualTo(TriggerState.FIRING);
        feed(temp, 40, 170); // mean 175
        assertThat(state("hot")).isEqualTo(TriggerState.FIRING);
        feed(temp, 50, 170); // mean 170
        assertThat(state("hot")).isEqualTo(TriggerState.CLEARED);
        assertThat(engine.snapshotNow().window("oven_temp.count_3").count()).isEqualTo(3);
    }

    @Test
    void aCompoundTextTriggerWithAnAutomaticClearAndACooldown() throws Exception {
        EngineTrigger.from(model("hot_open", "oven_temp > 100 and not door == 0 cooldown 1s", List.of(
                new ActionModel.DeviceCommand("oven", "HEATER OFF", ActionModel.LineEnding.LF),
                new ActionModel.MqttPublish("lab/alarms", PAYLOAD, 1, false)), TriggerModel.Mode.ARMED))
                .install(engine);
        feed(door, 0, 0);
        feed(temp, 0, 120);
        assertThat(state("hot_open")).as("door closed").isEqualTo(TriggerState.OK);
        feed(door, 10, 1);
        assertThat(state("hot_open")).isEqualTo(TriggerState.FIRING);
        feed(temp, 20, 90);
        assertThat(state("hot_open")).as("cleared when the condition stops holding").isEqualTo(TriggerState.CLEARED);
        feed(temp, 30, 130);
        assertThat(engine.snapshotNow().trigger("hot_open").firings()).as("within the cooldown").isEqualTo(1);
        feed(temp, 1040, 90, 1050, 130);
        assertThat(engine.snapshotNow().trigger("hot_open").firings()).isEqualTo(2);
        settle();
        synchronized (sent) {
            assertThat(sent).containsExactly(
                    "device oven <- HEATER OFF\n",
                    "mqtt lab/alarms <- {\"trigger\": \"hot_open\", \"value\": 120, \"severity\": \"warning\"} q1",
                    "device oven <- HEATER OFF\n",
                    "mqtt lab/alarms <- {\"trigger\": \"hot_open\", \"value\": 130, \"severity\": \"warning\"} q1");
        }
    }

    @Test
    void inShadowModeDeviceAndMqttActionsAreRecordedNotSent() throws Exception {
        EngineTrigger.from(model("hot", "oven_temp > 100", List.of(
                new ActionModel.DeviceCommand("oven", "HEATER OFF", ActionModel.LineEnding.NONE),
                new ActionModel.MqttPublish("lab/alarm", "{value}", 0, true)), TriggerModel.Mode.SHADOW))
                .install(engine);
        feed(temp, 0, 120);
        assertThat(state("hot")).isEqualTo(TriggerState.FIRING);
        settle();
        synchronized (sent) {
            assertThat(sent).isEmpty();
        }
        synchronized (outcomes) {
            assertThat(outcomes).extracting(e -> e.metadata().get("outcome")).containsExactly("SHADOW", "SHADOW");
            assertThat(outcomes).extracting(e -> e.metadata().get("target"))
                    .containsExactly("oven <- HEATER OFF", "lab/alarm <- 120");
        }
    }

    @Test
    void triggersSharingAWindowInstallItOnce() {
        EngineTrigger.from(model("warm", "mean(oven_temp, 100ms) > 50", List.of(), TriggerModel.Mode.ARMED))
                .install(engine);
        EngineTrigger.from(model("hot", "mean(oven_temp, 100ms) > 100 clear mean(oven_temp, 100ms) < 90", List.of(),
                TriggerModel.Mode.ARMED)).install(engine);
        assertThat(engine.snapshotNow().windows()).extracting(w -> w.windowId())
                .containsExactly("oven_temp.sliding_100ms");
        feed(temp, 0, 120, 50, 120);
        assertThat(state("warm")).isEqualTo(TriggerState.FIRING);
        assertThat(state("hot")).isEqualTo(TriggerState.FIRING);
    }
}
