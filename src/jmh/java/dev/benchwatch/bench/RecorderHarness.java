package dev.benchwatch.bench;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineConfig;
import dev.benchwatch.engine.ingest.IngestSource;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import dev.benchwatch.record.RecordingFile;
import dev.benchwatch.record.RecordingSchema;
import dev.benchwatch.record.RecordingSettings;
import dev.benchwatch.record.SessionRecorder;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

/**
 * Readings per second a {@link SessionRecorder} writes, against a plain JDBC batch insert into the same
 * schema measured in the same run.
 *
 * <ol>
 *   <li><b>baseline</b>: one thread inserts readings with a single-row {@code PreparedStatement},
 *   {@code addBatch}/{@code executeBatch} and one transaction per 10,000 rows (WAL, synchronous=NORMAL).</li>
 *   <li><b>recorder, flat out</b>: the harness thread drives a real engine (64 channels, no windows:
 *   the recorder is what is measured) with {@code doWork()} as fast as it can; the recorder thread writes
 *   what it can and the rest is counted as lost. Its readings/s is the recorder's ceiling. Run with
 *   multi-row inserts of 1 row (the baseline's statement shape) and of the default 256 rows.</li>
 *   <li><b>recorder, paced</b>: the engine fed at {@code --rate} readings/s: nothing may be lost, and the
 *   recorder thread's CPU (ThreadMXBean) says how much of a core it needs.</li>
 * </ol>
 *
 * <pre>
 * args: [--seconds N (10)] [--rate readings/s for the paced run (500000)] [--dir directory (target/bench/recorder)]
 * </pre>
 */
