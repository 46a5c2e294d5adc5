package dev.benchwatch.workspace.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineConfig;
import dev.benchwatch.engine.action.ActionPorts;
import dev.benchwatch.engine.detect.DetectorKind;
import dev.benchwatch.engine.ingest.IngestSource;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import dev.benchwatch.engine.trigger.TriggerState;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Detector scores in the trigger language: {@code zscore(machine_temp, 1h) > 4 for 10m}. */
class DetectorOperandTest {
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long MINUTE = 60_000_000_000L;

    @Test
    void theIssueExampleParsesAndPrintsBackUnchanged() {
        TriggerExpression e = TriggerText.parse("zscore(machine_temp, 1h) > 4 for 10m");
        OperandModel operand = e.when().comparisonOperand();
        assertThat(operand.detector()).isEqualTo(DetectorKind.ZSCORE);
        assertThat(operand.channel()).isEqualTo("machine_temp");
        assertThat(operand.detectorWindowNanos()).isEqualTo(Duration.ofHours(1).toNanos());
        assertThat(TriggerText.print(e)).isEqualTo("zscore(machine_temp, 1h) > 4 for 10m");
    }

    @Test
    void everyDetectorIsAnOperandAndTheWindowIsOptional() {
        for (DetectorKind kind : DetectorKind.values()) {
            String text = kind.id() + "(t) >= 2 and " + "cusum(t, 72h) > 8";
            assertThat(TriggerText.canonical(text)).isEqualTo(text);
        }
        assertThat(TriggerText.canonical("ZSCORE(t,60m)>4")).isEqualTo("zscore(t, 1h) > 4");
        // the examples of docs/DETECTORS.md
        assertThat(TriggerText.canonical("cusum(machine_temp) > 8 clear < 2")).isEqualTo("cusum(machine_temp) > 8 clear < 2");
        assertThat(TriggerText.canonical("flatline(probe_3) >= 1800")).isEqualTo("flatline(probe_3) >= 1800");
    }

    @Test
    void wrongWindowsAreLocatedErrors() {
        assertThatThrownBy(() -> TriggerText.parse("spike(t, 1m) > 1")).hasMessageContaining("column 1")
                .hasMessageContaining("spike takes no window; write spike(channel)");
        assertThatThrownBy(() -> TriggerText.parse("zscore(t, 100 readings) > 1"))
                .hasMessageContaining("zscore takes a time such as 1h, not a count window");
    }

    @Test
    void aDetectorTriggerRunsOnTheEngine() {
        try (Engine engine = new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO).build(),
                ActionPorts.unconnected())) {
            int t = engine.registerChannel("machine_temp", "°C", "machine").id();
            IngestSource source = engine.registerSource("machine", OverloadPolicy.BLOCK);
            EngineTrigger.from(TriggerModel.of("odd", TriggerText.parse("zscore(machine_temp, 1h) > 4 for 2m")))
                    .install(engine);
            for (int i = 0; i < 300; i++) {
                double v = i >= 200 && i < 203 ? 40 : 20 + 0.3 * Math.sin(i * 0.7);
                source.offer(t, T0 + i * MINUTE, v);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (engine.doWork() > 0 || engine.snapshotNow().metrics().queueDepth() > 0) {
                    assertThat(System.nanoTime()).isLessThan(deadline);
                }
                if (i == 199) {
                    assertThat(engine.snapshotNow().trigger("odd").state()).isEqualTo(TriggerState.OK);
                }
                if (i == 200) {
                    assertThat(engine.snapshotNow().trigger("odd").state()).isEqualTo(TriggerState.PENDING);
                }
                if (i == 202) {
                    // the 2nd and 3rd readings at 40 are still far from the hour's mean: held for 2 minutes
                    assertThat(engine.snapshotNow().trigger("odd").state()).isEqualTo(TriggerState.FIRING);
                }
            }
        }
    }
}
