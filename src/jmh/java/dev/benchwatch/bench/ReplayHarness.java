package dev.benchwatch.bench;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineConfig;
import dev.benchwatch.engine.metrics.SourceMetrics;
import dev.benchwatch.record.ReadingFilter;
import dev.benchwatch.record.RecordingReader;
import dev.benchwatch.record.RecordingReplaySource;
import dev.benchwatch.record.RecordingSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Replay at maximum speed into a started engine (docs/BENCHMARKS.md, "Replay"): readings per second from
 * the recording into the engine, against a baseline in the same run, the reader alone (streaming every
 * reading to a handler that only counts), so the figure says what the engine hand-off costs on top of
 * SQLite. The harness writes the recording first (readings in time order, round-robin over the channels,
 * as a recorder writes them) and reuses it when a file with as many readings is already there.
 *
 * <pre>
 * args: [--readings N (10000000)] [--channels N (16)] [--rounds N (3; 0 only writes the recording)]
 *       [--file PATH (target/replay-bench.db)]
 * </pre>
 */
public final class ReplayHarness {
    private static final long T0 = 1_795_756_387_000_000_000L;
    private static final long STEP_NANOS = 100_000; // 10 kHz per channel

    private ReplayHarness() {
    }

    public static void main(String[] args) throws Exception {
        long readings = 10_000_000;
        int channels = 16;
        int rounds = 3;
        Path file = Path.of("target", "replay-bench.db");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--readings" -> readings = Long.parseLong(args[++i]);
                case "--channels" -> channels = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--file" -> file = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                        + "'; expected --readings N, --channels N, --rounds N, --file PATH");
            }
        }
        System.out.printf(Locale.ROOT, "replay harness: java %s, %d cpus, %,d readings over %d channels in %s%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), readings, channels, file);
        ensureRecording(file, readings, channels);
        if (rounds == 0) {
            return; // --rounds 0: only write the recording
        }
        EngineConfig.IdleMode[] modes = EngineConfig.IdleMode.values();
        double[] baseline = new double[rounds];
        double[][] replay = new double[modes.length][rounds];
        for (int r = 0; r < rounds; r++) {
            baseline[r] = readerOnly(file, readings);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "round %d: reader alone %,.0f readings/s; replay into the engine:", r + 1, baseline[r]));
            for (int m = 0; m < modes.length; m++) {
                replay[m][r] = replayIntoEngine(file, readings, modes[m]);
                line.append(String.format(Locale.ROOT, " %s %,.0f/s", modes[m], replay[m][r]));
            }
            System.out.println(line);
        }
        double b = median(baseline);
        System.out.println();
        System.out.println("| measurement | readings/s (median of " + rounds + ") | ratio to reader alone |");
        System.out.println("| --- | ---: | ---: |");
        System.out.printf(Locale.ROOT, "| reader alone (SQLite scan to a counting handler) | %,.0f | 1.00 |%n", b);
        for (int m = 0; m < modes.length; m++) {
            double x = median(replay[m]);
            System.out.printf(Locale.ROOT, "| replay at maximum speed into a started engine, idle mode %s | %,.0f | %.2f |%n",
                    modes[m], x, x / b);
        }
    }

    private static double readerOnly(Path file, long expected) throws Exception {
        long[] count = {0};
        long started = System.nanoTime();
        try (RecordingReader reader = RecordingReader.open(file)) {
            reader.stream(ReadingFilter.session(1), (c, ts, v) -> {
                count[0]++;
                return true;
            });
        }
        long elapsed = System.nanoTime() - started;
        check(count[0], expected, "reader");
        return count[0] / (elapsed / 1e9);
    }

    private static double replayIntoEngine(Path file, long expected, EngineConfig.IdleMode idle) throws Exception {
        try (Engine engine = new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO).idleMode(idle)
                .history(1_024, Duration.ZERO).build())) {
            engine.start();
            long started = System.nanoTime();
            String name;
            try (RecordingReplaySource replay = RecordingReplaySource.open(file, null, RecordingReplaySource.MAX_SPEED,
                    RecordingReplaySource.Timestamps.RECORDED)) {
                name = replay.name();
                replay.start(engine);
                if (!replay.awaitEnd(600_000)) {
                    throw new IllegalStateException("the replay did not finish");
                }
            }
            SourceMetrics source;
            do {
                source = engine.snapshotNow().metrics().sources().stream().filter(s -> s.name().equals(name))
                        .findFirst().orElseThrow();
            } while (source.queueDepth() > 0);
            long elapsed = System.nanoTime() - started;
            check(source.accepted(), expected, "engine");
            if (source.rejected().values().stream().mapToLong(Long::longValue).sum() > 0) {
                throw new IllegalStateException("the engine rejected readings: " + source.rejected());
            }
            return source.accepted() / (elapsed / 1e9);
        }
    }

    private static void check(long got, long expected, String who) {
        if (got != expected) {
            throw new IllegalStateException(who + " saw " + got + " readings, expected " + expected);
        }
    }

    /** Writes the recording unless a file with as many readings is there. */
    private static void ensureRecording(Path file, long readings, int channels) throws Exception {
        if (Files.exists(file)) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                 var rs = c.createStatement().executeQuery("SELECT count(*) FROM reading")) {
                if (rs.next() && rs.getLong(1) == readings) {
                    System.out.println("reusing " + file);
                    return;
                }
            }
            Files.delete(file);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = OFF");
            }
            RecordingSchema.create(c);
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO session (id, started_ns, stopped_ns, workspace) VALUES (1, " + T0 + ", "
                        + (T0 + readings / channels * STEP_NANOS) + ", 'bench')");
                for (int ch = 1; ch <= channels; ch++) {
                    s.executeUpdate("INSERT INTO channel (id, session_id, name, unit, device) VALUES (" + ch
                            + ", 1, 'ch" + ch + "', 'V', 'dev" + (ch % 4) + "')");
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO reading (channel_id, ts_ns, value) VALUES (?, ?, ?)")) {
                java.util.SplittableRandom random = new java.util.SplittableRandom(42);
                for (long i = 0; i < readings; i++) {
                    insert.setInt(1, (int) (i % channels) + 1);
                    insert.setLong(2, T0 + (i / channels) * STEP_NANOS + (i % channels));
                    insert.setDouble(3, random.nextDouble() * 100);
                    insert.addBatch();
                    if (i % 50_000 == 49_999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            RecordingSchema.index(c);
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        }
        System.out.printf(Locale.ROOT, "wrote %s in %.1f s%n", file, (System.nanoTime() - started) / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
