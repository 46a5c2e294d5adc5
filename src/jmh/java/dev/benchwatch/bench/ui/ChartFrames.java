package dev.benchwatch.bench.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.HdrHistogram.Histogram;

/**
 * Shows one chart in a window of its own and measures its frames while live points stream into it: the
 * interval between pulses, each frame's own time ({@link FrameTimeProbe}) and the JavaFX thread's CPU. The
 * chart under test is a {@link Feed}: it builds its node and, once per pulse, takes the points that arrived
 * since the last pulse (at a fixed rate, on a clock of its own) and drops as many of its oldest.
 */
final class ChartFrames {
    static final double BUDGET_MS = 16.7;

    /** A chart fed live points. */
    interface Feed {
        /** The node to show; on the JavaFX thread. */
        Parent node();

        /** Adds the points with times in (from, to] (nanoseconds) and drops as many of the oldest; on the JavaFX thread. */
        void advance(long fromNanos, long toNanos);
    }

    /** What one chart's frames did. */
    record Result(String chart, int points, long frames, double seconds, Histogram intervals, Histogram frameTimes,
                  double fxCpu) {
        double frameTimeP99() {
            return frameTimes.getValueAtPercentile(99) / 1e6;
        }

        boolean holdsBudget() {
            return frameTimeP99() <= BUDGET_MS;
        }

        String line() {
            return String.format(Locale.ROOT, "%-10s %,11d points  %5.1f frames/s  interval p50 %6.2f p99 %7.2f ms  "
                            + "frame time p50 %6.2f p99 %7.2f ms (%4.1f%% over %.1f)  JavaFX thread %5.1f%%  %s",
                    chart, points, frames / seconds, intervals.getValueAtPercentile(50) / 1e6,
                    intervals.getValueAtPercentile(99) / 1e6, frameTimes.getValueAtPercentile(50) / 1e6, frameTimeP99(),
                    100.0 * frameTimes.getCountBetweenValues((long) (BUDGET_MS * 1e6) + 1, Long.MAX_VALUE / 4)
                            / Math.max(1, frameTimes.getTotalCount()),
                    BUDGET_MS, fxCpu * 100, holdsBudget() ? "holds the budget" : "OVER the budget");
        }
    }

    private ChartFrames() {
    }

    /**
     * Shows {@code feed} at {@code width} x {@code height}, lets it run {@code warmupS} seconds, measures for
     * {@code seconds}, closes it.
     */
    static Result measure(String chart, int points, Feed feed, int width, int height, int warmupS, int seconds)
            throws Exception {
        Histogram intervals = new Histogram(10_000_000_000L, 3);
        FrameTimeProbe probe = new FrameTimeProbe();
        long[] fxThread = new long[1];
        AnimationTimer[] driver = new AnimationTimer[1];
        Stage stage = ConsoleFrameHarness.onFx(() -> {
            fxThread[0] = Thread.currentThread().threadId();
            Stage s = new Stage();
            s.setTitle(chart + ", " + points + " points");
            // in a plain pane (no background), which FrameTimeProbe needs as the scene's root
            s.setScene(new Scene(new StackPane(feed.node()), width, height));
            driver[0] = new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    if (last != 0) {
                        feed.advance(last, now);
                        intervals.recordValue(Math.min(now - last, intervals.getHighestTrackableValue()));
                    }
                    last = now;
                }
            };
            driver[0].start();
            s.show();
            probe.attach(s.getScene());
            return s;
        });
        Thread.sleep(warmupS * 1000L);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ConsoleFrameHarness.onFx(() -> {
            intervals.reset();
            return null;
        });
        probe.sinceLastCall();
        long cpu0 = threads.getThreadCpuTime(fxThread[0]);
        long wall0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        Histogram measured = ConsoleFrameHarness.onFx(() -> {
            Histogram copy = intervals.copy();
            driver[0].stop();
            return copy;
        });
        long wall = System.nanoTime() - wall0;
        double fxCpu = (double) (threads.getThreadCpuTime(fxThread[0]) - cpu0) / wall;
        Histogram frameTimes = probe.sinceLastCall();
        ConsoleFrameHarness.onFx(() -> {
            probe.detach();
            stage.close();
            return null;
        });
        return new Result(chart, points, measured.getTotalCount(), wall / 1e9, measured, frameTimes, fxCpu);
    }
}
