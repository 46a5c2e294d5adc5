package dev.benchwatch.bench;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.detect.DetectorKind;
import dev.benchwatch.engine.ingest.IngestSource;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import java.util.Arrays;
import java.util.List;
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
 * Readings per second through the engine on one thread with every detector (docs/DETECTORS.md) on each of
 * the {@link Workload}'s 64 channels, against the same engine without detectors in the same run
 * ({@code detectors=false}): the workload of {@link EngineThroughputBenchmark} (windows and a trigger per
 * channel) plus 8 x 64 detectors with their default settings. Requirement: >= 2 million readings/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DetectorBenchmark {
    @Param({"true", "false"})
    public boolean detectors;

    /**
     * The kinds added when {@code detectors} is true: "all", or names joined by + ({@code -p kinds=zscore+mad})
     * to see their share.
     */
    @Param({"all"})
    public String kinds;

    private Engine engine;
    private IngestSource source;
    private long eventTime = Workload.START_NANOS;
    private int valueIndex;

    @Setup(Level.Trial)
    public void setUp() {
        engine = Workload.newEngine(Workload.config().build());
        Workload.checkChannelIds(engine);
        if (detectors) {
            for (int c = 0; c < Workload.CHANNELS; c++) {
                for (DetectorKind kind : chosenKinds()) {
                    engine.addDetector(Workload.channelName(c), kind, 0);
                }
            }
        }
        source = engine.registerSource("bench", OverloadPolicy.BLOCK, 2 * Workload.BATCH);
        for (int i = 0; i < Workload.PREFILL_ROUNDS / Workload.ROUNDS; i++) {
            engine();
        }
    }

    private List<DetectorKind> chosenKinds() {
        if (kinds.equals("all")) {
            return List.of(DetectorKind.values());
        }
        return Arrays.stream(kinds.split("\\+")).map(DetectorKind::parse).toList();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    @OperationsPerInvocation(Workload.BATCH)
    public int engine() {
        Workload.offerBatch(source, eventTime, valueIndex);
        eventTime += Workload.ROUNDS * Workload.STEP_NANOS;
        valueIndex += Workload.BATCH;
        return engine.doWork();
    }
}
