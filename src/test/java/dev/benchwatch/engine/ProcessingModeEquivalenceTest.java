package dev.benchwatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.engine.ingest.IngestSource;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import dev.benchwatch.engine.pipeline.JoinFunction;
import dev.benchwatch.engine.pipeline.OperatorSpec;
import dev.benchwatch.engine.pipeline.PipelineSpec;
import dev.benchwatch.engine.trigger.ComparisonOp;
import dev.benchwatch.engine.trigger.Condition;
import dev.benchwatch.engine.trigger.Operand;
import dev.benchwatch.engine.trigger.TriggerSpec;
import dev.benchwatch.engine.window.Stat;
import dev.benchwatch.engine.window.WindowKind;
import dev.benchwatch.engine.window.WindowResult;
import dev.benchwatch.engine.window.WindowSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same readings give the same window results and trigger transitions in every processing mode. */
class ProcessingModeEquivalenceTest {
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final int READINGS = 30_000;
    private static final String[] CHANNELS = {"volts", "amps", "temp"};

    /** Everything observable that must not depend on the mode. */
    record Outcome(List<String> transitions, List<String> windows, List<String> derived, List<String> latest) {
    }

    record Input(int[] channels, long[] timestamps, double[] values) {
        static Input generate(long seed) {
            Random random = new Random(seed);
            int[] channels = new int[READINGS];
            long[] timestamps = new long[READINGS];
            double[] values = new double[READINGS];
            long t = T0;
            double[] level = {12, 2, 150};
            for (int i = 0; i < READINGS; i++) {
                t += random.nextInt(2_000_000); // 0-2 ms apart, sometimes equal
                int ch = random.nextInt(CHANNELS.length);
                level[ch] += random.nextGaussian() * (ch == 2 ? 2 : 0.2);
                if (random.nextInt(500) == 0) {
                    level[ch] += random.nextBoolean() ? 30 : -30; // excursions that fire triggers
                }
                channels[i] = ch;
                timestamps[i] = t;
                values[i] = level[ch];
            }
            return new Input(channels, timestamps, values);
        }
    }

    private static Engine configured(ProcessingMode mode) {
        Engine engine = new Engine(EngineConfig.builder().mode(mode).maxReadingAge(Duration.ZERO)
                .microBatch(100, Duration.ofMillis(2)).laneCapacity(1 << 16).build());
        for (String name : CHANNELS) {
            engine.registerChannel(name, "", "bench");
            engine.addWindow(WindowSpec.slidingTime(name + "_sliding", name, Duration.ofMillis(250)));
            engine.addWindow(WindowSpec.count(name + "_count", name, 50));
            engine.addWindow(WindowSpec.tumblingTime(name + "_tumbling", name, Duration.ofMillis(500)));
            engine.addWindow(WindowSpec.session(name + "_session", name, Duration.ofMillis(4)));
            engine.addPipeline(new PipelineSpec(name + "_per_bucket", name, name + "_bucket_max", "",
                    List.of(new OperatorSpec.Aggregate(WindowKind.TUMBLING_TIME, Duration.ofMillis(500).toNanos(), 0,
                            Stat.MAX))));
            engine.addTrigger(TriggerSpec.builder(name + "_high",
                            Condition.compare(Operand.window(name + "_sliding", Stat.MEAN), ComparisonOp.GT,
                                    name.equals("temp") ? 170 : name.equals("volts") ? 25 : 15))
                    .holdFor(Duration.ofMillis(20))
                    .clearWhen(Condition.compare(Operand.window(name + "_sliding", Stat.MEAN), ComparisonOp.LT,
                            name.equals("temp") ? 160 : name.equals("volts") ? 20 : 10))
                    .cooldown(Duration.ofMillis(300)).build());
            engine.addTrigger(TriggerSpec.builder(name + "_jumpy",
                    Condition.compare(Operand.window(name + "_count", Stat.STDDEV), ComparisonOp.GT, 3)).build());
        }
        engine.addPipeline(new PipelineSpec("power", "volts", "power", "W",
                List.of(new OperatorSpec.Join("amps", 1_000_000, JoinFunction.MULTIPLY))));
        engine.addWindow(WindowSpec.slidingTime("power_sliding", "power", Duration.ofMillis(100)));
        engine.addTrigger(TriggerSpec.builder("power_any", Condition.or(
                Condition.compare(Operand.window("power_sliding", Stat.MAX), ComparisonOp.GT, 200),
                Condition.compare(Operand.latest("power"), ComparisonOp.LT, -50))).build());
        return engine;
    }

