package dev.benchwatch.bench.ui;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import org.HdrHistogram.Histogram;

/**
 * The console chart against JavaFX's stock {@code LineChart}, in one run: the point count at which a
 * {@code LineChart} (no animation, no symbols) stops holding the frame budget, and whether our
 * {@code LiveChart} holds it at {@code --factor} (100) times that count. Both are fed the same signal at the
 * same rate ({@code --rate}, 2,500 points/s) in a window of the same size, every point in view, and measured
 * the same way ({@link ChartFrames}).
 *
 * <p>"Holds the frame budget" is judged on each frame's own time, from its pulse to the frame rendered:
 * p99 <= 16.7 ms. The frame interval is printed too, but on this machine even an empty window's p99 interval
 * is above 16.7 ms (JavaFX's 16 ms pulse timer; the harness measures that floor first, {@link EmptySceneFloor}),
 * so the interval alone cannot say when a chart stops keeping up.
 *
 * <p>Options: {@code --ladder N,N,...} (100,250,500,1000,...,64000: the LineChart's point
 * counts, tried in order until one is over the budget), {@code --factor F} (100; the LiveChart is then also
 * measured at 10 times that, to show the headroom), {@code --rate R} (2500),
 * {@code --seconds S} (8) measured after {@code --warmup S} (2) per step, {@code --width W --height H}
 * (1200 x 600), {@code --floor S} (10; 0 skips it), {@code --chartfx true|false} (true: ChartFX's {@code XYChart},
 * {@link ChartFxFeed}, is then measured at the LineChart's over-budget count and at {@code --factor} times it, for
 * comparison only: it does not change the verdict). Needs a display: {@code xvfb-run -a -s "-screen 0
 * 1920x1200x24" mvn -B -q -P bench validate exec:exec@linechart}.
 */
public final class LineChartComparisonHarness {
    private LineChartComparisonHarness() {
    }

