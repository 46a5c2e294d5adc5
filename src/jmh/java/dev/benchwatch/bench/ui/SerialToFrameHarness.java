package dev.benchwatch.bench.ui;

import dev.benchwatch.device.BenchActionPorts;
import dev.benchwatch.device.DeviceBench;
import dev.benchwatch.device.serial.SocatPair;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineConfig;
import dev.benchwatch.engine.NanoClock;
import dev.benchwatch.engine.action.ActionPorts;
import dev.benchwatch.ui.ConsoleWindow;
import dev.benchwatch.ui.Theme;
import dev.benchwatch.ui.WindowLayout;
import dev.benchwatch.ui.chart.ChartSeries;
import dev.benchwatch.ui.chart.LiveChart;
import dev.benchwatch.workspace.TriggerLanguageCheck;
import dev.benchwatch.workspace.WorkspaceSetup;
import dev.benchwatch.workspace.WorkspaceSetupReport;
import dev.benchwatch.workspace.file.WorkspaceReader;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.HdrHistogram.Histogram;

/**
 * From a line written to a serial pty to the frame that shows it, end to end: a real socat pty pair, the
 * console's own serial adapter (opened from a workspace file, as the console opens one), its engine (the
 * console launcher's configuration) and the real {@link ConsoleWindow} with the channel on a chart. A
 * writer thread plays the board: it writes its line number as a CSV value, {@code --rate} lines a second,
 * and notes the time of each write; {@link LineToFrameProbe} notes when the frame whose chart holds that
 * number has been rendered. Bar: p99 <= 25 ms.
 *
 * <p>Options: {@code --rate N} lines/s (200), {@code --seconds S} measured (30) after {@code --warmup S}
 * (5), {@code --width W --height H} (1600 x 1000). Needs socat and a display: {@code xvfb-run -a -s "-screen 0
 * 1920x1200x24" mvn -B -q -P bench validate exec:exec@serial-frame}.
 */
public final class SerialToFrameHarness {
    static final double BAR_MS = 25;

    private SerialToFrameHarness() {
    }

