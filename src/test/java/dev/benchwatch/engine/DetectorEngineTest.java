package dev.benchwatch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchwatch.engine.action.ActionPorts;
import dev.benchwatch.engine.detect.DetectorKind;
import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.event.EventType;
import dev.benchwatch.engine.ingest.IngestSource;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import dev.benchwatch.engine.trigger.ComparisonOp;
import dev.benchwatch.engine.trigger.Condition;
import dev.benchwatch.engine.trigger.Operand;
import dev.benchwatch.engine.trigger.TriggerSpec;
import dev.benchwatch.engine.trigger.TriggerState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Detectors inside the engine: a score as a trigger operand, and excursions as ANOMALY_DETECTED events. */
class DetectorEngineTest {
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long MINUTE = 60_000_000_000L;

    private Engine engine;
    private IngestSource source;
    private int temp;

    @BeforeEach
    void setUp() {
        engine = new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO).build(), ActionPorts.unconnected());
        temp = engine.registerChannel("machine_temp", "°C", "machine").id();
        source = engine.registerSource("machine", OverloadPolicy.BLOCK);
    }

    @AfterEach
    void tearDown() {
        engine.close();
    }

    /** One reading a minute around 20, with a jump to 40 at minute {@code spikeAt}. */
    private void feed(int from, int to, int spikeAt) {
        for (int i = from; i < to; i++) {
            double v = i == spikeAt ? 40 : 20 + 0.3 * Math.sin(i * 0.7);
            source.offer(temp, T0 + i * MINUTE, v);
            if (i % 100 == 0) {
                EngineIngestTest.drain(engine);
            }
        }
        EngineIngestTest.drain(engine);
    }

    @Test
    void aZscoreOperandFiresATriggerOnTheOutlierOnly() {
        engine.addTrigger(TriggerSpec.builder("odd", Condition.compare(
                Operand.detector(DetectorKind.ZSCORE, "machine_temp", 60 * MINUTE), ComparisonOp.GT, 4)).build());
        feed(0, 300, -1);
        assertThat(engine.snapshotNow().trigger("odd").state()).isEqualTo(TriggerState.OK);
        feed(300, 301, 300);
        assertThat(engine.snapshotNow().trigger("odd").state()).isEqualTo(TriggerState.FIRING);
        feed(301, 302, -1);
        assertThat(engine.snapshotNow().trigger("odd").state()).isEqualTo(TriggerState.CLEARED);
    }

    @Test
    void aDetectorReportsEachExcursionAsOneAnomalyEvent() throws InterruptedException {
        List<Event> anomalies = new CopyOnWriteArrayList<>();
        engine.onEvent(EventType.ANOMALY_DETECTED, anomalies::add);
        engine.addDetector("machine_temp", DetectorKind.MAD, 0);
        feed(0, 400, 250);
        engine.events().awaitIdle(5, TimeUnit.SECONDS);
        assertThat(anomalies).hasSize(1);
        Event e = anomalies.get(0);
        assertThat(e.timestampNanos()).isEqualTo(T0 + 250 * MINUTE);
        assertThat(e.sourceDevice()).isEqualTo("machine");
        assertThat(e.metadata()).containsEntry("detector", "mad").containsEntry("channel", "machine_temp")
                .containsEntry("value", "40.0");
        assertThat(e.data()).startsWith("machine_temp: value 40.00 is ").contains("robust deviations");
    }

    @Test
    void detectorsWithoutATimeSettingRefuseOne() {
        assertThatThrownBy(() -> Operand.detector(DetectorKind.SPIKE, "machine_temp", MINUTE))
                .hasMessage("spike takes no time window; write spike(channel)");
        assertThatThrownBy(() -> engine.addDetector("nope", DetectorKind.ZSCORE, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
