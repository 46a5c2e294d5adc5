package dev.benchwatch.bench;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineConfig;
import dev.benchwatch.engine.trigger.ComparisonOp;
import dev.benchwatch.engine.trigger.Condition;
import dev.benchwatch.engine.trigger.Operand;
import dev.benchwatch.engine.trigger.TriggerSpec;
import dev.benchwatch.engine.window.Stat;
import dev.benchwatch.engine.window.WindowSpec;
import java.time.Duration;
import java.util.Random;

/**
 * The benchmark workload, shared by the Benchwatch and Esper benchmarks so both see the same readings:
 * {@value #CHANNELS} channels, each with a 1 s sliding event-time window and a {@value #COUNT_WINDOW}-reading
 * count window (mean, min, max, stddev) and one threshold trigger on the count window's mean.
 *
 * <p>Readings arrive in rounds: one reading per channel per round, channels in order, and every round
 * advances event time by {@value #STEP_NANOS} ns, so a 1 s window holds 10,000 readings of its channel.
 * Values are Gaussian noise around {@value #MEAN_VALUE} (seeded), far below the {@value #THRESHOLD}
 * threshold: the steady state of a healthy bench, where triggers are evaluated on every reading but
 * never fire.
 */
public final class Workload {
    public static final int CHANNELS = 64;
    /** Rounds per benchmark invocation: 64 x 128 = 8,192 readings. */
    public static final int ROUNDS = 128;
    public static final int BATCH = CHANNELS * ROUNDS;
    public static final long STEP_NANOS = 100_000;
    public static final Duration TIME_WINDOW = Duration.ofSeconds(1);
    public static final int COUNT_WINDOW = 1_000;
    public static final double MEAN_VALUE = 20.0;
    public static final double THRESHOLD = 30.0;
    /** Event time of the first round (ns since the epoch; 2023-11-14). */
    public static final long START_NANOS = 1_700_000_000_000_000_000L;
    /** Rounds that fill every window before measuring: 2 s of event time. */
    public static final int PREFILL_ROUNDS = 20_000;

    private static final int VALUE_COUNT = 1 << 16;
    private static final int VALUE_MASK = VALUE_COUNT - 1;
    private static final double[] VALUES = new double[VALUE_COUNT];

    static {
        Random random = new Random(42);
        for (int i = 0; i < VALUE_COUNT; i++) {
            VALUES[i] = MEAN_VALUE + random.nextGaussian();
        }
    }

    private Workload() {
    }

    /** The value of the i-th reading of the stream (any int; wraps around a 65,536-value table). */
    public static double value(int i) {
        return VALUES[i & VALUE_MASK];
    }

    public static String channelName(int channel) {
        return "ch" + channel;
    }

    public static String timeWindowId(int channel) {
        return "ch" + channel + "_1s";
    }

    public static String countWindowId(int channel) {
        return "ch" + channel + "_n1000";
    }

    /** The engine settings of every benchmark: defaults, except no staleness check (event time is synthetic). */
    public static EngineConfig.Builder config() {
        return EngineConfig.builder().maxReadingAge(Duration.ZERO);
    }

    /** An engine (not started) with the workload's channels, windows and triggers registered. */
    public static Engine newEngine(EngineConfig config) {
        Engine engine = new Engine(config);
        for (int c = 0; c < CHANNELS; c++) {
            engine.registerChannel(channelName(c), "V", "bench");
        }
        for (int c = 0; c < CHANNELS; c++) {
            engine.addWindow(WindowSpec.slidingTime(timeWindowId(c), channelName(c), TIME_WINDOW));
            engine.addWindow(WindowSpec.count(countWindowId(c), channelName(c), COUNT_WINDOW));
            engine.addTrigger(TriggerSpec.builder("ch" + c + "_high",
                    Condition.compare(Operand.window(countWindowId(c), Stat.MEAN), ComparisonOp.GT, THRESHOLD))
                    .build());
        }
        return engine;
    }

    /** Channel ids in registration order are 0..CHANNELS-1; this checks it, so readings can use c directly. */
    public static void checkChannelIds(Engine engine) {
        for (int c = 0; c < CHANNELS; c++) {
            int id = engine.channels().idOf(channelName(c));
            if (id != c) {
                throw new IllegalStateException("channel " + channelName(c) + " has id " + id + ", expected " + c);
            }
        }
    }

    /**
     * Offers one batch ({@value #ROUNDS} rounds of one reading per channel, one ingest stamp per round, as an
     * adapter stamps a frame) starting at event time {@code startNanos} and value index {@code startValue};
     * the next batch starts {@code ROUNDS * STEP_NANOS} later and {@code BATCH} values on.
     */
    public static void offerBatch(dev.benchwatch.engine.ingest.IngestSource in, long startNanos, int startValue) {
        long t = startNanos;
        int v = startValue;
        for (int r = 0; r < ROUNDS; r++) {
            long ingest = System.nanoTime();
            for (int c = 0; c < CHANNELS; c++) {
                in.offer(c, t, value(v++), ingest);
            }
            t += STEP_NANOS;
        }
    }
}
