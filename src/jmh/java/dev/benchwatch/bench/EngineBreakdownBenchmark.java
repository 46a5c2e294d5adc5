package dev.benchwatch.bench;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineConfig;
import dev.benchwatch.engine.ingest.IngestSource;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import dev.benchwatch.engine.trigger.ComparisonOp;
import dev.benchwatch.engine.trigger.Condition;
import dev.benchwatch.engine.trigger.Operand;
import dev.benchwatch.engine.trigger.TriggerSpec;
import dev.benchwatch.engine.window.Stat;
import dev.benchwatch.engine.window.WindowSpec;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where the time of {@code EngineThroughputBenchmark.engine} goes: the same loop, with the workload built up
 * one part at a time. Not a target of its own; run it (with {@code -prof gc}) to find what a change costs.
 *
 * <ul>
 *   <li>{@code INGEST}: channels only, history of one reading: lane, drain, checks, latency recording</li>
 *   <li>{@code HISTORY}: plus the default 100,000-reading history per channel</li>
 *   <li>{@code TIME_WINDOW}: plus the 1 s sliding window</li>
 *   <li>{@code COUNT_WINDOW}: plus the 1000-reading count window</li>
 *   <li>{@code FULL}: plus the trigger: the whole workload, as in EngineThroughputBenchmark</li>
 *   <li>{@code FULL_NO_SNAPSHOTS}: the whole workload with snapshots published once an hour (allocation check)</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineBreakdownBenchmark {
    public enum Stage { INGEST, HISTORY, TIME_WINDOW, COUNT_WINDOW, FULL, FULL_NO_SNAPSHOTS }

    @Param({"INGEST", "HISTORY", "TIME_WINDOW", "COUNT_WINDOW", "FULL", "FULL_NO_SNAPSHOTS"})
    public Stage stage;

    /** Fewer channels, smaller working set: {@code -p channels=8} shows how much of the cost is cache misses. */
    @Param({"64"})
    public int channels;

    private int rounds;

    private Engine engine;
    private IngestSource source;
    private long eventTime = Workload.START_NANOS;
    private int valueIndex;

    @Setup(Level.Trial)
    public void setUp() {
        EngineConfig.Builder config = Workload.config();
        if (stage == Stage.INGEST) {
            config.history(1, Duration.ZERO);
        }
        if (stage == Stage.FULL_NO_SNAPSHOTS) {
            config.snapshotInterval(Duration.ofHours(1));
        }
        engine = new Engine(config.build());
        if (channels < 1 || channels > Workload.CHANNELS || Workload.BATCH % channels != 0) {
            throw new IllegalArgumentException("channels must divide " + Workload.BATCH + " and be at most "
                    + Workload.CHANNELS);
        }
        rounds = Workload.BATCH / channels;
        for (int c = 0; c < channels; c++) {
            engine.registerChannel(Workload.channelName(c), "V", "bench");
        }
        for (int c = 0; c < channels; c++) {
            String channel = Workload.channelName(c);
            if (stage.compareTo(Stage.TIME_WINDOW) >= 0) {
                engine.addWindow(WindowSpec.slidingTime(Workload.timeWindowId(c), channel, Workload.TIME_WINDOW));
            }
            if (stage.compareTo(Stage.COUNT_WINDOW) >= 0) {
                engine.addWindow(WindowSpec.count(Workload.countWindowId(c), channel, Workload.COUNT_WINDOW));
            }
            if (stage.compareTo(Stage.FULL) >= 0) {
                engine.addTrigger(TriggerSpec.builder("ch" + c + "_high", Condition.compare(
                        Operand.window(Workload.countWindowId(c), Stat.MEAN), ComparisonOp.GT, Workload.THRESHOLD))
                        .build());
            }
        }
        source = engine.registerSource("bench", OverloadPolicy.BLOCK, 2 * Workload.BATCH);
        for (int i = 0; i < Workload.PREFILL_ROUNDS / rounds; i++) {
            engine();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    @OperationsPerInvocation(Workload.BATCH)
    public int engine() {
        long t = eventTime;
        int v = valueIndex;
        IngestSource in = source;
        for (int r = 0; r < rounds; r++) {
            long ingest = System.nanoTime();
            for (int c = 0; c < channels; c++) {
                in.offer(c, t, Workload.value(v++), ingest);
            }
            t += Workload.STEP_NANOS;
        }
        eventTime = t;
        valueIndex = v;
        return engine.doWork();
    }
}
