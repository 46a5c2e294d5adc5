package dev.benchwatch.bench.io;

import dev.benchwatch.codec.DecodeError;
import dev.benchwatch.codec.DecodeErrorReason;
import dev.benchwatch.codec.decode.CsvDecoder;
import dev.benchwatch.codec.frame.DelimitedFramer;
import dev.benchwatch.device.DeviceOutput;
import dev.benchwatch.device.EngineOutput;
import dev.benchwatch.device.serial.SerialAdapter;
import dev.benchwatch.device.serial.SerialSettings;
import dev.benchwatch.device.serial.SocatPair;
import dev.benchwatch.engine.ChannelHistory;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineConfig;
import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import dev.benchwatch.engine.metrics.EngineMetrics;
import dev.benchwatch.engine.metrics.SourceMetrics;
import dev.benchwatch.engine.trigger.ComparisonOp;
import dev.benchwatch.engine.trigger.Condition;
import dev.benchwatch.engine.trigger.Operand;
import dev.benchwatch.engine.trigger.TriggerSpec;
import dev.benchwatch.engine.window.Stat;
import dev.benchwatch.engine.window.WindowSpec;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Soak test of the serial path over a real socat pty pair: a writer thread plays a board that sends
 * {@code --rate} CSV lines per second (default 10,000) for {@code --duration} seconds (default 60), each
 * line a sequence number and {@code --fields - 1} values; our {@link SerialAdapter} (3,000,000 baud, LF
 * framing, {@link CsvDecoder}) reads the other end and feeds a real {@link Engine} (BLOCK policy, as
 * {@code SerialAdapter.start(Engine)} uses; a 1 s sliding window and a trigger on every channel).
 *
 * <p>Nothing may be lost: every line written must arrive as {@code fields} readings, every reading must be
 * accepted by the engine (no rejection, no drop, no decode error), the sequence numbers seen by the
 * adapter's output must run 0, 1, 2, ... without a gap, and the engine's history of the sequence channel
 * must hold exactly the same run. The writer must also have kept up: the achieved line rate must be at
 * least 99% of the target. PASS only if all of these hold; the exit status is 1 otherwise.
 *
 * <p>To see the check fail: {@code --skip-seq N} makes the writer leave out sequence number N (a gap),
 * {@code --corrupt-seq N} sends line N with a malformed number (a decode error).
 *
 * <pre>
 * args: [--duration s (60)] [--rate lines/s (10000)] [--fields per line incl. the sequence number (9)]
 *       [--baud (3000000)] [--skip-seq N] [--corrupt-seq N]
 * </pre>
 */
public final class SerialSoakHarness {
    private static final String DEVICE = "soak";
    private static final String SEQ_CHANNEL = DEVICE + ".seq";
    /** The 8N1 wire carries 10 bits per byte. */
    private static final int BITS_PER_BYTE_8N1 = 10;

    private SerialSoakHarness() {
    }