    public static void main(String[] args) throws Exception {
        int rate = 200;
        int seconds = 30;
        int warmup = 5;
        int width = 1600;
        int height = 1000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--width" -> width = Integer.parseInt(args[++i]);
                case "--height" -> height = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("serial-frame: unknown option '" + args[i]
                            + "' (options: --rate N --seconds S --warmup S --width W --height H)");
                    System.exit(64);
                }
            }
        }
        System.out.printf(Locale.ROOT, "serial-frame: %s, load average at start: %s%n",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")), ConsoleFrameHarness.loadAverage());
        System.out.printf(Locale.ROOT, "one serial board over a socat pty pair, %d lines/s, %d s measured after %d s; "
                + "window %dx%d; bar: p99 <= %.0f ms%n", rate, seconds, warmup, width, height, BAR_MS);

        Path dir = Files.createTempDirectory("bw-serial-frame");
        Path device = dir.resolve("ttyBENCH");
        Path workspaceFile = dir.resolve("bench.json");
        long[] written = new long[rate * (warmup + seconds + 5)];
        long[] writtenEpoch = new long[written.length];
        try (SocatPair socat = new SocatPair(dir.resolve("board"))) {
            socat.start(device);
            Files.writeString(workspaceFile, """
                    {
                      "schemaVersion": 1,
                      "devices": [
                        {"name": "board", "kind": "serial", "port": "%s", "baud": 115200,
                         "decoder": {"format": "csv", "names": ["line"]}}
                      ],
                      "channels": [{"name": "board.line", "unit": "", "device": "board"}]
                    }
                    """.formatted(device), StandardCharsets.UTF_8);
            WorkspaceReader.Result read = new WorkspaceReader(new TriggerLanguageCheck()).read(workspaceFile);
            if (!read.valid()) {
                throw new IllegalStateException("bench workspace: " + read.errors());
            }
            BenchActionPorts ports = new BenchActionPorts();
            // as ConsoleLauncher builds the console's engine
            try (Engine engine = new Engine(EngineConfig.builder().idleMode(EngineConfig.IdleMode.LOW_CPU).build(),
                    ports.routing(ActionPorts.unconnected()));
                 DeviceBench bench = new DeviceBench(engine)) {
                ports.attach(bench);
                WorkspaceSetupReport report = WorkspaceSetup.apply(read.workspace(), engine, bench, Map.of(), dir);
                if (!report.errors().isEmpty()) {
                    throw new IllegalStateException("bench workspace: " + report.errors());
                }
                engine.start();
                SocatPair.await(() -> bench.find("board").orElseThrow().adapter().isConnected(), "the board's port open");

                CountDownLatch up = new CountDownLatch(1);
                Platform.startup(up::countDown);
                up.await();
                Platform.setImplicitExit(false);
                WindowLayout layout = new WindowLayout(Double.NaN, Double.NaN, width, height, false, Theme.DARK,
                        WindowLayout.DEFAULT.leftDivider(), WindowLayout.DEFAULT.centerDivider());
                ConsoleWindow window = ConsoleFrameHarness.onFx(() -> {
                    ConsoleWindow w = new ConsoleWindow(new Stage(), engine, bench, layout, null);
                    w.show();
                    return w;
                });
                System.out.println("prism pipeline: " + ConsoleFrameHarness.onFx(ConsoleFrameHarness::prismPipeline));

                Board board = new Board(socat.board(), rate, written, writtenEpoch);
                Thread writer = Thread.ofPlatform().name("board").daemon().start(board);
                ChartSeries series = awaitSeries(window, "board.line");
                LineToFrameProbe probe = new LineToFrameProbe(written, writtenEpoch, series);
                ConsoleFrameHarness.onFx(() -> {
                    probe.attach(window.scene(), window.pulse());
                    return null;
                });
                Thread.sleep(warmup * 1000L);
                probe.sinceLastCall();
                probe.toArrivalSinceLastCall();
                long lines0 = board.lines;
                Thread.sleep(seconds * 1000L);
                Histogram latency = probe.sinceLastCall();
                Histogram toArrival = probe.toArrivalSinceLastCall();
                long lines = board.lines - lines0;
                board.stop = true;
                writer.join(2000);

                double p99 = latency.getValueAtPercentile(99) / 1e6;
                System.out.printf(Locale.ROOT, "lines written         %,d in %d s (%.0f/s)%n", lines, seconds, (double) lines / seconds);
                System.out.printf(Locale.ROOT, "lines timed on screen %,d%n", latency.getTotalCount());
                System.out.printf(Locale.ROOT, "line to frame         p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms, mean %.2f ms%n",
                        latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(90) / 1e6, p99,
                        latency.getValueAtPercentile(99.9) / 1e6, latency.getMaxValue() / 1e6, latency.getMean() / 1e6);
                System.out.printf(Locale.ROOT, "  write to time stamp p50 %.2f ms, p99 %.2f ms (the pty and the serial adapter: "
                                + "the reading's stamp against the write's, both Instant.now())%n",
                        toArrival.getValueAtPercentile(50) / 1e6, toArrival.getValueAtPercentile(99) / 1e6);
                boolean enough = latency.getTotalCount() >= 0.95 * lines;
                boolean pass = enough && p99 <= BAR_MS;
                System.out.printf(Locale.ROOT, "p99 <= %.0f ms: %s (%.2f ms)%s%n", BAR_MS, pass ? "PASS" : "FAIL", p99,
                        enough ? "" : "; fewer than 95% of the lines were timed");
                System.out.printf(Locale.ROOT, "load average at end: %s%n", ConsoleFrameHarness.loadAverage());
                ConsoleFrameHarness.onFx(() -> {
                    probe.detach();
                    window.close();
                    return null;
                });
                Platform.exit();
                System.exit(pass ? 0 : 2);
            }
        }
    }

    private static ChartSeries awaitSeries(ConsoleWindow window, String channel) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            ChartSeries found = ConsoleFrameHarness.onFx(() -> {
                for (LiveChart chart : window.charts().charts()) {
                    for (ChartSeries s : chart.series()) {
                        if (s.name().startsWith(channel)) {
                            return s;
                        }
                    }
                }
                return null;
            });
            if (found != null) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no chart shows " + channel);
    }

    /** Plays the board: writes "N\n" for N = 0, 1, 2, ... at a steady rate, noting each write's time. */
    private static final class Board implements Runnable {
        private final Path port;
        private final int rate;
        private final long[] written;
        private final long[] writtenEpoch;
        volatile boolean stop;
        volatile long lines;

        Board(Path port, int rate, long[] written, long[] writtenEpoch) {
            this.port = port;
            this.rate = rate;
            this.written = written;
            this.writtenEpoch = writtenEpoch;
        }

        @Override
        public void run() {
            long period = 1_000_000_000L / rate;
            long next = System.nanoTime();
            try (OutputStream out = new FileOutputStream(port.toFile())) {
                for (int n = 0; n < written.length && !stop; n++) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    byte[] line = (n + "\n").getBytes(StandardCharsets.US_ASCII);
                    written[n] = System.nanoTime();
                    writtenEpoch[n] = NanoClock.SYSTEM.nowNanos();
                    out.write(line);
                    out.flush();
                    lines = n + 1;
                    next += period;
                }
            } catch (Exception e) {
                System.err.println("board: " + e);
            }
        }
    }
}
