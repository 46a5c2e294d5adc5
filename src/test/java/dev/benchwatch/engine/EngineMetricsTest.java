package dev.benchwatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.engine.event.EventType;
import dev.benchwatch.engine.ingest.IngestSource;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import dev.benchwatch.engine.metrics.EngineMetrics;
import dev.benchwatch.engine.pipeline.OperatorSpec;
import dev.benchwatch.engine.pipeline.PipelineSpec;
import dev.benchwatch.engine.trigger.ComparisonOp;
import dev.benchwatch.engine.trigger.Condition;
import dev.benchwatch.engine.trigger.Operand;
import dev.benchwatch.engine.trigger.TriggerSpec;
import dev.benchwatch.engine.window.WindowSpec;
import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class EngineMetricsTest {
    private static final long T0 = 1_700_000_000_000_000_000L;

    @Test
    void countsEveryKindOfProcessor() {
        try (Engine engine = new Engine()) {
            engine.registerChannel("a", "", "d");
            engine.registerChannel("b", "", "d");
            engine.addWindow(WindowSpec.count("a10", "a", 10));
            engine.addWindow(WindowSpec.slidingTime("b1s", "b", Duration.ofSeconds(1)));
            engine.addPipeline(new PipelineSpec("copy", "a", "a_copy", "", List.of(new OperatorSpec.Map(2, 0))));
            engine.addTrigger(TriggerSpec.builder("t", Condition.compare(Operand.latest("a"), ComparisonOp.GT, 1))
                    .build());
            engine.onEvent(EventType.DEVICE_STATUS, e -> { });
            engine.onAnyEvent(e -> { });
            EngineMetrics m = engine.snapshotNow().metrics();
            assertThat(m.channels()).isEqualTo(3);
            assertThat(m.windows()).isEqualTo(2);
            assertThat(m.pipelines()).isEqualTo(1);
            assertThat(m.triggers()).isEqualTo(1);
            assertThat(m.handlers()).isEqualTo(2);
            assertThat(m.mode()).isEqualTo(ProcessingMode.HYBRID);
        }
    }

    @Test
    void eventsAreCountedByType() {
        try (Engine engine = new Engine()) {
            for (int i = 0; i < 3; i++) {
                engine.publishEvent(new dev.benchwatch.engine.event.Event(0, EventType.SYSTEM_ALERT, "d", T0,
                        "device 'd' fell silent", 8, "", java.util.Map.of()));
            }
            engine.publishEvent(new dev.benchwatch.engine.event.Event(0, EventType.ANOMALY_DETECTED, "d", T0,
                    "a: value 40", 6, "", java.util.Map.of()));
            engine.doWork();
            EngineMetrics m = engine.snapshotNow().metrics();
            assertThat(m.events(EventType.SYSTEM_ALERT)).isEqualTo(3);
            assertThat(m.events(EventType.ANOMALY_DETECTED)).isEqualTo(1);
            assertThat(m.events(EventType.THRESHOLD_BREACH)).isZero();
            assertThat(m.events()).isEqualTo(4);
        }
    }

    @Test
    void latencyIsRecordedForEveryAcceptedReadingAndBudgetOverrunsAreCounted() throws Exception {
        try (Engine engine = new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO)
                .latencyBudget(Duration.ofMillis(5)).build())) {
            int ch = engine.registerChannel("x", "", "d").id();
            IngestSource source = engine.registerSource("d", OverloadPolicy.BLOCK);
            long now = System.nanoTime();
            for (int i = 0; i < 1_000; i++) {
                source.offer(ch, T0 + i, i, now);
            }
            // these were "sent" 50 ms ago: the engine must see them as late
            for (int i = 0; i < 10; i++) {
                source.offer(ch, T0 + 2_000 + i, i, now - Duration.ofMillis(50).toNanos());
            }
            EngineIngestTest.drain(engine);
            Histogram latency = engine.latencyHistogram();
            assertThat(latency.getTotalCount()).isEqualTo(1_010);
            assertThat(latency.getMaxValue()).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
            EngineMetrics m = engine.snapshotNow().metrics();
            assertThat(m.overBudget()).isGreaterThanOrEqualTo(10);
            assertThat(m.latency().count()).isEqualTo(1_010);
            assertThat(m.latency().p50()).isLessThanOrEqualTo(m.latency().p99());
            assertThat(m.latency().p99()).isLessThanOrEqualTo(m.latency().p999());
            assertThat(m.latency().p999()).isLessThanOrEqualTo(m.latency().max());
            engine.resetLatency();
            assertThat(engine.latencyHistogram().getTotalCount()).isZero();
        }
    }

    @Test
    void snapshotsArePublishedByTheEngineThreadWithARate() throws Exception {
        try (Engine engine = new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO).build())) {
            int ch = engine.registerChannel("x", "", "d").id();
            IngestSource source = engine.registerSource("d", OverloadPolicy.BLOCK);
            engine.start();
            long first = engine.snapshot().sequence();
            long end = System.nanoTime() + Duration.ofMillis(300).toNanos();
            int i = 0;
            double highestRate = 0;
            while (System.nanoTime() < end) {
                source.offer(ch, T0 + i, i++);
                if (i % 100 == 0) {
                    Thread.sleep(1);
                    highestRate = Math.max(highestRate, engine.snapshot().metrics().readingsPerSecond());
                }
            }
            EngineIngestTest.awaitAccepted(engine, i);
            EngineSnapshot snapshot = engine.snapshot();
            assertThat(snapshot.sequence()).as("published on its own, about every 16 ms").isGreaterThan(first + 5);
            assertThat(highestRate).as("readings/s while readings flow").isPositive();
            assertThat(snapshot.channel("x").count()).isEqualTo(snapshot.metrics().accepted());
        }
    }

    @Test
    void configRejectsBadSettingsNamingThem() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EngineConfig.builder().microBatch(0,
                Duration.ofMillis(1)).build()).hasMessageContaining("microBatchSize must be >= 1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EngineConfig.builder()
                .maxReadingAge(Duration.ofSeconds(-1)).build()).hasMessageContaining("maxReadingAge");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EngineConfig.builder()
                .latencyBudget(Duration.ZERO).build()).hasMessageContaining("latencyBudget must be positive");
        assertThat(EngineConfig.defaults().maxReadingAgeNanos()).isEqualTo(Duration.ofSeconds(5).toNanos());
        assertThat(EngineConfig.defaults().microBatchSize()).isEqualTo(100);
        assertThat(EngineConfig.defaults().microBatchMaxWaitNanos()).isEqualTo(Duration.ofMillis(50).toNanos());
        assertThat(EngineConfig.defaults().latencyBudgetNanos()).isEqualTo(Duration.ofMillis(100).toNanos());
    }
}
