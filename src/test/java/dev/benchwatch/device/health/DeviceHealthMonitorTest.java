package dev.benchwatch.device.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.device.DeviceBench;
import dev.benchwatch.device.DeviceOutput;
import dev.benchwatch.device.mqtt.MosquittoBroker;
import dev.benchwatch.device.sim.SimulatedChannel;
import dev.benchwatch.device.sim.SimulatorDevice;
import dev.benchwatch.device.sim.Waveform;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.event.EventType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The monitor on its own timer thread, with a running engine and bench: alerts arrive as SYSTEM_ALERT events.
 * Short windows (tick 100 ms, window 500 ms, 1 s warm-up) so a test takes seconds.
 */
class DeviceHealthMonitorTest {
    static final HealthSettings FAST = new HealthSettings(Duration.ofMillis(100), Duration.ofMillis(500),
            Duration.ofSeconds(5), Duration.ofSeconds(1), 1.0 / 3, 3, 20);

    private Engine engine;
    private DeviceBench bench;
    private DeviceHealthMonitor monitor;
    final List<Event> alerts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        engine = new Engine();
        engine.onEvent(EventType.SYSTEM_ALERT, alerts::add);
        engine.start();
        bench = new DeviceBench(engine);
        monitor = new DeviceHealthMonitor(bench, FAST);
    }

    @AfterEach
    void stop() {
        monitor.close();
        bench.close();
        engine.close();
    }

    Event awaitAlert(String what, Predicate<Event> match) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < end) {
            for (Event e : alerts) {
                if (match.test(e)) {
                    return e;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + what + " within 10 s; alerts: " + alerts);
    }

    static Predicate<Event> alert(String kind, String state) {
        return e -> kind.equals(e.metadata().get("kind")) && state.equals(e.metadata().get("state"));
    }

    @Test
    void aSimulatorThatDiesRaisesASilentRateAlertAndClearsWhenItSendsAgain() throws Exception {
        SimulatorDevice sim = new SimulatorDevice("sim", 200, List.of(new SimulatedChannel("t", "°C",
                List.of(new Waveform.Sine(20, 1, 10)))), 1);
        bench.add("simulator", () -> sim);
        bench.connect("sim");
        monitor.start();
        Thread.sleep(2_500); // past the warm-up
        assertThat(alerts).isEmpty();

        sim.close(); // the device stops sending while the bench still wants it
        Event raised = awaitAlert("silent alert", alert("rate", "raised"));
        assertThat(raised.sourceDevice()).isEqualTo("sim");
        assertThat(raised.metadata()).containsEntry("device", "sim").containsEntry("direction", "silent");
        assertThat(Double.parseDouble(raised.metadata().get("expected"))).isBetween(150.0, 250.0);
        assertThat(raised.priority()).isEqualTo(HealthAlert.SILENT_PRIORITY);

        sim.start(new NullOutput()); // sending again, at its normal rate
        Event cleared = awaitAlert("cleared", alert("rate", "cleared"));
        assertThat(cleared.correlationId()).isEqualTo(raised.correlationId());
        assertThat(cleared.priority()).isLessThan(Event.HIGH_PRIORITY);
        assertThat(monitor.alerts()).isEqualTo(1);
    }

    @Test
    void aBurstOfDecodingErrorsRaisesOneMalformedAlert() throws Exception {
        CounterAdapter serial = new CounterAdapter("serial");
        bench.add("serial", () -> serial);
        bench.connect("serial");
        monitor.start();
        Thread.sleep(300);
        serial.checksumErrors.addAndGet(21);
        Event raised = awaitAlert("malformed alert", alert("malformed", "raised"));
        assertThat(raised.metadata()).containsEntry("device", "serial").containsEntry("observed", "21")
                .containsEntry("expected", "20");
        awaitAlert("cleared", alert("malformed", "cleared"));
        assertThat(alerts.stream().filter(alert("malformed", "raised"))).hasSize(1);
    }

    @Test
    void aDeviceWithItsOwnThresholdsIsJudgedByThemAndTheOthersByTheMonitorsOwn() throws Exception {
        monitor.close();
        HealthSettings strict = new HealthSettings(FAST.tick(), FAST.window(), FAST.learnTime(), FAST.warmUp(),
                FAST.lowRatio(), FAST.highRatio(), 2);
        monitor = new DeviceHealthMonitor(bench, FAST, java.util.Map.of("noisy_board", strict));
        CounterAdapter noisy = new CounterAdapter("noisy_board");
        CounterAdapter quiet = new CounterAdapter("quiet_board");
        bench.add("serial", () -> noisy);
        bench.add("serial", () -> quiet);
        bench.connect("noisy_board");
        bench.connect("quiet_board");
        monitor.start();
        Thread.sleep(300);

        noisy.checksumErrors.addAndGet(3); // above its own limit of 2
        quiet.checksumErrors.addAndGet(3); // well within the monitor's 20
        Event raised = awaitAlert("malformed alert", alert("malformed", "raised"));
        Thread.sleep(600); // more than a window: a second alert would have come by now

        assertThat(raised.metadata()).containsEntry("device", "noisy_board").containsEntry("expected", "2");
        assertThat(alerts.stream().filter(alert("malformed", "raised"))).hasSize(1);
        assertThat(monitor.settingsFor("quiet_board")).isEqualTo(FAST);
    }

    @Test
    void anMqttMessageFromAnUndeclaredDeviceIsAnUnexpectedSender(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        MosquittoBroker broker = new MosquittoBroker(dir);
        try {
            broker.start("allow_anonymous true\n");
            dev.benchwatch.device.mqtt.MqttAdapter mqtt = new dev.benchwatch.device.mqtt.MqttAdapter("lab",
                    new dev.benchwatch.device.mqtt.MqttSettings("127.0.0.1", broker.port(), "bw-health", 5, true,
                            List.of("lab/+/temp"), 1, new dev.benchwatch.device.mqtt.TopicMapping("{1}", "{2}")),
                    new dev.benchwatch.codec.decode.LabelValueDecoder());
            mqtt.expectDevices(java.util.Set.of("oven"));
            bench.add("mqtt", () -> mqtt);
            bench.connect("lab");
            monitor.start();
            MosquittoBroker.await(mqtt::isConnected, "the adapter to connect");
            Thread.sleep(300); // the subscription is sent on connect
            broker.publish("lab/oven/temp", "181.5");
            MosquittoBroker.await(() -> mqtt.readings() == 1, "the declared device's reading");
            Thread.sleep(300);
            assertThat(alerts).isEmpty();

            broker.publish("lab/intruder/temp", "99");
            Event raised = awaitAlert("unexpected-sender alert", alert("unexpected", "raised"));
            assertThat(raised.sourceDevice()).isEqualTo("lab");
            assertThat(raised.metadata()).containsEntry("sender", "lab/intruder/temp").containsEntry("observed", "1");
            assertThat(mqtt.unexpectedSenders()).containsOnlyKeys("lab/intruder/temp");
            awaitAlert("cleared", alert("unexpected", "cleared"));
            bench.close();
        } finally {
            broker.stop(); // stopping is all close() does; a try-with-resources would warn (InterruptedException)
        }
    }

    /** Where a restarted simulator sends: the monitor reads only its counter. */
    private static final class NullOutput implements DeviceOutput {
        @Override
        public int channel(String name, String unit, String device) {
            return 0;
        }

        @Override
        public boolean reading(int channel, long timestampNanos, double value) {
            return true;
        }

        @Override
        public void status(Event event) {
        }
    }
}