    public static void main(String[] args) throws Exception {
        int duration = 60;
        int rate = 10_000;
        int fields = 9;
        int baud = 3_000_000;
        long skipSeq = -1;
        long corruptSeq = -1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--duration" -> duration = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--fields" -> fields = Integer.parseInt(args[++i]);
                case "--baud" -> baud = Integer.parseInt(args[++i]);
                case "--skip-seq" -> skipSeq = Long.parseLong(args[++i]);
                case "--corrupt-seq" -> corruptSeq = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'; expected --duration s, "
                        + "--rate lines/s, --fields N, --baud N, --skip-seq N, --corrupt-seq N");
            }
        }
        if (duration < 1 || rate < 1 || fields < 2) {
            throw new IllegalArgumentException("--duration and --rate must be >= 1, --fields >= 2");
        }
        boolean passed = run(duration, rate, fields, baud, skipSeq, corruptSeq);
        System.exit(passed ? 0 : 1);
    }

    private static boolean run(int durationS, int rate, int fields, int baud, long skipSeq, long corruptSeq)
            throws Exception {
        long target = (long) durationS * rate;
        System.out.printf(Locale.ROOT, "serial pty soak: java %s, %d cores; %,d lines/s for %d s (%,d lines), "
                        + "%d fields per line, %,d baud setting%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), rate, durationS, target, fields, baud);
        Path dir = Files.createTempDirectory("bw-serial-soak");
        Path device = dir.resolve("ttySOAK");
        List<String> columns = new ArrayList<>();
        columns.add("seq");
        for (int f = 1; f < fields; f++) {
            columns.add("v" + f);
        }

        EngineConfig config = EngineConfig.builder()
                .history((int) Math.min(Integer.MAX_VALUE - 8, target + 1_000), Duration.ZERO) // the whole run
                .build();
        try (SocatPair socat = new SocatPair(dir.resolve("board")); Engine engine = new Engine(config)) {
            socat.start(device);
            for (String column : columns) {
                String channel = DEVICE + "." + column;
                engine.registerChannel(channel, "", DEVICE);
                engine.addWindow(WindowSpec.slidingTime(column + "_1s", channel, Duration.ofSeconds(1)));
                engine.addTrigger(TriggerSpec.builder(column + "_high",
                        Condition.compare(Operand.window(column + "_1s", Stat.MEAN), ComparisonOp.GT, 1e12)).build());
            }
            engine.start();

            SerialAdapter adapter = new SerialAdapter(DEVICE, SerialSettings.of(device.toString(), baud),
                    DelimitedFramer.lines(DelimitedFramer.LineEnding.LF),
                    CsvDecoder.withColumns(columns));
            List<DecodeError> firstErrors = Collections.synchronizedList(new ArrayList<>());
            adapter.onDecodeError(e -> {
                if (firstErrors.size() < 5) {
                    firstErrors.add(e);
                }
            });
            SequenceCheck check = new SequenceCheck(new EngineOutput(engine, DEVICE, OverloadPolicy.BLOCK));
            adapter.start(check);
            SocatPair.await(adapter::isConnected, "the adapter to open " + device);
            Thread.sleep(200); // the first read is pending before the board talks

            PacedWriter writer = new PacedWriter(socat.board(), rate, target, fields, skipSeq, corruptSeq);
            Thread writerThread = Thread.ofPlatform().name("soak-writer").start(writer);
            long progressEvery = TimeUnit.SECONDS.toNanos(Math.max(1, Math.min(10, durationS / 6)));
            long nextProgress = System.nanoTime() + progressEvery;
            while (writerThread.isAlive()) {
                writerThread.join(100);
                if (System.nanoTime() >= nextProgress) {
                    nextProgress += progressEvery;
                    System.out.printf(Locale.ROOT, "  %5.1f s: written %,d lines (%,d behind schedule), "
                                    + "adapter readings %,d, engine accepted %,d%n",
                            (System.nanoTime() - writer.startNanos) / 1e9, writer.written.get(), writer.behind(),
                            adapter.readings(), engine.snapshotNow().metrics().accepted());
                }
            }
            if (writer.failure != null) {
                throw writer.failure;
            }
            long written = writer.written.get();
            long expectedReadings = written * fields;
            // let the last lines through the pty, the adapter and the engine
            awaitSettled(() -> adapter.readings() + adapter.errorCounts().values().stream().mapToLong(Long::longValue)
                    .sum(), expectedReadings);
            awaitSettled(() -> engine.snapshotNow().metrics().accepted() + engine.snapshotNow().metrics().rejectedTotal(),
                    check.offered.get());

            EngineMetrics metrics = engine.snapshotNow().metrics();
            SourceMetrics source = metrics.sources().stream().filter(s -> s.name().equals(DEVICE)).findFirst()
                    .orElseThrow();
            HistoryCheck history = HistoryCheck.of(engine.history(SEQ_CHANNEL), written);
            Map<DecodeErrorReason, Long> errors = adapter.errorCounts();
            long errorTotal = errors.values().stream().mapToLong(Long::longValue).sum();
            double seconds = (writer.endNanos - writer.startNanos) / 1e9;
            double lineRate = written / seconds;
            double bytesPerSecond = writer.bytes.get() / seconds;
            long lost = expectedReadings - metrics.accepted();

            System.out.println();
            System.out.println("| what | value |");
            System.out.println("| --- | ---: |");
            row("lines written", "%,d", written);
            row("writing took", "%.2f s", seconds);
            row("achieved line rate", "%,.0f lines/s (%.1f%% of %,d)", lineRate, 100 * lineRate / rate, rate);
            row("bytes written", "%,d (%,.0f B/s = %.2fx a 3 Mbaud 8N1 wire's 300,000 B/s)", writer.bytes.get(),
                    bytesPerSecond, bytesPerSecond * BITS_PER_BYTE_8N1 / 3_000_000.0);
            row("most lines behind schedule", "%,d", writer.maxBehind);
            row("readings expected (lines x fields)", "%,d", expectedReadings);
            row("readings decoded by the adapter", "%,d", adapter.readings());
            row("readings offered to the engine (failed offers)", "%,d (%,d)", check.offered.get(), check.failedOffers.get());
            row("engine accepted", "%,d", metrics.accepted());
            row("engine rejected", "%,d %s", metrics.rejectedTotal(), metrics.rejected());
            row("engine drops (DROP_OLDEST)", "%,d", metrics.drops());
            row("source blocked waits (BLOCK)", "%,d", source.blockedWaits());
            row("decode errors", "%,d %s", errorTotal, errors);
            row("sequence numbers seen by the adapter", "%,d", check.seen);
            row("sequence gaps (missing numbers)", "%,d (%,d)", check.gaps, check.missing);
            row("sequence out of order / repeated", "%,d", check.outOfOrder);
            row("seq history in the engine", "%,d readings, %s", history.size, history.verdict);
            row("reconnects", "%,d", adapter.reconnects());
            row("lost (expected - accepted)", "%,d", lost);
            for (DecodeError e : firstErrors) {
                System.out.println("  decode error: " + e);
            }

            List<String> failures = new ArrayList<>();
            if (written < target) {
                failures.add("the writer wrote " + written + " of " + target + " lines");
            }
            if (lineRate < 0.99 * rate) {
                failures.add(String.format(Locale.ROOT, "the writer only achieved %.0f lines/s", lineRate));
            }
            if (adapter.readings() != expectedReadings) {
                failures.add("decoded " + adapter.readings() + " readings, expected " + expectedReadings);
            }
            if (metrics.accepted() != expectedReadings || check.offered.get() != expectedReadings) {
                failures.add("engine accepted " + metrics.accepted() + " of " + expectedReadings);
            }
            if (metrics.rejectedTotal() != 0 || metrics.drops() != 0 || check.failedOffers.get() != 0) {
                failures.add("engine rejected or dropped readings");
            }
            if (errorTotal != 0) {
                failures.add(errorTotal + " decode errors");
            }
            if (check.gaps != 0 || check.outOfOrder != 0 || check.seen != written) {
                failures.add(check.gaps + " sequence gaps, " + check.outOfOrder + " out of order, " + check.seen
                        + " sequence numbers for " + written + " lines");
            }
            if (!history.contiguous) {
                failures.add("engine history of " + SEQ_CHANNEL + ": " + history.verdict);
            }
            adapter.close();
            System.out.println();
            if (failures.isEmpty()) {
                System.out.printf(Locale.ROOT, "PASS: %,d lines at %,.0f lines/s, %,d readings, zero lost%n", written,
                        lineRate, expectedReadings);
                return true;
            }
            System.out.println("FAIL: " + String.join("; ", failures));
            return false;
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static void row(String what, String format, Object... values) {
        System.out.println("| " + what + " | " + String.format(Locale.ROOT, format, values) + " |");
    }

    /** Waits until {@code count} reaches {@code expected} or stops moving for 3 s (at most 60 s). */
    private static void awaitSettled(java.util.function.LongSupplier count, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long last = -1;
        long lastChange = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = count.getAsLong();
            if (now >= expected) {
                return;
            }
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > TimeUnit.SECONDS.toNanos(3)) {
                return;
            }
            Thread.sleep(20);
        }
    }

    /**
     * Sits between the adapter and the engine: forwards everything, and checks on the way that the sequence
     * channel's values run 0, 1, 2, ... Called on the adapter's reader thread only.
     */
    private static final class SequenceCheck implements DeviceOutput {
        private final DeviceOutput target;
        final AtomicLong offered = new AtomicLong();
        final AtomicLong failedOffers = new AtomicLong();
        private int seqChannel = -1;
        private volatile long next;
        volatile long seen;
        volatile long gaps;
        volatile long missing;
        volatile long outOfOrder;

        SequenceCheck(DeviceOutput target) {
            this.target = target;
        }

        @Override
        public int channel(String name, String unit, String device) {
            int id = target.channel(name, unit, device);
            if (name.equals(SEQ_CHANNEL)) {
                seqChannel = id;
            }
            return id;
        }

        @Override
        public boolean reading(int channel, long timestampNanos, double value) {
            if (channel == seqChannel) {
                long seq = (long) value;
                if (seq == next) {
                    next = seq + 1;
                } else if (seq > next) {
                    gaps++;
                    missing += seq - next;
                    next = seq + 1;
                } else {
                    outOfOrder++;
                }
                seen++;
            }
            boolean taken = target.reading(channel, timestampNanos, value);
            offered.incrementAndGet();
            if (!taken) {
                failedOffers.incrementAndGet();
            }
            return taken;
        }

        @Override
        public void status(Event event) {
            target.status(event);
        }
    }

    /** Whether the engine's history of the sequence channel is exactly 0, 1, ..., n - 1. */
    private record HistoryCheck(int size, boolean contiguous, String verdict) {
        static HistoryCheck of(ChannelHistory history, long expectedCount) {
            int capacity = history.capacity();
            double[] values = new double[capacity];
            int n = history.copyTo(new long[capacity], values);
            for (int i = 0; i < n; i++) {
                if (values[i] != i) {
                    return new HistoryCheck(n, false, "first break at index " + i + ": " + (long) values[i]);
                }
            }
            if (n != expectedCount) {
                return new HistoryCheck(n, false, n + " values, expected " + expectedCount);
            }
            return new HistoryCheck(n, true, "exactly 0.." + (n - 1));
        }
    }

    /**
     * The board: writes {@code total} lines at {@code rate} lines/s, paced against the clock (every
     * millisecond it writes the lines that are due, in one write), so a stall is caught up rather than lost.
     */
    private static final class PacedWriter implements Runnable {
        private final Path board;
        private final int rate;
        private final long total;
        private final int fields;
        private final long skipSeq;
        private final long corruptSeq;
        final AtomicLong written = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        volatile long startNanos;
        volatile long endNanos;
        volatile long maxBehind;
        volatile Exception failure;
        private long seq;

        PacedWriter(Path board, int rate, long total, int fields, long skipSeq, long corruptSeq) {
            this.board = board;
            this.rate = rate;
            this.total = total;
            this.fields = fields;
            this.skipSeq = skipSeq;
            this.corruptSeq = corruptSeq;
        }

        long behind() {
            long due = Math.min(total, (System.nanoTime() - startNanos) * rate / 1_000_000_000L);
            return Math.max(0, due - written.get());
        }

        @Override
        public void run() {
            StringBuilder batch = new StringBuilder(1 << 16);
            try (OutputStream out = new FileOutputStream(board.toFile())) {
                startNanos = System.nanoTime();
                while (written.get() < total) {
                    long due = Math.min(total, (System.nanoTime() - startNanos) * rate / 1_000_000_000L);
                    long lines = due - written.get();
                    maxBehind = Math.max(maxBehind, lines);
                    if (lines > 0) {
                        batch.setLength(0);
                        for (long i = 0; i < lines; i++) {
                            appendLine(batch);
                        }
                        byte[] data = batch.toString().getBytes(StandardCharsets.US_ASCII);
                        out.write(data);
                        bytes.addAndGet(data.length);
                        written.addAndGet(lines);
                    }
                    LockSupport.parkNanos(1_000_000L);
                }
                out.flush();
                endNanos = System.nanoTime();
            } catch (IOException e) {
                endNanos = System.nanoTime();
                failure = e;
            }
        }

        /**
         * {@code seq,v1,...}: values like a board's, e.g. {@code 2153.7012,-3.1042}; with the default 9 fields a line
         * is about 92 bytes, so 10,000 lines/s are about 3x the 300,000 B/s of a 3 Mbaud 8N1 wire.
         */
        private void appendLine(StringBuilder line) {
            if (seq == skipSeq) {
                seq++; // the injected gap: this number is never sent
            }
            line.append(seq);
            for (int f = 1; f < fields; f++) {
                long raw = (seq * 7919L + f * 104_729L) % 200_000_000L - 100_000_000L; // +-9999.9999
                line.append(',');
                if (seq == corruptSeq && f == 1) {
                    line.append("12.3.4"); // the injected decode error
                    continue;
                }
                if (raw < 0) {
                    line.append('-');
                    raw = -raw;
                }
                line.append(raw / 10_000).append('.');
                long frac = raw % 10_000;
                if (frac < 1000) {
                    line.append('0');
                }
                if (frac < 100) {
                    line.append('0');
                }
                if (frac < 10) {
                    line.append('0');
                }
                line.append(frac);
            }
            line.append('\n');
            seq++;
        }
    }
}
