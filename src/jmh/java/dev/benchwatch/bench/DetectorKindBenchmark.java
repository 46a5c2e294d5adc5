package dev.benchwatch.bench;

import dev.benchwatch.engine.detect.DetectorKind;
import dev.benchwatch.engine.detect.ScoredDetector;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where {@link DetectorBenchmark}'s time goes, detector by detector: the {@link Workload}'s readings (64
 * channels in turn, 10 kHz each, Gaussian noise) through {@link ScoredDetector}s with their default settings
 * and no engine around them, so the figure is the detectors' own cost. {@code kind=all} runs every kind on every
 * channel in the engine's order, as {@code DetectorBenchmark} does; a single kind shows that detector alone
 * (its call site then sees one class, so this is its cheapest case). Operations are readings, not updates.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
public class DetectorKindBenchmark {
    @Param({"all", "zscore", "ewma", "mad", "cusum", "flatline", "dropout", "spike", "trend"})
    public String kind;

    /** The detectors of channel c at [c * perChannel, (c + 1) * perChannel). */
    private ScoredDetector[] detectors;
    private int perChannel;
    private long eventTime = Workload.START_NANOS;
    private int valueIndex;

    @Setup(Level.Trial)
    public void setUp() {
        DetectorKind[] kinds = kind.equals("all") ? DetectorKind.values()
                : new DetectorKind[] {DetectorKind.parse(kind)};
        perChannel = kinds.length;
        detectors = new ScoredDetector[Workload.CHANNELS * perChannel];
        for (int c = 0; c < Workload.CHANNELS; c++) {
            for (int k = 0; k < perChannel; k++) {
                detectors[c * perChannel + k] = new ScoredDetector(kinds[k], 0);
            }
        }
        for (int i = 0; i < Workload.PREFILL_ROUNDS / Workload.ROUNDS; i++) {
            readings();
        }
    }

    @Benchmark
    @OperationsPerInvocation(Workload.BATCH)
    public int readings() {
        int opened = 0;
        long t = eventTime;
        int v = valueIndex;
        for (int r = 0; r < Workload.ROUNDS; r++) {
            int d = 0;
            for (int c = 0; c < Workload.CHANNELS; c++) {
                double value = Workload.value(v++);
                for (int k = 0; k < perChannel; k++) {
                    opened += detectors[d++].update(t, value) ? 1 : 0;
                }
            }
            t += Workload.STEP_NANOS;
        }
        eventTime = t;
        valueIndex = v;
        return opened;
    }
}
