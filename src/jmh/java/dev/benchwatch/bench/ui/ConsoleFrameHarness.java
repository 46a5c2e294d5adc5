package dev.benchwatch.bench.ui;

import dev.benchwatch.device.DeviceBench;
import dev.benchwatch.device.sim.SimulatedChannel;
import dev.benchwatch.device.sim.Waveform;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineConfig;
import dev.benchwatch.engine.metrics.EngineMetrics;
import dev.benchwatch.engine.window.WindowSpec;
import dev.benchwatch.ui.ConsolePulse;
import dev.benchwatch.ui.ConsoleWindow;
import dev.benchwatch.ui.FrameListener;
import dev.benchwatch.ui.Theme;
import dev.benchwatch.ui.WindowLayout;
import dev.benchwatch.ui.channels.ChannelRow;
import dev.benchwatch.ui.channels.ChannelsPanel;
import dev.benchwatch.ui.chart.ChartSeries;
import dev.benchwatch.ui.chart.LiveChart;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.HdrHistogram.Histogram;

/**
 * The console's performance bar, end to end: the real {@link ConsoleWindow} (1600 x 1000) on a real
 * {@link Engine} fed by 10 simulated devices with 16 channels at 40,000 readings/s in total (2,500/s per
 * channel), every channel on one of the two charts with {@code --points} (100,000) points each in view, and
 * 16 gauge tiles (6 fixed + one per device) updating at 10 Hz. Measures over {@code --duration} seconds
 * (after the charts are full and a {@code --warmup}): the frame intervals from the console's own
 * {@link ConsolePulse} histogram (the measurement window only), frames/s, the time in the pulse's listeners
 * (each one timed), the CPU time of the JavaFX Application Thread and of the Prism render thread from
 * {@link ThreadMXBean}, GC pauses, and the engine's accepted readings/s and drops; prints the Prism pipeline
 * actually in use, and PASS/FAIL against p99 frame interval <= 16.7 ms and JavaFX thread <= 50% of a core.
 *
 * <p>The charts are pre-filled rather than warmed up: each simulated device first hands the engine
 * {@code --points} back-dated readings per channel (as if it had run for 40 s at its rate), then produces
 * live. The engine keeps {@code max(--points, 100,000)} readings per channel and, for the back-dated
 * readings, runs without the staleness check ({@code maxReadingAge 0}); nothing else differs from the
 * console's own engine. A plotted channel's chart takes the whole history on its first frame, so each
 * series holds {@code --points} at once, and 60 s later {@code --points} + 150,000.
 *
 * <p>Options: {@code --duration S} (60), {@code --warmup S} (5), {@code --rate N} total readings/s (40000),
 * {@code --channels N} (16), {@code --devices N} (10), {@code --points N} per channel (100000),
 * {@code --span S} seconds shown (default: the pre-filled points' span, so every point is in view; 10 is the
 * console's default), {@code --width W --height H} (1600 x 1000), {@code --no-windows} (no 10 s statistics
 * window per channel), {@code --quiet-prism} (no prism.verbose), {@code --strict} (exit status 2 on FAIL), {@code --floor S}
 * (10; 0 skips it: seconds of an empty window of the same size first, whose pulse intervals are the
 * baseline printed beside the console's, see {@link EmptySceneFloor}).
 * Run under Xvfb: {@code xvfb-run -a -s "-screen 0 1920x1200x24" mvn -B -q -P bench validate
 * exec:exec@console-frames -Dbench.args="--duration 60"}.
 */
public final class ConsoleFrameHarness {
    static final double P99_BAR_MS = 16.7;
    static final double FX_BUSY_BAR = 0.50;

    private ConsoleFrameHarness() {
    }