    record Options(List<Integer> ladder, int factor, double rate, int seconds, int warmup, int width, int height,
                   int floor, boolean chartfx) {
        static Options parse(String[] args) {
            List<Integer> ladder = List.of(100, 250, 500, 1000, 2000, 4000, 8000, 16000, 32000, 64000);
            int factor = 100;
            double rate = 2500;
            int seconds = 8;
            int warmup = 2;
            int width = 1200;
            int height = 600;
            int floor = 10;
            boolean chartfx = true;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--ladder" -> {
                        List<Integer> steps = new ArrayList<>();
                        for (String n : args[++i].split(",")) {
                            steps.add(Integer.parseInt(n.trim()));
                        }
                        ladder = List.copyOf(steps);
                    }
                    case "--factor" -> factor = Integer.parseInt(args[++i]);
                    case "--rate" -> rate = Double.parseDouble(args[++i]);
                    case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                    case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                    case "--width" -> width = Integer.parseInt(args[++i]);
                    case "--height" -> height = Integer.parseInt(args[++i]);
                    case "--floor" -> floor = Integer.parseInt(args[++i]);
                    case "--chartfx" -> {
                        String v = args[++i];
                        if (!v.equals("true") && !v.equals("false")) {
                            throw new IllegalArgumentException("--chartfx takes true or false, not '" + v + "'");
                        }
                        chartfx = Boolean.parseBoolean(v);
                    }
                    default -> throw new IllegalArgumentException("unknown option '" + args[i] + "' (options: --ladder "
                            + "N,N,... --factor F --rate R --seconds S --warmup S --width W --height H --floor S --chartfx true|false)");
                }
            }
            if (ladder.isEmpty() || factor < 1 || !(rate > 0) || seconds < 1 || warmup < 0 || floor < 0) {
                throw new IllegalArgumentException("need a ladder, --factor >= 1, --rate > 0, --seconds >= 1, "
                        + "--warmup >= 0, --floor >= 0");
            }
            return new Options(ladder, factor, rate, seconds, warmup, width, height, floor, chartfx);
        }
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (RuntimeException e) {
            System.err.println("linechart: " + e.getMessage());
            System.exit(64);
            return;
        }
        System.out.printf(Locale.ROOT, "linechart: %s, load average at start: %s%n",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")), ConsoleFrameHarness.loadAverage());
        System.out.printf(Locale.ROOT, "one series, %,.0f points/s, every point in view, window %dx%d, %d s measured "
                + "after %d s per step; budget: frame time p99 <= %.1f ms%n", o.rate(), o.width(), o.height(), o.seconds(),
                o.warmup(), ChartFrames.BUDGET_MS);
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        Platform.setImplicitExit(false);
        System.out.println("prism pipeline: " + ConsoleFrameHarness.onFx(ConsoleFrameHarness::prismPipeline));

        if (o.floor() > 0) {
            Histogram floor = EmptySceneFloor.measure(o.width(), o.height(), o.floor());
            System.out.printf(Locale.ROOT, "empty window: interval p50 %.2f ms, p99 %.2f ms (%d s: the pulse timer's floor)%n",
                    floor.getValueAtPercentile(50) / 1e6, floor.getValueAtPercentile(99) / 1e6, o.floor());
        }

        // both charts' code compiled before anything is measured: otherwise the first step pays for the JIT
        ChartFrames.measure("LineChart", 1000, new StockLineChartFeed(1000, o.rate()), o.width(), o.height(), 5, 1);
        ChartFrames.measure("LiveChart", 100_000, new LiveChartFeed(100_000, o.rate()), o.width(), o.height(), 5, 1);
        if (o.chartfx()) {
            ChartFrames.measure("ChartFX", 100_000, new ChartFxFeed(100_000, o.rate()), o.width(), o.height(), 5, 1);
        }
        System.out.println("warmed up: 6 s of each chart, not counted");

        Integer over = null;
        for (int points : o.ladder()) {
            ChartFrames.Result r = ChartFrames.measure("LineChart", points, new StockLineChartFeed(points, o.rate()),
                    o.width(), o.height(), o.warmup(), o.seconds());
            System.out.println(r.line());
            if (!r.holdsBudget()) {
                over = points;
                break;
            }
        }
        boolean pass;
        if (over == null) {
            System.out.println("the LineChart held the budget at every step: give a longer --ladder");
            pass = false;
        } else {
            int ours = over * o.factor();
            ChartFrames.Result r = ChartFrames.measure("LiveChart", ours, new LiveChartFeed(ours, o.rate()),
                    o.width(), o.height(), o.warmup(), o.seconds());
            System.out.println(r.line());
            pass = r.holdsBudget();
            long more = (long) ours * 10;
            if (more <= 50_000_000L) {
                ChartFrames.Result headroom = ChartFrames.measure("LiveChart", (int) more,
                        new LiveChartFeed((int) more, o.rate()), o.width(), o.height(), o.warmup(), o.seconds());
                System.out.println(headroom.line());
            }
            if (o.chartfx()) {
                // for comparison only: the verdict below stays the LiveChart's
                ChartFrames.Result same = ChartFrames.measure("ChartFX", over, new ChartFxFeed(over, o.rate()),
                        o.width(), o.height(), o.warmup(), o.seconds());
                System.out.println(same.line());
                ChartFrames.Result fx = ChartFrames.measure("ChartFX", ours, new ChartFxFeed(ours, o.rate()),
                        o.width(), o.height(), o.warmup(), o.seconds());
                System.out.println(fx.line());
                System.out.printf(Locale.ROOT, "ChartFX at %dx the LineChart's count (%,d points): %s (not part of the verdict)%n",
                        o.factor(), ours, fx.holdsBudget() ? "holds the budget" : "does not hold the budget");
            }
            System.out.printf(Locale.ROOT, "LineChart over the budget at %,d points; LiveChart at %dx that (%,d points): %s%n",
                    over, o.factor(), ours, pass ? "holds it: PASS" : "does not hold it: FAIL");
        }
        System.out.printf(Locale.ROOT, "load average at end: %s%n", ConsoleFrameHarness.loadAverage());
        Platform.exit();
        System.exit(pass ? 0 : 2);
    }
}