public final class RecorderHarness {
    private static final int CHANNELS = 64;
    private static final int BATCH = 8_192;
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private RecorderHarness() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = 10;
        int rate = 500_000;
        Path dir = Path.of("target/bench/recorder");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                        + "'; expected --seconds N, --rate N, --dir PATH");
            }
        }
        Files.createDirectories(dir);
        System.out.printf(Locale.ROOT, "recorder harness: %d s per run, paced at %,d readings/s, java %s, %d cpus, "
                + "files in %s%n", seconds, rate, Runtime.version(), Runtime.getRuntime().availableProcessors(), dir);

        // warm-up: JIT both paths before measuring
        baseline(fresh(dir, "warmup-baseline.db"), 2, 1, false);
        baseline(fresh(dir, "warmup-tuned.db"), 2, RecordingSettings.DEFAULT_ROWS_PER_INSERT, true);
        recorder(fresh(dir, "warmup-recorder.db"), 2, 0, RecordingSettings.DEFAULT_ROWS_PER_INSERT);

        Result baseline = baseline(fresh(dir, "baseline.db"), seconds, 1, false);
        Result tuned = baseline(fresh(dir, "baseline-tuned.db"), seconds, RecordingSettings.DEFAULT_ROWS_PER_INSERT, true);
        Result single = recorder(fresh(dir, "recorder-1row.db"), seconds, 0, 1);
        Result multi = recorder(fresh(dir, "recorder-256rows.db"), seconds, 0, RecordingSettings.DEFAULT_ROWS_PER_INSERT);
        Result paced = recorder(fresh(dir, "recorder-paced.db"), seconds, rate,
                RecordingSettings.DEFAULT_ROWS_PER_INSERT);

        System.out.println();
        System.out.println("| run | offered/s | written/s | lost | vs baseline | writer thread CPU "
                + "| written per CPU-second of the writer | vs baseline | file MiB |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        row("plain JDBC batch (1-row statement, 10k rows per transaction)", baseline, baseline);
        row("plain JDBC, 256-row INSERT, the recorder's PRAGMAs, 10k rows per transaction", tuned, baseline);
        row("recorder flat out, 1 row per INSERT", single, baseline);
        row("recorder flat out, 256 rows per INSERT", multi, baseline);
        row(String.format(Locale.ROOT, "recorder paced at %,d/s, 256 rows per INSERT", rate), paced, baseline);
    }

    private record Result(double offeredPerSecond, double writtenPerSecond, long lost, double cpuCores, long bytes) {
    }

    private static void row(String name, Result r, Result baseline) {
        // per CPU-second: what the writer does with the CPU it gets, which other load on the machine changes less
        double perCpuSecond = r.writtenPerSecond() / r.cpuCores();
        double baselinePerCpuSecond = baseline.writtenPerSecond() / baseline.cpuCores();
        System.out.printf(Locale.ROOT, "| %s | %s | %,.0f | %,d | %.2fx | %.0f%% of a core | %,.0f | %.2fx | %.1f |%n",
                name, r.offeredPerSecond() < 0 ? "-" : String.format(Locale.ROOT, "%,.0f", r.offeredPerSecond()),
                r.writtenPerSecond(), r.lost(), r.writtenPerSecond() / baseline.writtenPerSecond(), r.cpuCores() * 100,
                perCpuSecond, perCpuSecond / baselinePerCpuSecond, r.bytes() / 1048576.0);
    }

    private static Path fresh(Path dir, String name) throws Exception {
        Path file = dir.resolve(name);
        Files.deleteIfExists(file);
        Files.deleteIfExists(Path.of(file + "-wal"));
        Files.deleteIfExists(Path.of(file + "-shm"));
        return file;
    }

    /**
     * Plain JDBC, a commit every 10,000 rows (10,240 with 256-row statements). With {@code rowsPerInsert} 1:
     * a single-row statement with addBatch/executeBatch in SQLite's default settings plus WAL and
     * synchronous=NORMAL. Otherwise a multi-row statement on a connection opened as the recorder opens it:
     * the writer's ceiling without ring or engine.
     */
    private static Result baseline(Path file, int seconds, int rowsPerInsert, boolean recorderPragmas)
            throws Exception {
        try (Connection db = recorderPragmas ? RecordingFile.openForWriting(file, 0)
                : DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            if (!recorderPragmas) {
                try (Statement s = db.createStatement()) {
                    s.execute("PRAGMA journal_mode=WAL");
                    s.execute("PRAGMA synchronous=NORMAL");
                }
                RecordingSchema.create(db);
            }
            try (Statement s = db.createStatement()) {
                s.execute("INSERT INTO session (started_ns) VALUES (0)");
                for (int c = 0; c < CHANNELS; c++) {
                    s.execute("INSERT INTO channel (session_id, name) VALUES (1, 'ch" + c + "')");
                }
            }
            db.setAutoCommit(false);
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long end = start + Duration.ofSeconds(seconds).toNanos();
            long rows = 0;
            StringBuilder sql = new StringBuilder("INSERT INTO reading (channel_id, ts_ns, value) VALUES (?, ?, ?)");
            for (int i = 1; i < rowsPerInsert; i++) {
                sql.append(",(?,?,?)");
            }
            try (PreparedStatement insert = db.prepareStatement(sql.toString())) {
                while (System.nanoTime() < end) {
                    if (rowsPerInsert == 1) {
                        for (int i = 0; i < 10_000; i++, rows++) {
                            insert.setInt(1, 1 + (int) (rows % CHANNELS));
                            insert.setLong(2, T0 + rows * 1_000);
                            insert.setDouble(3, Workload.value((int) rows));
                            insert.addBatch();
                        }
                        insert.executeBatch();
                    } else {
                        for (int statements = 0; statements < 10_000 / rowsPerInsert + 1; statements++) {
                            int p = 1;
                            for (int i = 0; i < rowsPerInsert; i++, rows++) {
                                insert.setInt(p++, 1 + (int) (rows % CHANNELS));
                                insert.setLong(p++, T0 + rows * 1_000);
                                insert.setDouble(p++, Workload.value((int) rows));
                            }
                            insert.executeUpdate();
                        }
                    }
                    db.commit();
                }
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            double cpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9 / elapsed;
            long bytes = Files.size(file) + sizeOf(Path.of(file + "-wal"));
            System.out.printf(Locale.ROOT, "baseline: %,d rows in %.1f s%n", rows, elapsed);
            return new Result(-1, rows / elapsed, 0, cpu, bytes);
        }
    }

    /** A real engine driven on this thread, a recorder attached; rate 0 pushes as fast as the engine goes. */
    private static Result recorder(Path file, int seconds, int rate, int rowsPerInsert) throws Exception {
        EngineConfig config = EngineConfig.builder().maxReadingAge(Duration.ZERO).laneCapacity(2 * BATCH).build();
        try (Engine engine = new Engine(config)) {
            int[] ids = new int[CHANNELS];
            for (int c = 0; c < CHANNELS; c++) {
                ids[c] = engine.registerChannel("ch" + c, "V", "dev" + (c / 8)).id();
            }
            IngestSource source = engine.registerSource("load", OverloadPolicy.BLOCK);
            SessionRecorder recorder = new SessionRecorder(engine,
                    RecordingSettings.defaults().withRowsPerInsert(rowsPerInsert));
            recorder.start(file, "recorder-harness");
            long writer = writerThreadId();
            long cpu0 = THREADS.getThreadCpuTime(writer);
            long engineCpu0 = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long end = start + Duration.ofSeconds(seconds).toNanos();
            long sent = 0;
            long now;
            while ((now = System.nanoTime()) < end) {
                long due = rate == 0 ? sent + BATCH : (now - start) * rate / 1_000_000_000L;
                if (due <= sent) {
                    Thread.onSpinWait();
                    continue;
                }
                int n = (int) Math.min(BATCH, due - sent);
                for (int i = 0; i < n; i++, sent++) {
                    source.offer(ids[(int) (sent % CHANNELS)], T0 + sent * 1_000, Workload.value((int) sent));
                }
                engine.doWork();
            }
            while (engine.doWork() > 0) {
                // drain
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            long recordedAtEnd = recorder.recorded();
            double cpuCores = (THREADS.getThreadCpuTime(writer) - cpu0) / 1e9 / elapsed;
            double engineCores = (THREADS.getCurrentThreadCpuTime() - engineCpu0) / 1e9 / elapsed;
            long stopStart = System.nanoTime();
            recorder.stop();
            double stopSeconds = (System.nanoTime() - stopStart) / 1e9;
            System.out.printf(Locale.ROOT, "recorder (rate %s, %d rows/INSERT): accepted %,d, recorded %,d "
                            + "(%,d at the end of the %.1f s run), lost %,d, stop (drain, index) %.2f s, engine thread %.0f%% of a core%n",
                    rate == 0 ? "flat out" : String.format(Locale.ROOT, "%,d/s", rate), rowsPerInsert,
                    recorder.accepted(), recorder.recorded(), recordedAtEnd, elapsed, recorder.lost(), stopSeconds,
                    engineCores * 100);
            if (recorder.accepted() != recorder.recorded() + recorder.lost()) {
                throw new IllegalStateException("accepted != recorded + lost");
            }
            // written/s counts what was committed by the end of the measured interval
            return new Result(recorder.accepted() / elapsed, recordedAtEnd / elapsed, recorder.lost(), cpuCores,
                    recorder.bytesOnDisk());
        }
    }

    private static long writerThreadId() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("benchwatch-recorder")) {
                return t.threadId();
            }
        }
        throw new IllegalStateException("no recorder thread");
    }

    private static long sizeOf(Path path) throws Exception {
        return Files.exists(path) ? Files.size(path) : 0;
    }
}
