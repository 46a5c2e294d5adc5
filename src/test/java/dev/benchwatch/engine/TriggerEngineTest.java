package dev.benchwatch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.benchwatch.engine.window.WindowSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TriggerEngineTest {
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long MS = 1_000_000L;

    private final List<String> sent = new ArrayList<>();
    private Engine engine;
    private IngestSource source;
    private Transitions transitions;
    private int temp;

    @BeforeEach
    void setUp() {
        ActionPorts ports = ActionPorts.unconnected()
                .withDevices((device, payload) -> record("device " + device + " <- " + payload))
                .withMqtt((topic, payload, qos, retain) -> record("mqtt " + topic + " <- " + payload + " q" + qos))
                .withNotifier((title, message, severity) -> record("notify " + title + ": " + message + " " + severity))
                .withMarkers((ts, label) -> record("marker " + label));
        engine = new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO).build(), ports);
        temp = engine.registerChannel("oven_temp", "°C", "oven").id();
        engine.registerChannel("door", "", "oven");
        source = engine.registerSource("oven", OverloadPolicy.BLOCK);
        transitions = new Transitions(engine);
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

    /** Lets actions finish and their outcome events travel through the engine to the handlers. */
    private static void settle(Engine e) throws InterruptedException {
        e.actions().awaitIdle(5, TimeUnit.SECONDS);
        EngineIngestTest.drain(e);
        e.events().awaitIdle(5, TimeUnit.SECONDS);
    }

    private List<String> sent() throws InterruptedException {
        settle(engine);
        synchronized (sent) {
            return new ArrayList<>(sent);
        }
    }

    /** Offers (ms offset, value) pairs for oven_temp and processes them. */
    private void feed(double... msAndValues) {
        for (int i = 0; i < msAndValues.length; i += 2) {
            source.offer(temp, T0 + (long) (msAndValues[i] * MS), msAndValues[i + 1]);
        }
        EngineIngestTest.drain(engine);
    }

    private TriggerState state(String id) {
        return engine.snapshotNow().trigger(id).state();
    }

    @Test
    void firesAtOnceAndClearsAutomaticallyWithoutDurationOrHysteresis() {
        engine.addTrigger(TriggerSpec.builder("hot", Condition.compare(Operand.latest("oven_temp"), ComparisonOp.GT, 100))
                .build());
        feed(0, 90, 10, 101);
        assertThat(state("hot")).isEqualTo(TriggerState.FIRING);
        feed(20, 99);
        assertThat(state("hot")).isEqualTo(TriggerState.CLEARED);
        assertThat(transitions.states("hot")).containsExactly("FIRING", "CLEARED");
    }

    @Test
    void forDurationMustHoldBeforeFiring() {
        engine.addTrigger(TriggerSpec.builder("hot", Condition.compare(Operand.latest("oven_temp"), ComparisonOp.GT, 100))
                .holdFor(Duration.ofMillis(500)).build());
        feed(0, 101, 200, 102, 300, 99); // drops out before 500 ms
        assertThat(transitions.states("hot")).containsExactly("PENDING", "OK");
        feed(1000, 101, 1400, 105);
        assertThat(state("hot")).isEqualTo(TriggerState.PENDING);
        feed(1500, 103); // held for exactly 500 ms
        assertThat(state("hot")).isEqualTo(TriggerState.FIRING);
        List<Transitions.Transition> all = transitions.all();
        assertThat(all.get(all.size() - 1).at()).isEqualTo(T0 + 1500 * MS);
    }

    @Test
    void hysteresisClearsOnlyWhenTheClearConditionHolds() {
        engine.addTrigger(TriggerSpec.builder("hot", Condition.compare(Operand.latest("oven_temp"), ComparisonOp.GT, 180))
                .clearWhen(Condition.compare(Operand.latest("oven_temp"), ComparisonOp.LT, 175)).build());
        feed(0, 181, 10, 179, 20, 176, 30, 181, 40, 177);
        assertThat(state("hot")).isEqualTo(TriggerState.FIRING);
        feed(50, 174.9);
        assertThat(state("hot")).isEqualTo(TriggerState.CLEARED);
        assertThat(transitions.states("hot")).containsExactly("FIRING", "CLEARED");
    }

    @Test
    void cooldownSuppressesRefiringAndCountsIt() {
        engine.addTrigger(TriggerSpec.builder("hot", Condition.compare(Operand.latest("oven_temp"), ComparisonOp.GT, 100))
                .cooldown(Duration.ofSeconds(1)).build());
        feed(0, 101, 100, 99, 200, 101, 300, 99, 1100, 101);
        // fired at 0, cleared at 100; 200 falls in the cooldown; 1100 is after it
        assertThat(transitions.states("hot")).containsExactly("FIRING", "CLEARED", "FIRING");
        assertThat(engine.snapshotNow().trigger("hot").firings()).isEqualTo(2);
    }

    @Test
    void acknowledgementKeepsAClearedAlarmVisibleUntilSeen() {
        engine.addTrigger(TriggerSpec.builder("hot", Condition.compare(Operand.latest("oven_temp"), ComparisonOp.GT, 100))
                .severity(Severity.CRITICAL).build());
        feed(0, 101, 10, 90, 20, 80);
        assertThat(state("hot")).as("unacknowledged alarms stay CLEARED").isEqualTo(TriggerState.CLEARED);
        assertThat(engine.acknowledge("hot")).isTrue();
        assertThat(state("hot")).isEqualTo(TriggerState.OK);
        assertThat(engine.acknowledge("hot")).as("nothing left to acknowledge").isFalse();

        feed(30, 105);
        assertThat(engine.acknowledge("hot")).isTrue();
        assertThat(engine.snapshotNow().trigger("hot").acknowledged()).isTrue();
        assertThat(state("hot")).isEqualTo(TriggerState.FIRING);
        feed(40, 90, 50, 91);
        assertThat(state("hot")).as("an alarm acknowledged while firing returns to OK").isEqualTo(TriggerState.OK);
        assertThat(transitions.states("hot")).containsExactly("FIRING", "CLEARED", "OK", "FIRING", "CLEARED", "OK");
        assertThat(transitions.events()).allMatch(e -> e.type() == EventType.THRESHOLD_BREACH);
        assertThatThrownBy(() -> engine.acknowledge("nope")).hasMessageContaining("unknown trigger 'nope'");
    }

    @Test
    void transitionsAreEventsWithSeverityPriorityAndCorrelation() {
        engine.addTrigger(TriggerSpec.builder("hot", Condition.compare(Operand.latest("oven_temp"), ComparisonOp.GT, 100))
                .severity(Severity.CRITICAL).build());
        feed(0, 101, 10, 90);
        List<Event> events = transitions.events();
        Event firing = events.get(0);
        assertThat(firing.priority()).isEqualTo(9);
        assertThat(firing.isHighPriority()).isTrue();
        assertThat(firing.sourceDevice()).isEqualTo("oven");
        assertThat(firing.metadata()).containsEntry("to", "FIRING").containsEntry("value", "101.0")
                .containsEntry("channel", "oven_temp");
        assertThat(firing.correlationId()).isEqualTo(events.get(1).correlationId()).isEqualTo("hot#1");
        assertThat(events.get(1).id()).isGreaterThan(firing.id());
    }

    @Test
    void windowAggregatesAndConditionTreesDriveTriggers() {
        engine.addWindow(WindowSpec.count("last3", "oven_temp", 3));
        engine.addTrigger(TriggerSpec.builder("unstable", Condition.and(
                        Condition.compare(Operand.window("last3", Stat.STDDEV), ComparisonOp.GT, 5),
                        Condition.not(new Condition.Range(Operand.window("last3", Stat.MEAN), true, 0, 10)),
                        Condition.or(
                                Condition.compare(Operand.latest("oven_temp"), ComparisonOp.GE, 200),
                                Condition.compare(Operand.window("last3", Stat.MAX), ComparisonOp.EQ, 150))))
                .build());
        feed(0, 100, 10, 100, 20, 100);
        assertThat(state("unstable")).isEqualTo(TriggerState.OK);
        feed(30, 150); // stddev 28.9, mean 116.7 outside [0,10], max == 150
        assertThat(state("unstable")).isEqualTo(TriggerState.FIRING);
        feed(40, 150, 50, 150); // stddev 0
        assertThat(state("unstable")).isEqualTo(TriggerState.CLEARED);
    }

    @Test
    void actionsRunOffTheEngineThreadWithTemplatesAndOutcomeEvents() throws Exception {
        List<Event> outcomes = new ArrayList<>();
        engine.onEvent(EventType.AUTOMATION_TRIGGER, e -> {
            synchronized (outcomes) {
                outcomes.add(e);
            }
        });
        engine.addTrigger(TriggerSpec.builder("hot", Condition.compare(Operand.latest("oven_temp"), ComparisonOp.GT, 100))
                .name("Oven hot").severity(Severity.CRITICAL)
                .action(new ActionSpec.Log("{trigger} at {value}"))
                .action(new ActionSpec.Notify("{trigger}", "{channel}={value} ({severity})"))
                .action(new ActionSpec.DeviceCommand("oven", "HEATER OFF {value}"))
                .action(new ActionSpec.MqttPublish("lab/alarm/{severity}", "{\"t\":\"{trigger}\",\"v\":{value}}", 1, false))
                .action(new ActionSpec.RecordingMarker("{trigger} fired"))
                .build());
        feed(0, 101.5);
        assertThat(sent()).containsExactly("notify Oven hot: oven_temp=101.5 (critical) critical",
                "device oven <- HEATER OFF 101.5", "mqtt lab/alarm/critical <- {\"t\":\"Oven hot\",\"v\":101.5} q1",
                "marker Oven hot fired");
        engine.events().awaitIdle(5, TimeUnit.SECONDS);
        synchronized (outcomes) {
            assertThat(outcomes).hasSize(5).allMatch(e -> e.metadata().get("outcome").equals("DONE"))
                    .allMatch(e -> e.correlationId().equals("hot#1"));
        }
    }

    @Test
    void shadowModeRecordsWhatWouldHaveBeenSentAndSendsNothing() throws Exception {
        List<Event> outcomes = new ArrayList<>();
        engine.onEvent(EventType.AUTOMATION_TRIGGER, e -> {
            synchronized (outcomes) {
                outcomes.add(e);
            }
        });
        engine.addTrigger(TriggerSpec.builder("hot", Condition.compare(Operand.latest("oven_temp"), ComparisonOp.GT, 100))
                .shadow(true)
                .action(new ActionSpec.DeviceCommand("oven", "HEATER OFF"))
                .action(new ActionSpec.MqttPublish("lab/alarm", "{value}", 0, true))
                .build());
        feed(0, 120);
        assertThat(state("hot")).isEqualTo(TriggerState.FIRING);
        assertThat(sent()).isEmpty();
        engine.events().awaitIdle(5, TimeUnit.SECONDS);
        synchronized (outcomes) {
            assertThat(outcomes).extracting(e -> e.metadata().get("outcome")).containsExactly("SHADOW", "SHADOW");
            assertThat(outcomes).extracting(e -> e.metadata().get("target"))
                    .containsExactly("oven <- HEATER OFF", "lab/alarm <- 120");
        }
    }

    @Test
    void failingAndRateLimitedActionsAreReportedNotThrown() throws Exception {
        List<Event> outcomes = new ArrayList<>();
        engine.onEvent(EventType.AUTOMATION_TRIGGER, e -> {
            synchronized (outcomes) {
                outcomes.add(e);
            }
        });
        try (Engine bare = new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO).build())) {
            // unconnected ports: the device action fails with a clear message
            List<Event> bareOutcomes = new ArrayList<>();
            bare.onEvent(EventType.AUTOMATION_TRIGGER, e -> {
                synchronized (bareOutcomes) {
                    bareOutcomes.add(e);
                }
            });
            int ch = bare.registerChannel("x", "", "d").id();
            IngestSource s = bare.registerSource("d", OverloadPolicy.BLOCK);
            bare.addTrigger(TriggerSpec.builder("t", Condition.compare(Operand.latest("x"), ComparisonOp.GT, 0))
                    .action(new ActionSpec.DeviceCommand("d", "STOP")).build());
            s.offer(ch, T0, 1);
            EngineIngestTest.drain(bare);
            settle(bare);
            synchronized (bareOutcomes) {
                assertThat(bareOutcomes).singleElement().satisfies(e -> {
                    assertThat(e.metadata()).containsEntry("outcome", "FAILED");
                    assertThat(e.metadata().get("detail")).contains("no device layer connected");
                    assertThat(e.priority()).isGreaterThanOrEqualTo(Event.HIGH_PRIORITY);
                });
            }
            assertThat(bare.snapshotNow().metrics().errors()).isEqualTo(1);
        }
        // the default limit is a burst of 3, then 10 per minute
        engine.addTrigger(TriggerSpec.builder("flappy", Condition.compare(Operand.latest("oven_temp"), ComparisonOp.GT, 100))
                .action(new ActionSpec.DeviceCommand("oven", "BEEP")).build());
        for (int i = 0; i < 6; i++) {
            feed(i * 20, 101, i * 20 + 10, 99);
            engine.acknowledge("flappy");
        }
        assertThat(sent()).hasSize(3);
        engine.events().awaitIdle(5, TimeUnit.SECONDS);
        synchronized (outcomes) {
            assertThat(outcomes).extracting(e -> e.metadata().get("outcome"))
                    .containsExactly("DONE", "DONE", "DONE", "RATE_LIMITED", "RATE_LIMITED", "RATE_LIMITED");
        }
        assertThat(engine.actions().rateLimited()).isEqualTo(3);
    }

    @Test
    void eventMatchConditionsFireOnDeviceEvents() {
        engine.addTrigger(TriggerSpec.builder("unplugged",
                new Condition.EventMatch(EventType.DEVICE_STATUS, "oven", Duration.ofSeconds(2).toNanos())).build());
        engine.publishEvent(new Event(0, EventType.DEVICE_STATUS, "psu", T0, "DISCONNECTED", 6, "", Map.of()));
        EngineIngestTest.drain(engine);
        assertThat(state("unplugged")).isEqualTo(TriggerState.OK);
        engine.publishEvent(new Event(0, EventType.DEVICE_STATUS, "oven", T0 + 1000 * MS, "DISCONNECTED", 6, "",
                Map.of()));
        EngineIngestTest.drain(engine);
        assertThat(state("unplugged")).isEqualTo(TriggerState.FIRING);
        // a later event, 3 s after: the match window has passed, so the trigger clears
        engine.publishEvent(new Event(0, EventType.USER_ACTION, "", T0 + 4000 * MS, "note", 2, "", Map.of()));
        EngineIngestTest.drain(engine);
        assertThat(state("unplugged")).isEqualTo(TriggerState.CLEARED);
    }

    @Test
    void disabledTriggersAreNotEvaluatedAndTriggersCanBeRemoved() {
        engine.addTrigger(TriggerSpec.builder("off", Condition.compare(Operand.latest("oven_temp"), ComparisonOp.GT, 0))
                .enabled(false).build());
        engine.addTrigger(TriggerSpec.builder("on", Condition.compare(Operand.latest("oven_temp"), ComparisonOp.GT, 0))
                .build());
        feed(0, 5);
        assertThat(state("off")).isEqualTo(TriggerState.OK);
        assertThat(state("on")).isEqualTo(TriggerState.FIRING);
        assertThat(engine.removeTrigger("on")).isTrue();
        assertThat(engine.removeTrigger("on")).isFalse();
        feed(10, -5);
        assertThat(transitions.states("on")).containsExactly("FIRING");
        assertThat(engine.snapshotNow().triggers()).extracting(t -> t.id()).containsExactly("off");
    }

    @Test
    void invalidTriggersAreRejectedWithClearMessages() {
        engine.addTrigger(TriggerSpec.builder("dup", Condition.compare(Operand.latest("oven_temp"), ComparisonOp.GT, 0))
                .build());
        assertThatThrownBy(() -> engine.addTrigger(TriggerSpec.builder("dup",
                Condition.compare(Operand.latest("oven_temp"), ComparisonOp.GT, 0)).build()))
                .hasMessage("trigger 'dup' is already registered");
        assertThatThrownBy(() -> engine.addTrigger(TriggerSpec.builder("t",
                Condition.compare(Operand.latest("ovn_temp"), ComparisonOp.GT, 0)).build()))
                .hasMessageContaining("unknown channel 'ovn_temp'");
        assertThatThrownBy(() -> engine.addTrigger(TriggerSpec.builder("t",
                Condition.compare(Operand.window("nope", Stat.MEAN), ComparisonOp.GT, 0)).build()))
                .hasMessageContaining("unknown window 'nope'");
        assertThatThrownBy(() -> Condition.compare(Operand.latest("x"), ComparisonOp.GT, Double.NaN))
                .hasMessageContaining("must be a finite number");
        assertThatThrownBy(() -> new Condition.Range(Operand.latest("x"), true, 5, 1))
                .hasMessageContaining("low 5.0 is above high 1.0");
        assertThatThrownBy(() -> TriggerSpec.builder("bad id!", Condition.compare(Operand.latest("x"),
                ComparisonOp.GT, 0)).build()).hasMessageContaining("invalid trigger id 'bad id!'");
        assertThatThrownBy(() -> TriggerSpec.builder("t", Condition.compare(Operand.latest("x"), ComparisonOp.GT, 0))
                .holdFor(Duration.ofSeconds(-1)).build()).hasMessageContaining("'for' duration must be >= 0");
        assertThatThrownBy(() -> new ActionSpec.MqttPublish("lab/#", "x", 1, false))
                .hasMessageContaining("must not contain wildcards");
        assertThatThrownBy(() -> new ActionSpec.MqttPublish("lab/a", "x", 3, false))
                .hasMessageContaining("QoS must be 0, 1 or 2");
    }

    @Test
    void eventPriorityOutOfRangeIsRejected() {
        assertThatThrownBy(() -> new Event(0, EventType.SYSTEM_ALERT, "", T0, "x", 0, "", Map.of()))
                .hasMessageContaining("between 1 and 10, got 0");
        assertThatThrownBy(() -> new Event(0, EventType.SYSTEM_ALERT, "", T0, "x", 11, "", Map.of()))
                .hasMessageContaining("got 11");
        assertThat(new Event(0, EventType.SYSTEM_ALERT, "", T0, "x", 7, "", null).isHighPriority()).isTrue();
        assertThat(new Event(0, EventType.SYSTEM_ALERT, "", T0, "x", 6, "", null).isHighPriority()).isFalse();
    }

    @Test
    void handlersGetOnlyTheirEventTypesAndAFailingHandlerIsCounted() throws Exception {
        List<EventType> seen = new ArrayList<>();
        engine.onEvent(EventType.DEVICE_STATUS, e -> {
            synchronized (seen) {
                seen.add(e.type());
            }
        });
        engine.onEvent(EventType.DEVICE_STATUS, e -> {
            throw new IllegalStateException("broken handler");
        });
        engine.publishEvent(new Event(0, EventType.DEVICE_STATUS, "oven", T0, "CONNECTED", 3, "", Map.of()));
        engine.publishEvent(new Event(0, EventType.USER_ACTION, "", T0, "hello", 3, "", Map.of()));
        engine.publishEvent(new Event(0, EventType.DEVICE_STATUS, "oven", T0, "DISCONNECTED", 6, "", Map.of()));
        EngineIngestTest.drain(engine);
        engine.events().awaitIdle(5, TimeUnit.SECONDS);
        synchronized (seen) {
            assertThat(seen).containsExactly(EventType.DEVICE_STATUS, EventType.DEVICE_STATUS);
        }
        assertThat(engine.events().handlerErrors()).isEqualTo(2);
        assertThat(engine.snapshotNow().recentEvents()).extracting(Event::data)
                .containsExactly("CONNECTED", "hello", "DISCONNECTED");
    }
}
