package dev.benchwatch.bench.esper;

import dev.benchwatch.bench.Workload;
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
 * The {@link Workload} through Esper 9 on one thread, for comparison with
 * {@code EngineThroughputBenchmark.engine} in the same run. One operation is one reading. Before measuring,
 * {@link WorkloadCheck} runs the same readings through both and checks that every window holds the same
 * readings and statistics.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EsperThroughputBenchmark {
    @Param({"PER_CHANNEL", "GROUPED"})
    public EsperWorkload.Layout layout;

    @Param({"EVENT"})
    public EsperWorkload.Clock clock;

    @Param({"BEAN"})
    public EsperWorkload.Representation representation;

    @Param({"MIN_MAX", "SORTED"})
    public EsperWorkload.MinMax minMax;

    private EsperWorkload esper;
    private long eventTime = Workload.START_NANOS;
    private int valueIndex;

    @Setup(Level.Trial)
    public void setUp() {
        WorkloadCheck.check(layout, clock, representation, minMax);
        esper = new EsperWorkload(layout, clock, representation, minMax, false);
        for (int i = 0; i < Workload.PREFILL_ROUNDS / Workload.ROUNDS; i++) {
            esper();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (esper.alarms() != 0) {
            throw new IllegalStateException("the threshold fired " + esper.alarms() + " times; the workload never should");
        }
        esper.close();
    }

    @Benchmark
    @OperationsPerInvocation(Workload.BATCH)
    public long esper() {
        long t = eventTime;
        int v = valueIndex;
        EsperWorkload in = esper;
        for (int r = 0; r < Workload.ROUNDS; r++) {
            in.startRound(t);
            for (int c = 0; c < Workload.CHANNELS; c++) {
                in.send(c, t, Workload.value(v++));
            }
            t += Workload.STEP_NANOS;
        }
        eventTime = t;
        valueIndex = v;
        return in.alarms();
    }
}