    private static Outcome outcome(Engine engine, Transitions transitions) {
        EngineSnapshot snapshot = engine.snapshotNow();
        List<String> windows = new ArrayList<>();
        for (WindowResult w : snapshot.windows()) {
            windows.add(w.windowId() + " " + w.startNanos() + " " + w.endNanos() + " " + Arrays.toString(w.stats()));
        }
        List<String> derived = new ArrayList<>();
        for (String name : List.of("volts_bucket_max", "amps_bucket_max", "temp_bucket_max", "power")) {
            ChannelHistory history = engine.history(name);
            long[] ts = new long[history.capacity()];
            double[] values = new double[history.capacity()];
            int n = history.copyTo(ts, values);
            for (int i = 0; i < n; i++) {
                derived.add(name + " " + ts[i] + " " + values[i]);
            }
        }
        List<String> latest = snapshot.channels().stream().map(c -> c.name() + "=" + c.latest() + "#" + c.count())
                .toList();
        return new Outcome(transitions.all().stream().map(Object::toString).toList(), windows, derived, latest);
    }

    private static int[] ids(Engine engine) {
        return Arrays.stream(CHANNELS).mapToInt(engine.channels()::idOf).toArray();
    }

    private static Outcome runByHand(ProcessingMode mode, Input input) {
        try (Engine engine = configured(mode)) {
            Transitions transitions = new Transitions(engine);
            IngestSource source = engine.registerSource("bench", OverloadPolicy.BLOCK, 1 << 16);
            int[] ids = ids(engine);
            for (int i = 0; i < READINGS; i++) {
                source.offer(ids[input.channels()[i]], input.timestamps()[i], input.values()[i]);
                if (i % 997 == 0) {
                    engine.doWork(); // interleave producing and processing
                }
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (engine.snapshotNow().metrics().accepted() < READINGS) {
                engine.doWork();
                assertThat(System.nanoTime()).as("engine keeps up").isLessThan(deadline);
            }
            return outcome(engine, transitions);
        }
    }

    private static final Input INPUT = Input.generate(42);
    private static Outcome reference;

    private static synchronized Outcome reference() {
        if (reference == null) {
            reference = runByHand(ProcessingMode.EVENT_DRIVEN, INPUT);
        }
        return reference;
    }

    @Test
    void theWorkloadIsNotTrivial() {
        Outcome ref = reference();
        assertThat(ref.transitions()).hasSizeGreaterThan(20);
        assertThat(ref.transitions()).anyMatch(t -> t.contains("PENDING->FIRING"));
        assertThat(ref.transitions()).anyMatch(t -> t.contains("FIRING->CLEARED"));
        assertThat(ref.derived()).anyMatch(d -> d.startsWith("power "));
        assertThat(ref.derived()).anyMatch(d -> d.startsWith("temp_bucket_max "));
    }

    @ParameterizedTest
    @EnumSource(ProcessingMode.class)
    void everyModeGivesTheSameResults(ProcessingMode mode) {
        Outcome outcome = runByHand(mode, INPUT);
        Outcome ref = reference();
        assertThat(outcome.transitions()).isEqualTo(ref.transitions());
        assertThat(outcome.windows()).isEqualTo(ref.windows());
        assertThat(outcome.derived()).isEqualTo(ref.derived());
        assertThat(outcome.latest()).isEqualTo(ref.latest());
    }

    @Test
    void switchingModesAtRunTimeOnALiveEngineChangesNoResult() throws Exception {
        try (Engine engine = configured(ProcessingMode.HYBRID)) {
            Transitions transitions = new Transitions(engine);
            IngestSource source = engine.registerSource("bench", OverloadPolicy.BLOCK, 1024);
            int[] ids = ids(engine);
            engine.start();
            Thread switcher = Thread.ofPlatform().start(() -> {
                ProcessingMode[] modes = ProcessingMode.values();
                int i = 0;
                while (!Thread.currentThread().isInterrupted()) {
                    engine.setMode(modes[i++ % modes.length]);
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            for (int i = 0; i < READINGS; i++) {
                source.offer(ids[INPUT.channels()[i]], INPUT.timestamps()[i], INPUT.values()[i]);
            }
            EngineIngestTest.awaitAccepted(engine, READINGS);
            switcher.interrupt();
            switcher.join();
            Outcome outcome = outcome(engine, transitions);
            Outcome ref = reference();
            assertThat(outcome.transitions()).isEqualTo(ref.transitions());
            assertThat(outcome.windows()).isEqualTo(ref.windows());
            assertThat(outcome.derived()).isEqualTo(ref.derived());
        }
    }

    @Test
    void microBatchHoldsReadingsUntilTheBatchIsFullOrTheWaitIsOver() throws Exception {
        try (Engine engine = new Engine(EngineConfig.builder().mode(ProcessingMode.MICRO_BATCH)
                .maxReadingAge(Duration.ZERO).microBatch(10, Duration.ofMillis(200)).build())) {
            int ch = engine.registerChannel("x", "", "d").id();
            IngestSource source = engine.registerSource("d", OverloadPolicy.BLOCK);
            for (int i = 0; i < 25; i++) {
                source.offer(ch, T0 + i, i);
            }
            engine.doWork();
            engine.doWork();
            engine.doWork();
            assertThat(engine.snapshotNow().metrics().accepted()).as("two full batches").isEqualTo(20);
            Thread.sleep(250);
            engine.doWork();
            assertThat(engine.snapshotNow().metrics().accepted()).as("the rest after the wait").isEqualTo(25);
        }
    }
}
