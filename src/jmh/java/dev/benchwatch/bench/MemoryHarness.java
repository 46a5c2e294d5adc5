package dev.benchwatch.bench;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineConfig;
import dev.benchwatch.engine.ingest.IngestSource;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import dev.benchwatch.engine.window.WindowSpec;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Locale;

/**
 * Heap per million retained readings, as a difference between two engines measured in the same run:
 * the same channels and the same readings, once with the history (or window) under test and once with a
 * baseline that retains (almost) nothing. Used heap is read from the {@link MemoryMXBean} after full
 * collections, with only the engine under measurement alive.
 *
 * <pre>
 * args: [--channels N (64)] [--per-channel readings retained per channel (65536)]
 *       [--window-readings readings per channel in the 1 s window case (10000)]
 * </pre>
 */
public final class MemoryHarness {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final double MIB = 1024.0 * 1024.0;

    private MemoryHarness() {
    }

    public static void main(String[] args) throws Exception {
        int channelsArg = 64;
        int perChannelArg = 65_536;
        int windowReadingsArg = 10_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--channels" -> channelsArg = Integer.parseInt(args[++i]);
                case "--per-channel" -> perChannelArg = Integer.parseInt(args[++i]);
                case "--window-readings" -> windowReadingsArg = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                        + "'; expected --channels N, --per-channel N, --window-readings N");
            }
        }
        final int channels = channelsArg;
        final int perChannel = perChannelArg;
        final int windowReadings = windowReadingsArg;
        System.out.printf(Locale.ROOT, "memory harness: java %s, %s, max heap %.0f MiB%n", Runtime.version(),
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList(),
                MEMORY.getHeapMemoryUsage().getMax() / MIB);
        System.out.println("| retained by | channels x readings | retained readings | heap | heap per million readings "
                + "| per reading |");
        System.out.println("| --- | --- | ---: | ---: | ---: | ---: |");

        // a throw-away round first: classes loaded and JIT-compiled now would otherwise count against the first engine
        cost(channels, 1, windowReadings, true);

        // 1. channel history: capacity perChannel against capacity 1, both fed perChannel readings per channel
        long history = median(() -> cost(channels, perChannel, perChannel, false) - cost(channels, 1, perChannel, false));
        print("channel history", channels, perChannel, (long) channels * perChannel - channels, history);

        // 2. a 1 s sliding window per channel (history capacity 1 in both): with the window against without
        long window = median(() -> cost(channels, 1, windowReadings, true) - cost(channels, 1, windowReadings, false));
        print("1 s sliding window", channels, windowReadings, (long) channels * windowReadings, window);
    }

    /** The median of three measurements. */
    private static long median(Measurement measurement) throws InterruptedException {
        long[] results = {measurement.bytes(), measurement.bytes(), measurement.bytes()};
        java.util.Arrays.sort(results);
        return results[1];
    }

    @FunctionalInterface
    private interface Measurement {
        long bytes() throws InterruptedException;
    }

    private static void print(String what, int channels, int perChannel, long retained, long bytes) {
        System.out.printf(Locale.ROOT, "| %s | %d x %,d | %,d | %.2f MiB | %.2f MiB | %.2f B |%n", what, channels,
                perChannel, retained, bytes / MIB, bytes / MIB / (retained / 1e6), (double) bytes / retained);
    }

    /** Heap used by an engine fed {@code readings} readings per channel, after a full collection. */
    private static long cost(int channels, int historyCapacity, int readings, boolean slidingWindow)
            throws InterruptedException {
        long before = usedAfterGc();
        Engine engine = new Engine(Workload.config().history(historyCapacity, Duration.ZERO).build());
        for (int c = 0; c < channels; c++) {
            engine.registerChannel(Workload.channelName(c), "V", "bench");
            if (slidingWindow) {
                // the window spans all readings fed: 1 s at one reading per channel every 1 s / readings
                engine.addWindow(WindowSpec.slidingTime(Workload.timeWindowId(c), Workload.channelName(c),
                        Duration.ofSeconds(1)));
            }
        }
        IngestSource source = engine.registerSource("memory", OverloadPolicy.BLOCK, EngineConfig.DEFAULT_LANE_CAPACITY);
        long step = 1_000_000_000L / readings;
        long t = Workload.START_NANOS;
        int v = 0;
        for (int r = 0; r < readings; r++) {
            for (int c = 0; c < channels; c++) {
                source.offer(c, t, Workload.value(v++), 0);
            }
            t += step;
            while (source.queueDepth() > EngineConfig.DEFAULT_LANE_CAPACITY / 2) {
                engine.doWork(); // takes up to 8,192 readings per call; BLOCK would wait for ever on a full lane
            }
        }
        while (engine.doWork() > 0) {
            // drain
        }
        long kept = engine.history(Workload.channelName(0)).size();
        if (kept != Math.min(historyCapacity, readings)) {
            throw new IllegalStateException("history kept " + kept + " readings, expected "
                    + Math.min(historyCapacity, readings));
        }
        if (slidingWindow && engine.snapshotNow().window(Workload.timeWindowId(0)).count() != readings) {
            throw new IllegalStateException("window holds " + engine.snapshotNow().window(Workload.timeWindowId(0))
                    .count() + " readings, expected " + readings);
        }
        engine.snapshotNow(); // snapshots are part of an engine's steady state in both cases
        long after = usedAfterGc();
        engine.close();
        java.lang.ref.Reference.reachabilityFence(engine);
        return after - before;
    }

    private static long usedAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
