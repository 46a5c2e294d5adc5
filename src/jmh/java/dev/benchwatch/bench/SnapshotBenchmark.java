package dev.benchwatch.bench;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineSnapshot;
import dev.benchwatch.engine.ingest.IngestSource;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one snapshot of the {@link Workload} engine costs the engine thread (the engine publishes one every
 * 16 ms by default, and readings wait while it is built): a diagnostic for the latency tail and the
 * allocation rate of {@code EngineThroughputBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SnapshotBenchmark {
    private Engine engine;

    @Setup(Level.Trial)
    public void setUp() {
        engine = Workload.newEngine(Workload.config().build());
        IngestSource source = engine.registerSource("bench", OverloadPolicy.BLOCK, 2 * Workload.BATCH);
        long t = Workload.START_NANOS;
        int v = 0;
        for (int r = 0; r < Workload.PREFILL_ROUNDS; r++) {
            for (int c = 0; c < Workload.CHANNELS; c++) {
                source.offer(c, t, Workload.value(v++), System.nanoTime() - 5_000);
            }
            t += Workload.STEP_NANOS;
            if (r % Workload.ROUNDS == 0) {
                engine.doWork();
            }
        }
        while (engine.doWork() > 0) {
            // drain
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    /** Builds and publishes a snapshot (what the engine thread does once per snapshot interval). */
    @Benchmark
    public EngineSnapshot snapshot() {
        return engine.snapshotNow();
    }
}
