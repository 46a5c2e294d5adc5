package dev.benchwatch.bench;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.ingest.IngestSource;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import dev.benchwatch.engine.ingest.ReadingLane;
import dev.benchwatch.engine.ingest.ReadingSink;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Readings per second through the whole engine on one thread (see {@link Workload}): the benchmark
 * thread offers a batch of 8,192 readings into an {@link IngestSource} (BLOCK policy, lane of 16,384)
 * and then runs one {@link Engine#doWork()} duty cycle, which drains the batch, updates history, both
 * windows of each channel and evaluates the channel's trigger, records latency and publishes a snapshot
 * when one is due. One operation is one reading.
 *
 * <p>{@link #laneOnly} is the same-run baseline for the hand-off itself: the same readings through a bare
 * {@link ReadingLane} into a sink that only sums the values.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineThroughputBenchmark {
    private Engine engine;
    private IngestSource source;
    private ReadingLane lane;
    private final SummingSink sink = new SummingSink();
    private long eventTime = Workload.START_NANOS;
    private int valueIndex;

    @Setup(Level.Trial)
    public void setUp() {
        engine = Workload.newEngine(Workload.config().build());
        Workload.checkChannelIds(engine);
        source = engine.registerSource("bench", OverloadPolicy.BLOCK, 2 * Workload.BATCH);
        lane = new ReadingLane(2 * Workload.BATCH);
        // fill every window, and check that one duty cycle takes a whole batch
        for (int i = 0; i < Workload.PREFILL_ROUNDS / Workload.ROUNDS; i++) {
            int done = engine();
            if (done < Workload.BATCH) {
                throw new IllegalStateException("doWork() took " + done + " of " + Workload.BATCH + " readings");
            }
        }
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

    @Benchmark
    @OperationsPerInvocation(Workload.BATCH)
    public double laneOnly() {
        long t = eventTime;
        int v = valueIndex;
        ReadingLane in = lane;
        for (int r = 0; r < Workload.ROUNDS; r++) {
            long ingest = System.nanoTime();
            for (int c = 0; c < Workload.CHANNELS; c++) {
                in.offer(c, t, Workload.value(v++), ingest);
            }
            t += Workload.STEP_NANOS;
        }
        eventTime = t;
        valueIndex = v;
        in.drain(sink, Workload.BATCH);
        return sink.sum;
    }

    /** Does the least a consumer can do with a reading without letting the JIT drop it. */
    static final class SummingSink implements ReadingSink {
        double sum;

        @Override
        public void accept(int channel, long timestampNanos, double value, long ingestNanoTime) {
            sum += value + channel + (timestampNanos ^ ingestNanoTime);
        }
    }
}
