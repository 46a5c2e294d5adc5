package dev.benchwatch.bench;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineConfig;
import dev.benchwatch.engine.ingest.IngestSource;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import dev.benchwatch.engine.ingest.ReadingLane;
import dev.benchwatch.engine.ingest.ReadingSink;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Ingest-to-decision latency at a steady rate, corrected for coordinated omission, against the floor of a
 * bare thread-to-thread hand-off measured in the same run.
 *
 * <p>A producer thread offers readings of the {@link Workload} (64 channels, 1 s and 1000-reading windows,
 * one trigger each) at a fixed rate, each stamped with the time it was <em>meant</em> to be sent
 * ({@code IngestSource.offer(channel, ts, value, intendedNanoTime)}), so a stalled producer or engine
 * shows up as latency instead of hiding it. The started engine records, per reading, the time from that
 * stamp to the end of the duty cycle that evaluated its trigger.
 *
 * <p>The floor: the same producer and rate into a bare {@link ReadingLane}, drained by a thread that
 * busy-spins and stamps the end of each drained batch the same way the engine does.
 *
 * <p>Before both, the platform's own jitter: two threads (as many as the floor and the engine run) spin on
 * {@link System#nanoTime()} and count the gaps in which they did not run. On a shared virtual machine these
 * hiccups, not the code, set the tail percentiles of the floor.
 *
 * <pre>
 * args: [--rate readings/s (100000)] [--warmup seconds (10)] [--duration seconds (30)]
 *       [--only floor|engine|jitter] [--idle BACKOFF|BUSY_SPIN (the engine's default, BACKOFF)]
 *       [--snapshot-ms interval between snapshots (the engine's default, 16)]
 * </pre>
 */
public final class LatencyHarness {
    private LatencyHarness() {
    }

    public static void main(String[] args) throws Exception {
        int rate = 100_000;
        int warmup = 10;
        int duration = 30;
        String only = "";
        EngineConfig.IdleMode idle = EngineConfig.DEFAULT_IDLE_MODE;
        long snapshotMillis = EngineConfig.DEFAULT_SNAPSHOT_INTERVAL.toMillis();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--duration" -> duration = Integer.parseInt(args[++i]);
                case "--only" -> only = args[++i];
                case "--idle" -> idle = EngineConfig.IdleMode.valueOf(args[++i]);
                case "--snapshot-ms" -> snapshotMillis = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                        + "'; expected --rate N, --warmup S, --duration S, --only floor|engine|jitter, "
                        + "--idle BACKOFF|BUSY_SPIN, --snapshot-ms N");
            }
        }
        System.out.printf(Locale.ROOT, "latency harness: %,d readings/s, %d s warm-up, %d s measured, engine idle "
                        + "mode %s, snapshot every %d ms, java %s, %s, %d cpus%n", rate, warmup, duration, idle,
                snapshotMillis, Runtime.version(), java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()
                        .get(0).getName(), Runtime.getRuntime().availableProcessors());
        if (only.isEmpty() || only.equals("jitter")) {
            jitter(Math.min(duration, 10));
            if (only.equals("jitter")) {
                return;
            }
        }
        Histogram floor = only.equals("engine") ? null : floor(rate, warmup, duration);
        Histogram engine = only.equals("floor") ? null : engine(rate, warmup, duration, idle, snapshotMillis);
        System.out.println();
        System.out.println("| percentile | hand-off floor (µs) | engine, " + idle + " (µs) | engine / floor |");
        System.out.println("| --- | ---: | ---: | ---: |");
        double[] percentiles = {50, 90, 99, 99.9, 99.99};
        for (double p : percentiles) {
            row("p" + trim(p), floor == null ? -1 : floor.getValueAtPercentile(p),
                    engine == null ? -1 : engine.getValueAtPercentile(p));
        }
        row("max", floor == null ? -1 : floor.getMaxValue(), engine == null ? -1 : engine.getMaxValue());
        System.out.printf(Locale.ROOT, "| readings measured | %,d | %,d | |%n", floor == null ? 0 : floor.getTotalCount(),
                engine == null ? 0 : engine.getTotalCount());
    }

    private static String trim(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }

    private static void row(String name, long floorNanos, long engineNanos) {
        String ratio = floorNanos > 0 && engineNanos >= 0
                ? String.format(Locale.ROOT, "%.1fx", (double) engineNanos / floorNanos) : "";
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", name, micros(floorNanos), micros(engineNanos), ratio);
    }

    private static String micros(long nanos) {
        return nanos < 0 ? "" : String.format(Locale.ROOT, "%.2f", nanos / 1_000.0);
    }

    /** Two threads spin for a while, each counting the gaps between two of its nanoTime reads. */
    private static void jitter(int seconds) throws InterruptedException {
        long[][] gaps = new long[2][];
        Thread[] threads = new Thread[2];
        for (int t = 0; t < threads.length; t++) {
            int id = t;
            threads[t] = Thread.ofPlatform().name("jitter-" + t).start(() -> {
                long[] counts = new long[4]; // > 10 µs, > 100 µs, > 1 ms, longest
                long start = System.nanoTime();
                long previous = start;
                long end = start + TimeUnit.SECONDS.toNanos(seconds);
                while (previous < end) {
                    long now = System.nanoTime();
                    long gap = now - previous;
                    counts[0] += gap > 10_000 ? 1 : 0;
                    counts[1] += gap > 100_000 ? 1 : 0;
                    counts[2] += gap > 1_000_000 ? 1 : 0;
                    counts[3] = Math.max(counts[3], gap);
                    previous = now;
                }
                gaps[id] = counts;
            });
        }
        for (Thread thread : threads) {
            thread.join();
        }
        for (int t = 0; t < gaps.length; t++) {
            System.out.printf(Locale.ROOT, "jitter thread %d, %d s spinning: %.1f gaps/s over 10 µs, %.1f/s over 100 µs, "
                            + "%.2f/s over 1 ms, longest %.2f ms%n", t, seconds, gaps[t][0] / (double) seconds,
                    gaps[t][1] / (double) seconds, gaps[t][2] / (double) seconds, gaps[t][3] / 1e6);
        }
    }

    /** The floor: a bare lane between the paced producer and a busy-spinning consumer. */
    private static Histogram floor(int rate, int warmup, int duration) throws InterruptedException {
        ReadingLane lane = new ReadingLane(65_536);
        HandOffConsumer consumer = new HandOffConsumer(lane);
        Thread consumerThread = Thread.ofPlatform().name("floor-consumer").start(consumer);
        Producer producer = new Producer(rate, warmup + duration,
                (c, ts, v, intended) -> {
                    while (!lane.offer(c, ts, v, intended)) {
                        Thread.onSpinWait();
                    }
                });
        consumer.recordFrom = producer.start + TimeUnit.SECONDS.toNanos(warmup);
        Thread producerThread = Thread.ofPlatform().name("floor-producer").start(producer);
        producerThread.join();
        while (lane.size() > 0) {
            Thread.onSpinWait();
        }
        consumer.running = false;
        consumerThread.join();
        report("floor", producer, consumer.histogram);
        return consumer.histogram;
    }

    /** The engine: started, with its own thread, the workload's windows and triggers. */
    private static Histogram engine(int rate, int warmup, int duration, EngineConfig.IdleMode idle,
                                    long snapshotMillis) throws InterruptedException {
        EngineConfig config = Workload.config().idleMode(idle).snapshotInterval(Duration.ofMillis(snapshotMillis))
                .build();
        try (Engine engine = Workload.newEngine(config)) {
            Workload.checkChannelIds(engine);
            IngestSource source = engine.registerSource("latency", OverloadPolicy.BLOCK);
            engine.start();
            Producer producer = new Producer(rate, warmup + duration,
                    (c, ts, v, intended) -> source.offer(c, ts, v, intended));
            Thread producerThread = Thread.ofPlatform().name("engine-producer").start(producer);
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(producer.start - System.nanoTime())
                    + TimeUnit.SECONDS.toMillis(warmup));
            engine.resetLatency();
            producerThread.join();
            while (source.queueDepth() > 0) {
                Thread.sleep(1);
            }
            Thread.sleep(10);
            Histogram histogram = engine.latencyHistogram();
            report("engine", producer, histogram);
            long firings = engine.snapshotNow().triggers().stream().mapToLong(t -> t.firings()).sum();
            if (firings != 0) {
                throw new IllegalStateException("triggers fired " + firings + " times; the workload never should");
            }
            return histogram;
        }
    }

    private static void report(String name, Producer producer, Histogram histogram) {
        System.out.printf(Locale.ROOT, "%-6s sent %,d readings, producer at most %.1f µs behind schedule; "
                        + "p50 %.2f µs, p99 %.2f µs, p99.9 %.2f µs, p99.99 %.2f µs, max %.2f µs (%,d measured)%n",
                name, producer.sent, producer.maxLagNanos / 1e3, histogram.getValueAtPercentile(50) / 1e3,
                histogram.getValueAtPercentile(99) / 1e3, histogram.getValueAtPercentile(99.9) / 1e3,
                histogram.getValueAtPercentile(99.99) / 1e3, histogram.getMaxValue() / 1e3, histogram.getTotalCount());
    }

    /** Sends readings at a fixed rate, each stamped with its intended send time. */
    private static final class Producer implements Runnable {
        final long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        private final long periodNanos;
        private final long count;
        private final ReadingSink target;
        long sent;
        long maxLagNanos;

        Producer(int rate, int seconds, ReadingSink target) {
            this.periodNanos = 1_000_000_000L / rate;
            this.count = (long) rate * seconds;
            this.target = target;
        }

        @Override
        public void run() {
            long eventTime = Workload.START_NANOS;
            for (long i = 0; i < count; i++) {
                long intended = start + i * periodNanos;
                long now;
                while ((now = System.nanoTime()) < intended) {
                    Thread.onSpinWait();
                }
                maxLagNanos = Math.max(maxLagNanos, now - intended);
                int channel = (int) (i % Workload.CHANNELS);
                target.accept(channel, eventTime + (intended - start), Workload.value((int) i), intended);
                sent++;
            }
        }
    }

    /** Drains the lane as fast as it can, stamping the end of each batch as the engine does. */
    private static final class HandOffConsumer implements Runnable, ReadingSink {
        final Histogram histogram = new Histogram(TimeUnit.HOURS.toNanos(1), 3);
        private final ReadingLane lane;
        private final long[] pending = new long[8_192];
        private int pendingCount;
        volatile long recordFrom = Long.MAX_VALUE;
        volatile boolean running = true;

        HandOffConsumer(ReadingLane lane) {
            this.lane = lane;
        }

        @Override
        public void run() {
            while (running) {
                if (lane.drain(this, pending.length) == 0) {
                    Thread.onSpinWait();
                    continue;
                }
                long now = System.nanoTime();
                long from = recordFrom;
                for (int i = 0; i < pendingCount; i++) {
                    if (pending[i] >= from) {
                        histogram.recordValue(Math.max(0, now - pending[i]));
                    }
                }
                pendingCount = 0;
            }
        }

        @Override
        public void accept(int channel, long timestampNanos, double value, long ingestNanoTime) {
            pending[pendingCount++] = ingestNanoTime;
        }
    }
}
