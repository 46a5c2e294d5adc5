package dev.benchwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.device.sim.NabRecording;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineConfig;
import dev.benchwatch.engine.action.ActionPorts;
import dev.benchwatch.engine.detect.DetectorKind;
import dev.benchwatch.engine.detect.DetectorSet;
import dev.benchwatch.engine.event.EventType;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The detectors' default settings on real data (the two NAB recordings and their labelled windows). The
 * thresholds asserted here are the table in docs/DETECTORS.md, rounded to leave a little slack: a change to a
 * detector or a default that makes it miss windows or raise more false alarms fails this test.
 */
class NabDetectorEvaluationTest {
    private static final String MACHINE = "machine_temperature_system_failure.csv";
    private static final String AMBIENT = "ambient_temperature_system_failure.csv";
    private static final Map<DetectorKind, NabEvaluation.Row> machine = new EnumMap<>(DetectorKind.class);
    private static final Map<DetectorKind, NabEvaluation.Row> ambient = new EnumMap<>(DetectorKind.class);

    @BeforeAll
    static void replay() throws Exception {
        for (NabEvaluation.Row row : NabEvaluation.evaluate(MACHINE)) {
            machine.put(row.kind(), row);
            System.out.println(row.markdown());
        }
        for (NabEvaluation.Row row : NabEvaluation.evaluate(AMBIENT)) {
            ambient.put(row.kind(), row);
            System.out.println(row.markdown());
        }
    }

    @Test
    void theEwmaDetectorFindsMostWindowsWithFewFalseAlarms() {
        assertThat(machine.get(DetectorKind.EWMA).detected()).isGreaterThanOrEqualTo(3);
        assertThat(ambient.get(DetectorKind.EWMA).detected()).isEqualTo(2);
        assertThat(machine.get(DetectorKind.EWMA).falseAlarmsPerDay()).isLessThan(0.1);
        assertThat(ambient.get(DetectorKind.EWMA).falseAlarmsPerDay()).isLessThan(0.1);
    }

    @Test
    void theZScoreAndMadDetectorsFindWindowsInBothFiles() {
        assertThat(machine.get(DetectorKind.ZSCORE).detected()).isGreaterThanOrEqualTo(2);
        assertThat(ambient.get(DetectorKind.ZSCORE).detected()).isEqualTo(2);
        assertThat(machine.get(DetectorKind.ZSCORE).falseAlarmsPerDay()).isLessThan(0.3);
        assertThat(ambient.get(DetectorKind.ZSCORE).falseAlarmsPerDay()).isLessThan(0.05);
        assertThat(machine.get(DetectorKind.MAD).detected()).isEqualTo(4);
        assertThat(ambient.get(DetectorKind.MAD).detected()).isGreaterThanOrEqualTo(1);
        assertThat(machine.get(DetectorKind.MAD).falseAlarmsPerDay()).isLessThan(0.3);
        assertThat(ambient.get(DetectorKind.MAD).falseAlarmsPerDay()).isLessThan(0.05);
    }

    @Test
    void cusumFindsEveryWindowAtTheCostOfMoreFalseAlarms() {
        assertThat(machine.get(DetectorKind.CUSUM).detected()).isEqualTo(4);
        assertThat(ambient.get(DetectorKind.CUSUM).detected()).isEqualTo(2);
        assertThat(machine.get(DetectorKind.CUSUM).falseAlarmsPerDay()).isLessThan(1.0);
        assertThat(ambient.get(DetectorKind.CUSUM).falseAlarmsPerDay()).isLessThan(0.4);
    }

    @Test
    void trendAndSpikeFireRarelyAndMostlyInsideWindows() {
        assertThat(machine.get(DetectorKind.TREND).detected()).isEqualTo(4);
        assertThat(ambient.get(DetectorKind.TREND).detected()).isEqualTo(2);
        assertThat(machine.get(DetectorKind.TREND).falseAlarmsPerDay()).isLessThan(0.4);
        assertThat(machine.get(DetectorKind.SPIKE).detected()).isGreaterThanOrEqualTo(2);
        assertThat(machine.get(DetectorKind.SPIKE).falseAlarmsPerDay()).isLessThan(0.1);
    }

    @Test
    void theHealthDetectorsStayQuietOnHealthySensors() {
        // neither recording has a stuck sensor; the ambient one has a real gap in its data inside a window
        for (Map<DetectorKind, NabEvaluation.Row> file : List.of(machine, ambient)) {
            assertThat(file.get(DetectorKind.FLATLINE).falseAlarms()).isZero();
            assertThat(file.get(DetectorKind.DROPOUT).falseAlarmsPerDay()).isLessThan(0.05);
        }
        assertThat(ambient.get(DetectorKind.DROPOUT).detected()).isEqualTo(1);
    }

    @Test
    void replayedThroughTheEngineTheDetectorsReportTheSameAnomalies() throws Exception {
        var recording = NabRecording.read(NabEvaluation.resource(MACHINE));
        List<String> direct = DetectorSet.run(List.of(DetectorKind.values()),
                        recording.timestampsNanos(), recording.values()).stream()
                .map(d -> d.timestampNanos() + " " + d.kind().id()).toList();
        List<String> viaEngine = new CopyOnWriteArrayList<>();
        try (var engine = new Engine(EngineConfig.builder()
                .maxReadingAge(Duration.ZERO).build(), ActionPorts.unconnected())) {
            int channel = engine.registerChannel("machine_temp", "°F", "machine").id();
            var source = engine.registerSource("machine", OverloadPolicy.BLOCK);
            engine.onEvent(EventType.ANOMALY_DETECTED, e -> viaEngine.add(
                    e.timestampNanos() + " " + e.metadata().get("detector")));
            for (DetectorKind kind : DetectorKind.values()) {
                engine.addDetector("machine_temp", kind, 0);
            }
            for (int i = 0; i < recording.size(); i++) {
                source.offer(channel, recording.timestampsNanos()[i], recording.values()[i]);
                if (i % 256 == 255) {
                    drain(engine);
                }
            }
            drain(engine);
            engine.events().awaitIdle(10, TimeUnit.SECONDS);
            assertThat(engine.snapshotNow().metrics().accepted()).isEqualTo(recording.size());
        }
        assertThat(direct).isNotEmpty();
        // the same excursions; the engine's detectors run in registration order per reading, as DetectorSet's do
        assertThat(viaEngine).containsExactlyElementsOf(direct);
    }

    private static void drain(Engine engine) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (engine.doWork() > 0 || engine.snapshotNow().metrics().queueDepth() > 0) {
            assertThat(System.nanoTime()).as("engine drained").isLessThan(deadline);
        }
    }
}
