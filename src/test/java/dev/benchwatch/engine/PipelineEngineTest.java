package dev.benchwatch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.event.EventType;
import dev.benchwatch.engine.ingest.IngestSource;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import dev.benchwatch.engine.ingest.RejectReason;
import dev.benchwatch.engine.pipeline.JoinFunction;
import dev.benchwatch.engine.pipeline.OperatorSpec;
import dev.benchwatch.engine.pipeline.PipelineSpec;
import dev.benchwatch.engine.trigger.ComparisonOp;
import dev.benchwatch.engine.trigger.Condition;
import dev.benchwatch.engine.trigger.Operand;
import dev.benchwatch.engine.trigger.TriggerSpec;
import dev.benchwatch.engine.trigger.TriggerState;
import dev.benchwatch.engine.window.Stat;
import dev.benchwatch.engine.window.WindowKind;
import dev.benchwatch.engine.window.WindowSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PipelineEngineTest {
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long MS = 1_000_000L;

    private final AtomicLong clock = new AtomicLong(T0);
    private Engine engine;
    private IngestSource source;

    @BeforeEach
    void setUp() {
        engine = new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO).clock(clock::get).build());
        engine.registerChannel("volts", "V", "psu");
        engine.registerChannel("amps", "A", "psu");
        engine.registerChannel("temp_c", "°C", "oven");
        source = engine.registerSource("bench", OverloadPolicy.BLOCK);
    }

    @AfterEach
    void tearDown() {
        engine.close();
    }

    private void offer(String channel, long ms, double value) {
        source.offer(engine.channels().idOf(channel), T0 + ms * MS, value);
    }

    private double[] history(String channel) {
        ChannelHistory history = engine.history(channel);
        double[] values = new double[history.capacity()];
        int n = history.copyTo(new long[history.capacity()], values);
        return java.util.Arrays.copyOf(values, n);
    }

    @Test
    void mapConvertsUnitsAndFilterPassesOnlyMatchingReadings() {
        engine.addPipeline(new PipelineSpec("fahrenheit", "temp_c", "temp_f", "°F",
                List.of(new OperatorSpec.Filter(ComparisonOp.GE, 0), OperatorSpec.Map.convert("°C", "°F"))));
        offer("temp_c", 0, 100);
        offer("temp_c", 1, -40);
        offer("temp_c", 2, 0);
        offer("temp_c", 3, 37);
        EngineIngestTest.drain(engine);
        assertThat(history("temp_f")).containsExactly(212.0, 32.0, 98.60000000000001);
        assertThat(engine.channels().get(engine.channels().idOf("temp_f")).unit()).isEqualTo("°F");
        assertThat(engine.snapshotNow().metrics().pipelines()).isEqualTo(1);
    }

    @Test
    void validateFailuresAreCountedAndBecomeEvents() throws Exception {
        engine.addPipeline(new PipelineSpec("checked", "volts", "volts_ok", "V", List.of(
                new OperatorSpec.Validate(0, 30, Duration.ofSeconds(1).toNanos()), new OperatorSpec.Map(1, 0))));
        offer("volts", 0, 12);
        offer("volts", 0, 31); // out of range
        offer("volts", 0, -1); // out of range
        offer("volts", -5_000, 12); // 5 s behind the clock: stale for this pipeline
        EngineIngestTest.drain(engine);
        assertThat(history("volts_ok")).containsExactly(12.0);
        assertThat(history("volts")).as("the input reading itself is kept").hasSize(4);
        EngineSnapshot snapshot = engine.snapshotNow();
        assertThat(snapshot.metrics().rejected(RejectReason.VALIDATION_FAILED)).isEqualTo(3);
        assertThat(snapshot.metrics().errors()).isEqualTo(3);
        List<Event> alerts = snapshot.recentEvents().stream().filter(e -> e.type() == EventType.SYSTEM_ALERT).toList();
        // one event per pipeline and reason per second, however many failures
        assertThat(alerts).extracting(e -> e.metadata().get("reason")).containsExactly("out_of_range", "stale");
        assertThat(alerts.get(0).data()).contains("pipeline 'checked' rejected 31.0: out_of_range");
    }

    @Test
    void enrichTagsTheOutputChannel() {
        engine.addPipeline(new PipelineSpec("tagged", "volts", "volts_tagged", "V",
                List.of(new OperatorSpec.Enrich(Map.of("bench", "B2", "calibrated", "2026-11-01")))));
        Channel out = engine.channels().get(engine.channels().idOf("volts_tagged"));
        assertThat(out.tags()).containsEntry("bench", "B2").containsEntry("calibrated", "2026-11-01");
    }

    @Test
    void joinAlignsTwoChannelsWithinATolerance() {
        engine.addPipeline(new PipelineSpec("power", "volts", "power", "W",
                List.of(new OperatorSpec.Join("amps", 5 * MS, JoinFunction.MULTIPLY))));
        offer("volts", 0, 12);
        offer("amps", 2, 1.5); // pairs with volts@0 -> 18
        offer("amps", 100, 2.0); // waits for a partner
        offer("volts", 103, 10); // pairs with amps@100 -> 20
        offer("volts", 200, 11); // no partner within 5 ms of amps@...
        offer("amps", 300, 3.0); // 100 ms after volts@200: too far apart
        offer("volts", 301, 12); // pairs with amps@300 -> 36
        EngineIngestTest.drain(engine);
        assertThat(history("power")).containsExactly(18.0, 20.0, 36.0);
        long[] ts = new long[16];
        engine.history("power").copyTo(ts, new double[16]);
        assertThat(ts[0]).isEqualTo(T0 + 2 * MS);
    }

    @Test
    void aggregateTurnsAWindowStatisticIntoADerivedChannel() {
        engine.addPipeline(new PipelineSpec("avg3", "volts", "volts_avg3", "V",
                List.of(new OperatorSpec.Aggregate(WindowKind.COUNT, 0, 3, Stat.MEAN))));
        engine.addPipeline(new PipelineSpec("max_per_s", "amps", "amps_max_1s", "A",
                List.of(new OperatorSpec.Aggregate(WindowKind.TUMBLING_TIME, Duration.ofSeconds(1).toNanos(), 0,
                        Stat.MAX))));
        for (int i = 0; i < 5; i++) {
            offer("volts", i, i);
        }
        offer("amps", 0, 1);
        offer("amps", 500, 3);
        offer("amps", 1200, 2); // closes the first second: emits max 3
        offer("amps", 2100, 5); // closes the second: emits 2
        EngineIngestTest.drain(engine);
        assertThat(history("volts_avg3")).containsExactly(0.0, 0.5, 1.0, 2.0, 3.0);
        assertThat(history("amps_max_1s")).containsExactly(3.0, 2.0);
    }

    @Test
    void derivedChannelsGetWindowsTriggersAndFurtherPipelines() {
        engine.addPipeline(new PipelineSpec("power", "volts", "power", "W",
                List.of(new OperatorSpec.Join("amps", MS, JoinFunction.MULTIPLY))));
        engine.addPipeline(new PipelineSpec("power_mw", "power", "power_mw", "mW",
                List.of(new OperatorSpec.Map(1000, 0))));
        engine.addWindow(WindowSpec.count("power_3", "power", 3));
        engine.addTrigger(TriggerSpec.builder("overpower",
                Condition.compare(Operand.window("power_3", Stat.MEAN), ComparisonOp.GT, 40)).build());
        for (int i = 0; i < 3; i++) {
            offer("volts", i * 10, 12);
            offer("amps", i * 10, 4);
        }
        EngineIngestTest.drain(engine);
        EngineSnapshot snapshot = engine.snapshotNow();
        assertThat(snapshot.window("power_3").get(Stat.MEAN)).isCloseTo(48, within(1e-12));
        assertThat(snapshot.channel("power_mw").latest()).isEqualTo(48_000);
        assertThat(snapshot.trigger("overpower").state()).isEqualTo(TriggerState.FIRING);
        assertThat(snapshot.metrics().accepted()).as("derived readings are not source readings").isEqualTo(6);
    }

    @Test
    void invalidPipelinesAreRejectedWithClearMessages() {
        engine.addPipeline(new PipelineSpec("p1", "volts", "v2", "V", List.of()));
        assertThatThrownBy(() -> engine.addPipeline(new PipelineSpec("p1", "amps", "a2", "A", List.of())))
                .hasMessage("pipeline 'p1' is already registered");
        assertThatThrownBy(() -> engine.addPipeline(new PipelineSpec("p2", "nope", "x", "", List.of())))
                .hasMessageContaining("unknown channel 'nope'");
        assertThatThrownBy(() -> engine.addPipeline(new PipelineSpec("p3", "volts", "volts", "", List.of())))
                .hasMessageContaining("must differ from the input");
        assertThatThrownBy(() -> engine.addPipeline(new PipelineSpec("p4", "amps", "v2", "", List.of())))
                .hasMessageContaining("already the output of pipeline 'p1'");
        assertThatThrownBy(() -> engine.addPipeline(new PipelineSpec("loop", "v2", "volts", "V", List.of())))
                .hasMessageContaining("would form a cycle");
        assertThatThrownBy(() -> engine.addPipeline(new PipelineSpec("j", "volts", "p", "W",
                List.of(new OperatorSpec.Join("ghost", MS, JoinFunction.MULTIPLY)))))
                .hasMessageContaining("join names unknown channel 'ghost'");
        assertThatThrownBy(() -> new OperatorSpec.Validate(10, 0, 0)).hasMessageContaining("min <= max");
        assertThatThrownBy(() -> new OperatorSpec.Map(Double.NaN, 0)).hasMessageContaining("must be finite");
        assertThatThrownBy(() -> new OperatorSpec.Aggregate(WindowKind.COUNT, 0, 0, Stat.MEAN))
                .hasMessageContaining("count must be between 1");
        assertThatThrownBy(() -> OperatorSpec.Map.convert("°C", "psi")).hasMessageContaining("no conversion");
        engine.addWindow(WindowSpec.count("w", "volts", 10));
        assertThatThrownBy(() -> engine.addWindow(WindowSpec.count("w", "amps", 10)))
                .hasMessage("window 'w' is already registered");
        assertThat(engine.snapshotNow().metrics().pipelines()).isEqualTo(1);
    }

    @Test
    void eventsFromValidationReachHandlers() throws Exception {
        List<Event> alerts = new java.util.ArrayList<>();
        engine.onEvent(EventType.SYSTEM_ALERT, e -> {
            synchronized (alerts) {
                alerts.add(e);
            }
        });
        engine.addPipeline(new PipelineSpec("checked", "volts", "volts_ok", "V",
                List.of(OperatorSpec.Validate.finiteOnly(), new OperatorSpec.Validate(0, 1, 0))));
        offer("volts", 0, 5);
        EngineIngestTest.drain(engine);
        engine.events().awaitIdle(5, TimeUnit.SECONDS);
        synchronized (alerts) {
            assertThat(alerts).singleElement().extracting(Event::sourceDevice).isEqualTo("psu");
        }
    }
}
