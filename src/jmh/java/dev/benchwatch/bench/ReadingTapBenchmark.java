package dev.benchwatch.bench;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.ReadingTap;
import dev.benchwatch.engine.ingest.IngestSource;
import dev.benchwatch.engine.ingest.OverloadPolicy;
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
 * What an {@link Engine#addReadingTap reading tap} costs the engine: {@link EngineThroughputBenchmark#engine}'s
 * loop with no tap (the engine's hot path then pays one null check per reading), with a tap that does
 * nothing, and with a tap that stores each reading in a preallocated primitive ring, as the recorder's does
 * (without a consumer, so the ring simply wraps).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ReadingTapBenchmark {
    @Param({"none", "noop", "store"})
    public String tap;

    private Engine engine;
    private IngestSource source;
    private long eventTime = Workload.START_NANOS;
    private int valueIndex;

    @Setup(Level.Trial)
    public void setUp() {
        engine = Workload.newEngine(Workload.config().build());
        Workload.checkChannelIds(engine);
        source = engine.registerSource("bench", OverloadPolicy.BLOCK, 2 * Workload.BATCH);
        switch (tap) {
            case "none" -> { }
            case "noop" -> engine.addReadingTap((channel, ts, value, derived) -> { });
            case "store" -> engine.addReadingTap(new StoringTap());
            default -> throw new IllegalArgumentException(tap);
        }
        for (int i = 0; i < Workload.PREFILL_ROUNDS / Workload.ROUNDS; i++) {
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
        Workload.offerBatch(source, eventTime, valueIndex);
        eventTime += Workload.ROUNDS * Workload.STEP_NANOS;
        valueIndex += Workload.BATCH;
        return engine.doWork();
    }

    /** Three primitive stores and an ordered counter update per reading, like the recorder's ring. */
    static final class StoringTap implements ReadingTap {
        private static final int MASK = (1 << 16) - 1;
        private final int[] channels = new int[MASK + 1];
        private final long[] timestamps = new long[MASK + 1];
        private final double[] values = new double[MASK + 1];
        private final java.util.concurrent.atomic.AtomicLong head = new java.util.concurrent.atomic.AtomicLong();

        @Override
        public void accepted(int channel, long timestampNanos, double value, boolean derived) {
            long h = head.getPlain();
            int i = (int) h & MASK;
            channels[i] = derived ? ~channel : channel;
            timestamps[i] = timestampNanos;
            values[i] = value;
            head.setRelease(h + 1);
        }
    }
}
