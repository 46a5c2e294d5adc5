package dev.benchwatch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchwatch.engine.action.ActionPorts;
import dev.benchwatch.engine.detect.DetectorKind;
import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.event.EventType;
import dev.benchwatch.engine.ingest.IngestSource;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import dev.benchwatch.engine.metrics.DetectorStatus;
import dev.benchwatch.engine.trigger.ComparisonOp;
import dev.benchwatch.engine.trigger.Condition;
import dev.benchwatch.engine.trigger.Operand;
import dev.benchwatch.engine.trigger.TriggerSpec;
import dev.benchwatch.engine.trigger.TriggerState;
import dev.benchwatch.engine.window.Stat;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A detector a trigger operand creates lives as long as some trigger reads it or someone declared it with
 * {@code addDetector}: removing or replacing the last trigger that reads it stops it.
 */
class TriggerDetectorLifetimeTest {
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long MINUTE = 60_000_000_000L;
    private static final String CHANNEL = "machine_temp";

    private Engine engine;
    private IngestSource source;
    private int temp;

    @BeforeEach
    void setUp() {
        engine = new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO).build(), ActionPorts.unconnected());
        temp = engine.registerChannel(CHANNEL, "°C", "machine").id();
        source = engine.registerSource("machine", OverloadPolicy.BLOCK);
    }

    @AfterEach
    void tearDown() {
        engine.close();
    }

    private static TriggerSpec zscoreAbove(String id, double threshold) {
        return TriggerSpec.builder(id, Condition.compare(Operand.detector(DetectorKind.ZSCORE, CHANNEL, 60 * MINUTE),
                ComparisonOp.GT, threshold)).build();
    }

    private static TriggerSpec madAbove(String id, double threshold) {
        return TriggerSpec.builder(id, Condition.compare(Operand.detector(DetectorKind.MAD, CHANNEL, 0),
                ComparisonOp.GT, threshold)).build();
    }

    /** One reading a minute around 20, with a jump to 40 at minute {@code spikeAt}. */
    private void feed(int from, int to, int spikeAt) {
        for (int i = from; i < to; i++) {
            source.offer(temp, T0 + i * MINUTE, i == spikeAt ? 40 : 20 + 0.3 * Math.sin(i * 0.7));
        }
        EngineIngestTest.drain(engine);
    }

    @Test
    void removingTheOnlyTriggerThatReadsADetectorStopsIt() {
        engine.addTrigger(zscoreAbove("odd", 4));
        assertThat(engine.detectors(CHANNEL)).containsExactly(
                new DetectorStatus(CHANNEL, DetectorKind.ZSCORE, 60 * MINUTE, false, 1));

        assertThat(engine.removeTrigger("odd")).isTrue();

        assertThat(engine.detectors(CHANNEL)).isEmpty();
    }

    @Test
    void triggersShareADetectorUntilTheLastOneGoes() {
        engine.addTrigger(zscoreAbove("odd", 4));
        engine.addTrigger(zscoreAbove("very_odd", 8));
        engine.addTrigger(madAbove("robust", 6));
        assertThat(engine.detectors(CHANNEL)).extracting(DetectorStatus::kind, DetectorStatus::triggerReads)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DetectorKind.ZSCORE, 2),
                        org.assertj.core.groups.Tuple.tuple(DetectorKind.MAD, 1));

        engine.removeTrigger("odd");
        assertThat(engine.detectors(CHANNEL)).extracting(DetectorStatus::kind, DetectorStatus::triggerReads)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DetectorKind.ZSCORE, 1),
                        org.assertj.core.groups.Tuple.tuple(DetectorKind.MAD, 1));

        engine.removeTrigger("very_odd");
        assertThat(engine.detectors(CHANNEL)).extracting(DetectorStatus::kind).containsExactly(DetectorKind.MAD);
    }

    @Test
    void aDeclaredDetectorOutlivesTheTriggersThatReadItAndKeepsReporting() throws InterruptedException {
        List<Event> anomalies = new CopyOnWriteArrayList<>();
        engine.onEvent(EventType.ANOMALY_DETECTED, anomalies::add);
        engine.addTrigger(madAbove("robust", 6));
        engine.addDetector(CHANNEL, DetectorKind.MAD, 0);
        engine.removeTrigger("robust");

        assertThat(engine.detectors(CHANNEL)).containsExactly(new DetectorStatus(CHANNEL, DetectorKind.MAD, 0, true, 0));
        feed(0, 400, 250);
        engine.events().awaitIdle(5, TimeUnit.SECONDS);
        assertThat(anomalies).extracting(Event::timestampNanos).containsExactly(T0 + 250 * MINUTE);
    }

    @Test
    void replacingATriggerKeepsTheDetectorBothReadWithWhatItLearned() {
        engine.addTrigger(zscoreAbove("odd", 40));
        feed(0, 300, -1); // the detector learns the normal level

        engine.replaceTrigger("odd", zscoreAbove("odd", 4));
        feed(300, 301, 300); // the outlier right after the edit: a fresh detector would still be warming up

        assertThat(engine.snapshotNow().trigger("odd").state()).isEqualTo(TriggerState.FIRING);
        assertThat(engine.detectors(CHANNEL)).extracting(DetectorStatus::triggerReads).containsExactly(1);
    }

    @Test
    void replacingATriggerWithOneThatReadsAnotherDetectorStopsTheOldOne() {
        engine.addTrigger(zscoreAbove("odd", 4));

        engine.replaceTrigger("odd", madAbove("odd_robust", 6));

        assertThat(engine.detectors(CHANNEL)).extracting(DetectorStatus::kind).containsExactly(DetectorKind.MAD);
        assertThat(engine.snapshotNow().triggers()).extracting(t -> t.id()).containsExactly("odd_robust");
    }

    @Test
    void aRefusedTriggerLeavesNoDetectorBehindAndARefusedReplacementKeepsTheOldTrigger() {
        Condition readsADetectorThenAMissingWindow = Condition.and(
                Condition.compare(Operand.detector(DetectorKind.TREND, CHANNEL, 0), ComparisonOp.GT, 9),
                Condition.compare(Operand.window("no_such_window", Stat.MEAN), ComparisonOp.GT, 1));
        assertThatThrownBy(() -> engine.addTrigger(TriggerSpec.builder("bad", readsADetectorThenAMissingWindow).build()))
                .hasMessageContaining("unknown window 'no_such_window'");
        assertThat(engine.detectors(CHANNEL)).isEmpty();

        engine.addTrigger(zscoreAbove("odd", 4));
        assertThatThrownBy(() -> engine.replaceTrigger("odd",
                TriggerSpec.builder("odd", readsADetectorThenAMissingWindow).build()))
                .hasMessageContaining("unknown window 'no_such_window'");
        assertThat(engine.detectors(CHANNEL)).extracting(DetectorStatus::kind, DetectorStatus::triggerReads)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DetectorKind.ZSCORE, 1));
        assertThat(engine.snapshotNow().triggers()).extracting(t -> t.id()).containsExactly("odd");
    }
}