    /** The command line. */
    record Options(int durationS, int warmupS, double rate, int channels, int devices, int points, double spanS,
                   int width, int height, boolean windows, boolean verbosePrism, boolean strict, int floorS) {
        static Options parse(String[] args) {
            int duration = 60;
            int warmup = 5;
            double rate = 40_000;
            int channels = 16;
            int devices = 10;
            int points = 100_000;
            double span = Double.NaN;
            int width = 1600;
            int height = 1000;
            boolean windows = true;
            boolean verbose = true;
            boolean strict = false;
            int floor = 10;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--duration" -> duration = Integer.parseInt(args[++i]);
                    case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                    case "--rate" -> rate = Double.parseDouble(args[++i]);
                    case "--channels" -> channels = Integer.parseInt(args[++i]);
                    case "--devices" -> devices = Integer.parseInt(args[++i]);
                    case "--points" -> points = Integer.parseInt(args[++i]);
                    case "--span" -> span = Double.parseDouble(args[++i]);
                    case "--width" -> width = Integer.parseInt(args[++i]);
                    case "--height" -> height = Integer.parseInt(args[++i]);
                    case "--no-windows" -> windows = false;
                    case "--quiet-prism" -> verbose = false;
                    case "--strict" -> strict = true;
                    case "--floor" -> floor = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option '" + a + "' (options: --duration S "
                            + "--warmup S --rate N --channels N --devices N --points N --span S --width W --height H "
                            + "--no-windows --quiet-prism --strict --floor S)");
                }
            }
            if (duration < 1 || warmup < 0 || !(rate > 0) || channels < 1 || devices < 1 || devices > channels
                    || points < 1 || floor < 0) {
                throw new IllegalArgumentException("need --duration >= 1, --warmup >= 0, --rate > 0, --points >= 1 "
                        + "and 1 <= --devices <= --channels");
            }
            double perChannel = rate / channels;
            if (Double.isNaN(span)) {
                span = points / perChannel;
            }
            return new Options(duration, warmup, rate, channels, devices, points, span, width, height, windows, verbose,
                    strict, floor);
        }

        double perChannelRate() {
            return rate / channels;
        }
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (RuntimeException e) {
            System.err.println("console-frames: " + e.getMessage());
            System.exit(64);
            return;
        }
        if (o.verbosePrism() && System.getProperty("prism.verbose") == null) {
            System.setProperty("prism.verbose", "true");
        }
        String loadStart = loadAverage();
        String started = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        System.out.printf(Locale.ROOT, "console-frames: %s, load average at start: %s%n", started, loadStart);
        System.out.printf(Locale.ROOT, "workload: %d devices, %d channels at %,.0f readings/s each (%,.0f/s in all), "
                        + "%,d points per channel pre-filled, %.1f s in view, window %dx%d, 10 s window per channel: %s%n",
                o.devices(), o.channels(), o.perChannelRate(), o.rate(), o.points(), o.spanS(), o.width(), o.height(),
                o.windows());

        EngineConfig config = EngineConfig.builder()
                .maxReadingAge(Duration.ZERO) // the pre-fill is back-dated
                .history(Math.max(o.points(), EngineConfig.DEFAULT_HISTORY_CAPACITY), Duration.ZERO)
                .idleMode(EngineConfig.IdleMode.LOW_CPU) // as the console's own launcher configures it
                .build();
        Engine engine = new Engine(config);
        engine.start();
        DeviceBench bench = new DeviceBench(engine);
        List<String> channelNames = addDevices(engine, bench, o);
        long prefillStart = System.nanoTime();
        for (DeviceBench.Attached device : bench.devices()) {
            bench.connect(device.name()); // pre-fills, then produces live
        }
        System.out.printf(Locale.ROOT, "pre-filled %,d readings in %.1f s%n", (long) o.points() * o.channels(),
                (System.nanoTime() - prefillStart) / 1e9);

        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        Platform.setImplicitExit(false);
        Histogram floor = o.floorS() == 0 ? null : EmptySceneFloor.measure(o.width(), o.height(), o.floorS());
        WindowLayout layout = new WindowLayout(Double.NaN, Double.NaN, o.width(), o.height(), false, Theme.DARK,
                WindowLayout.DEFAULT.leftDivider(), WindowLayout.DEFAULT.centerDivider());
        ConsoleWindow window = onFx(() -> {
            Stage stage = new Stage();
            ConsoleWindow w = new ConsoleWindow(stage, engine, bench, layout, null);
            w.show();
            return w;
        });
        ConsolePulse pulse = window.pulse();
        long fxThread = onFx(() -> Thread.currentThread().threadId());

        // the rows appear once the pulse has seen the engine's channels
        List<ChannelRow> rows = awaitValue(() -> {
            ChannelsPanel panel = find(window.scene().getRoot(), ChannelsPanel.class);
            if (panel == null || panel.table().getItems().size() < o.channels()) {
                return null;
            }
            return List.copyOf(panel.table().getItems());
        }, 30, "the channels table to list " + o.channels() + " channels");
        onFx(() -> {
            long span = Math.round(o.spanS() * 1e9);
            for (LiveChart chart : window.charts().charts()) {
                chart.setDefaultSpan(span);
            }
            for (int i = 0; i < rows.size(); i++) {
                rows.get(i).chartProperty().set(i % ConsoleWindow.CHARTS + 1);
                rows.get(i).onChartProperty().set(true);
            }
            return null;
        });
        awaitValue(() -> {
            int plotted = 0;
            for (LiveChart chart : window.charts().charts()) {
                for (ChartSeries s : chart.series()) {
                    if (s.points().size() >= o.points() && (!o.windows() || s.stats() != null)) {
                        plotted++;
                    }
                }
            }
            return plotted >= o.channels() ? Boolean.TRUE : null;
        }, 60, "every series to hold " + o.points() + " points");
        List<TimedListener> timed = onFx(() -> wrapListeners(pulse));
        String pipeline = onFx(ConsoleFrameHarness::prismPipeline);
        FrameTimeProbe frameTimes = new FrameTimeProbe();
        onFx(() -> {
            frameTimes.attach(window.scene());
            return null;
        });
        System.out.printf(Locale.ROOT, "charts full; warming up %d s%n", o.warmupS());
        Thread.sleep(o.warmupS() * 1000L);

        // ---- measurement
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long renderThread = threadNamed(threads, "QuantumRenderer");
        Sample s0 = onFx(() -> Sample.take(pulse, timed, window));
        long fxCpu0 = threads.getThreadCpuTime(fxThread);
        long renderCpu0 = renderThread < 0 ? -1 : threads.getThreadCpuTime(renderThread);
        long procCpu0 = processCpu();
        java.util.Map<Long, Long> threadCpu0 = threadCpu(threads);
        long[] gc0 = gc();
        EngineMetrics m0 = engine.snapshotNow().metrics();
        frameTimes.sinceLastCall();
        long wall0 = System.nanoTime();
        Thread.sleep(o.durationS() * 1000L);
        long wall = System.nanoTime() - wall0;
        Histogram frameTime = frameTimes.sinceLastCall();
        EngineMetrics m1 = engine.snapshotNow().metrics();
        long fxCpu = threads.getThreadCpuTime(fxThread) - fxCpu0;
        long renderCpu = renderThread < 0 ? -1 : threads.getThreadCpuTime(renderThread) - renderCpu0;
        long procCpu = processCpu() - procCpu0;
        java.util.Map<Long, Long> threadCpu1 = threadCpu(threads);
        long[] gc1 = gc();
        Sample s1 = onFx(() -> Sample.take(pulse, timed, window));
        String loadEnd = loadAverage();

        Histogram h = s1.intervals().copy();
        h.subtract(s0.intervals());
        long frames = s1.frames() - s0.frames();
        double seconds = wall / 1e9;
        double p50 = h.getValueAtPercentile(50) / 1e6;
        double p99 = h.getValueAtPercentile(99) / 1e6;
        double p999 = h.getValueAtPercentile(99.9) / 1e6;
        double max = h.getMaxValue() / 1e6;
        double listenersBusy = (double) (s1.busy() - s0.busy()) / wall;
        double fxBusy = (double) fxCpu / wall;
        double accepted = (m1.accepted() - m0.accepted()) / seconds;
        long drops = m1.drops() - m0.drops();
        long rejected = m1.rejectedTotal() - m0.rejectedTotal();
        long over16 = h.getCountBetweenValues(16_700_000L + 1, Long.MAX_VALUE / 4) ;
        long over33 = h.getCountBetweenValues(33_400_000L + 1, Long.MAX_VALUE / 4);

        StringBuilder r = new StringBuilder();
        r.append("\n==== console frames: results ====\n");
        r.append(String.format(Locale.ROOT, "prism pipeline        %s%n", pipeline));
        r.append(String.format(Locale.ROOT, "java                  %s %s (%s), %d CPUs, -Xmx %d MiB, GC %s%n",
                System.getProperty("java.vendor"), System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, gcNames()));
        r.append(String.format(Locale.ROOT, "javafx                %s, DISPLAY=%s%n", System.getProperty("javafx.runtime.version"),
                System.getenv("DISPLAY")));
        r.append(String.format(Locale.ROOT, "measured              %.1f s after %d s warm-up; load average start %s, end %s%n",
                seconds, o.warmupS(), loadStart, loadEnd));
        r.append(String.format(Locale.ROOT, "frames                %,d (%.1f/s); charts painted %,d frames (%.1f/s each)%n",
                frames, frames / seconds, s1.painted() - s0.painted(),
                (s1.painted() - s0.painted()) / seconds / ConsoleWindow.CHARTS));
        r.append(String.format(Locale.ROOT, "frame interval        p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms, mean %.2f ms%n",
                p50, p99, p999, max, h.getMean() / 1e6));
        r.append(String.format(Locale.ROOT, "interval ladder       p90 %.2f, p95 %.2f, p98 %.2f, p99 %.2f, p99.5 %.2f ms; min %.2f ms%n",
                h.getValueAtPercentile(90) / 1e6, h.getValueAtPercentile(95) / 1e6, h.getValueAtPercentile(98) / 1e6,
                p99, h.getValueAtPercentile(99.5) / 1e6, h.getMinValue() / 1e6));
        r.append(String.format(Locale.ROOT, "frame time            p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms over %,d frames "
                        + "(pulse start to frame rendered; %.1f%% over 16.7 ms)%n",
                frameTime.getValueAtPercentile(50) / 1e6, frameTime.getValueAtPercentile(99) / 1e6,
                frameTime.getValueAtPercentile(99.9) / 1e6, frameTime.getMaxValue() / 1e6, frameTime.getTotalCount(),
                100.0 * frameTime.getCountBetweenValues(16_700_000L + 1, Long.MAX_VALUE / 4)
                        / Math.max(1, frameTime.getTotalCount())));
        if (floor != null) {
            r.append(String.format(Locale.ROOT, "empty scene           p50 %.2f ms, p90 %.2f, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms, %.1f%% > 16.7 ms "
                            + "(%d s before the console, same window size, simulators running: the pulse timer's floor)%n",
                    floor.getValueAtPercentile(50) / 1e6, floor.getValueAtPercentile(90) / 1e6,
                    floor.getValueAtPercentile(99) / 1e6, floor.getValueAtPercentile(99.9) / 1e6,
                    floor.getMaxValue() / 1e6,
                    100.0 * floor.getCountBetweenValues(16_700_000L + 1, Long.MAX_VALUE / 4) / Math.max(1, floor.getTotalCount()),
                    o.floorS()));
            r.append(String.format(Locale.ROOT, "console over floor    p99 %+.2f ms, p99.9 %+.2f ms%n",
                    p99 - floor.getValueAtPercentile(99) / 1e6, p999 - floor.getValueAtPercentile(99.9) / 1e6));
        }
        r.append(String.format(Locale.ROOT, "late frames           %,d intervals > 16.7 ms (%.2f%%), %,d > 33.4 ms (%.2f%%)%n",
                over16, 100.0 * over16 / Math.max(1, h.getTotalCount()), over33,
                100.0 * over33 / Math.max(1, h.getTotalCount())));
        r.append(String.format(Locale.ROOT, "JavaFX thread CPU     %.1f%% of a core (ThreadMXBean)%n", fxBusy * 100));
        r.append(String.format(Locale.ROOT, "  in pulse listeners  %.1f%% of wall time (%.2f ms a frame)%n",
                listenersBusy * 100, (s1.busy() - s0.busy()) / 1e6 / Math.max(1, frames)));
        for (int i = 0; i < timed.size(); i++) {
            long n = s1.listenerNanos()[i] - s0.listenerNanos()[i];
            r.append(String.format(Locale.ROOT, "    %-22s %5.1f%% of wall, %.3f ms a frame, max %.1f ms%n",
                    timed.get(i).name(), 100.0 * n / wall, n / 1e6 / Math.max(1, frames), s1.listenerMax()[i] / 1e6));
        }
        r.append(String.format(Locale.ROOT, "  outside listeners   %.1f%% of a core (CSS, layout, scene sync, input; negative: listeners waited for a CPU)%n",
                (fxBusy - listenersBusy) * 100));
        r.append(String.format(Locale.ROOT, "render thread CPU     %s%n", renderCpu < 0 ? "n/a (no QuantumRenderer thread found)"
                : String.format(Locale.ROOT, "%.1f%% of a core (QuantumRenderer: Prism draws here)", 100.0 * renderCpu / wall)));
        r.append(String.format(Locale.ROOT, "process CPU           %.1f%% of a core (%.2f of %d cores)%n",
                100.0 * procCpu / wall, (double) procCpu / wall, Runtime.getRuntime().availableProcessors()));
        r.append("  busiest threads    ");
        threadCpu1.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - threadCpu0.getOrDefault(e.getKey(), 0L)))
                .sorted(java.util.Map.Entry.<Long, Long>comparingByValue().reversed()).limit(8)
                .forEach(e -> {
                    ThreadInfo info = threads.getThreadInfo(e.getKey());
                    r.append(String.format(Locale.ROOT, " %s %.1f%%;", info == null ? "#" + e.getKey() : info.getThreadName(),
                            100.0 * e.getValue() / wall));
                });
        r.append('\n');
        r.append(String.format(Locale.ROOT, "GC                    %d collections, %.0f ms in all%n", gc1[0] - gc0[0],
                (double) (gc1[1] - gc0[1])));
        r.append(String.format(Locale.ROOT, "engine                %,.0f readings/s accepted (target %,.0f), %,d drops, %,d rejected%n",
                accepted, o.rate(), drops, rejected));
        r.append(String.format(Locale.ROOT, "charts                %d series, %,d..%,d points each at the end, span %.1f s in view%n",
                s1.series(), s1.minPoints(), s1.maxPoints(), o.spanS()));
        r.append(String.format(Locale.ROOT, "gauge updates         %.1f/s%n", (s1.gaugeUpdates() - s0.gaugeUpdates()) / seconds));
        boolean framesOk = p99 <= P99_BAR_MS;
        boolean busyOk = fxBusy <= FX_BUSY_BAR;
        boolean loadOk = accepted >= 0.95 * o.rate() && drops == 0 && s1.minPoints() >= o.points();
        r.append(String.format(Locale.ROOT, "p99 frame interval <= %.1f ms: %s (%.2f ms)%n", P99_BAR_MS, framesOk ? "PASS" : "FAIL", p99));
        r.append(String.format(Locale.ROOT, "JavaFX thread <= %.0f%% of a core: %s (%.1f%%)%n", FX_BUSY_BAR * 100,
                busyOk ? "PASS" : "FAIL", fxBusy * 100));
        r.append(String.format(Locale.ROOT, "workload held (>= 95%% of the rate, no drops, >= %,d points): %s%n", o.points(),
                loadOk ? "yes" : "NO"));
        boolean pass = framesOk && busyOk && loadOk;
        r.append("verdict: ").append(pass ? "PASS" : "FAIL").append('\n');
        System.out.print(r);
        System.out.flush();

        onFx(() -> {
            window.close();
            return null;
        });
        bench.close();
        engine.close();
        Platform.exit();
        System.exit(!pass && o.strict() ? 2 : 0);
    }

    private static List<String> addDevices(Engine engine, DeviceBench bench, Options o) {
        List<List<SimulatedChannel>> perDevice = new ArrayList<>();
        for (int d = 0; d < o.devices(); d++) {
            perDevice.add(new ArrayList<>());
        }
        List<String> names = new ArrayList<>();
        String[] units = {"°C", "V", "A", "g", "bar", "%RH"};
        for (int c = 0; c < o.channels(); c++) {
            String name = String.format(Locale.ROOT, "ch%02d", c);
            List<Waveform> wave = new ArrayList<>();
            wave.add(new Waveform.Sine(10 * c, 2 + c % 5, 4 + c));
            wave.add(new Waveform.Noise(0, 0.2 + 0.05 * (c % 4)));
            if (c % 3 == 0) {
                wave.add(new Waveform.Spikes(3, 0.0005, true));
            }
            perDevice.get(c % o.devices()).add(new SimulatedChannel(name, units[c % units.length], wave));
            names.add(name);
            // registered up front (the device registers the same names again) so the windows can name them
            engine.registerChannel(name, units[c % units.length], String.format(Locale.ROOT, "dev%02d", c % o.devices()));
            if (o.windows()) {
                engine.addWindow(WindowSpec.slidingTime(name + "_10s", name, Duration.ofSeconds(10)));
            }
        }
        for (int d = 0; d < o.devices(); d++) {
            String device = String.format(Locale.ROOT, "dev%02d", d);
            List<SimulatedChannel> channels = perDevice.get(d);
            long seed = 1000 + d;
            bench.add("simulator", () -> new PrefilledSimulator(engine, device, o.perChannelRate(), channels, o.points(),
                    seed));
        }
        return names;
    }

    /** Replaces each of the pulse's listeners with a timed wrapper (reflection: the list is private). */
    @SuppressWarnings("unchecked")
    private static List<TimedListener> wrapListeners(ConsolePulse pulse) throws ReflectiveOperationException {
        var field = ConsolePulse.class.getDeclaredField("listeners");
        field.setAccessible(true);
        List<FrameListener> listeners = (List<FrameListener>) field.get(pulse);
        List<TimedListener> timed = new ArrayList<>();
        for (int i = 0; i < listeners.size(); i++) {
            TimedListener t = new TimedListener(listeners.get(i));
            listeners.set(i, t);
            timed.add(t);
        }
        return timed;
    }

    /** What the console's counters say at one moment (read on the JavaFX thread). */
    record Sample(Histogram intervals, long frames, long busy, long[] listenerNanos, long[] listenerMax, long painted,
                  int series, int minPoints, int maxPoints, long gaugeUpdates) {
        static Sample take(ConsolePulse pulse, List<TimedListener> timed, ConsoleWindow window) {
            long[] nanos = new long[timed.size()];
            long[] maxes = new long[timed.size()];
            for (int i = 0; i < nanos.length; i++) {
                nanos[i] = timed.get(i).nanos();
                maxes[i] = timed.get(i).maxNanos();
                timed.get(i).resetMax();
            }
            long painted = 0;
            int series = 0;
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (LiveChart chart : window.charts().charts()) {
                painted += chart.paintedFrames();
                for (ChartSeries s : chart.series()) {
                    series++;
                    min = Math.min(min, s.points().size());
                    max = Math.max(max, s.points().size());
                }
            }
            return new Sample(pulse.frameIntervals().copy(), pulse.frames(), pulse.busyNanos(), nanos, maxes, painted,
                    series, series == 0 ? 0 : min, max, window.gauges().model().updates());
        }
    }

    /** The Prism pipeline class in use, e.g. com.sun.prism.sw.SWPipeline or com.sun.prism.es2.ES2Pipeline. */
    static String prismPipeline() {
        String order = System.getProperty("prism.order", "(default)");
        try {
            Class<?> type = Class.forName("com.sun.prism.GraphicsPipeline");
            Object p = type.getMethod("getPipeline").invoke(null);
            String name = p == null ? "none" : p.getClass().getName();
            String shortName = name.contains(".sw.") ? "sw (software)" : name.contains(".es2.") ? "es2 (OpenGL)"
                    : name.contains(".d3d.") ? "d3d" : name;
            return shortName + " = " + name + ", prism.order=" + order;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return "unknown (" + e + "), prism.order=" + order;
        }
    }

    private static <T extends Node> T find(Node node, Class<T> type) {
        if (type.isInstance(node)) {
            return type.cast(node);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                T found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        if (node instanceof javafx.scene.control.SplitPane split) {
            for (Node item : split.getItems()) {
                T found = find(item, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static <T> T awaitValue(Callable<T> probe, int seconds, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            T value = onFx(probe);
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + seconds + " s waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    static <T> T onFx(Callable<T> task) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    private static long threadNamed(ThreadMXBean threads, String prefix) {
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(prefix)) {
                return info.getThreadId();
            }
        }
        return -1;
    }

    private static java.util.Map<Long, Long> threadCpu(ThreadMXBean threads) {
        java.util.Map<Long, Long> cpu = new java.util.HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long t = threads.getThreadCpuTime(id);
            if (t >= 0) {
                cpu.put(id, t);
            }
        }
        return cpu;
    }

    private static long processCpu() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static long[] gc() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    private static String gcNames() {
        return String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .toList());
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "n/a";
        }
    }
}
