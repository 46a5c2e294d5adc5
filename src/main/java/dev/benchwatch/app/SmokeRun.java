package dev.benchwatch.app;

import dev.benchwatch.engine.EngineSnapshot;
import dev.benchwatch.ui.ConsoleWindow;
import dev.benchwatch.ui.FrameListener;
import dev.benchwatch.ui.chart.LiveChart;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.PauseTransition;

/**
 * {@code --smoke}: proves an installed console works end to end, for CI and the startup benchmark. It prints
 * how long the first frame with live data took from the start of the process, then how long the whole window
 * took (its other panels follow the charts' first frames), and closes the console (exit 0); or (exit 1) it
 * says that no live data reached the screen within the time limit.
 *
 * <p>"Rendered" is judged on the pulse after the one in which a chart first painted readings: JavaFX renders
 * a scene after its animation timers in the same pulse, so by the next pulse the frame that drew the data is
 * on screen. The start of the process, not of the JVM, is the reference: a jpackage launcher runs the JVM inside
 * its own process, so the figure includes the launcher too.
 */
final class SmokeRun implements FrameListener {
    static final Duration LIMIT = Duration.ofSeconds(30);

    private final ConsoleWindow window;
    private final PrintWriter out;
    private long dataFrame = -1;
    private long paintsBefore;
    private boolean dataShown;
    private long completeFrame = -1;
    private boolean done;

    private SmokeRun(ConsoleWindow window, PrintWriter out) {
        this.window = window;
        this.out = out;
    }

    /** Watches the console's frames and closes it when done; sets {@code status} to 1 on a timeout. FX thread. */
    static void watch(ConsoleWindow window, AtomicInteger status, PrintWriter out, PrintWriter err) {
        watch(window, status, out, err, LIMIT);
    }

    /** As above with another time limit (tests). FX thread. */
    static void watch(ConsoleWindow window, AtomicInteger status, PrintWriter out, PrintWriter err, Duration within) {
        SmokeRun smoke = new SmokeRun(window, out);
        window.pulse().add(smoke);
        PauseTransition limit = new PauseTransition(javafx.util.Duration.millis(within.toMillis()));
        limit.setOnFinished(e -> {
            if (!smoke.done) {
                smoke.done = true;
                err.println("benchwatch: smoke: " + (smoke.dataShown ? "the console's panels were not all built"
                        : "no frame with live data") + " within " + within.toMillis() + " ms");
                err.flush();
                status.set(1);
                window.stage().close();
            }
        });
        limit.play();
    }

    @Override
    public void onFrame(EngineSnapshot snapshot, long nowNanos) {
        if (done) {
            return;
        }
        long frame = window.pulse().frames();
        if (dataFrame < 0) {
            if (chartsPaintedReadings()) {
                dataFrame = frame;
            }
            return;
        }
        if (!dataShown && frame > dataFrame) {
            dataShown = true;
            out.println("first frame with live data after " + sinceProcessStart().toMillis() + " ms ("
                    + snapshot.metrics().accepted() + " readings, frame " + (dataFrame + 1) + ")");
            out.flush();
        }
        // the rest of the window follows the charts' first frames (ConsoleWindow.completeProperty): a smoke run
        // also proves that every panel got built, and says when the last one was on screen
        if (completeFrame < 0 && window.completeProperty().get()) {
            completeFrame = frame;
        } else if (completeFrame >= 0 && frame > completeFrame) {
            done = true;
            out.println("whole console after " + sinceProcessStart().toMillis() + " ms (frame " + (completeFrame + 1)
                    + ")");
            out.flush();
            // close after this pulse: closing a stage from inside its own pulse listener list is allowed, but
            // the listeners that follow this one should still see a consistent window
            javafx.application.Platform.runLater(() -> window.stage().close());
        }
    }

    /**
     * Whether a chart painted in this frame with readings in it. The charts pull and paint before this
     * listener runs, so this frame's render shows them. (Readings accepted by the engine are not enough: a
     * chart paints only once it has been laid out and its channels plotted.)
     */
    private boolean chartsPaintedReadings() {
        long painted = 0;
        boolean readings = false;
        for (LiveChart chart : window.charts().charts()) {
            painted += chart.paintedFrames();
            readings |= chart.series().stream().anyMatch(series -> !series.points().isEmpty());
        }
        boolean paintedNow = painted > paintsBefore;
        paintsBefore = painted;
        return paintedNow && readings;
    }

    /** Time since this process started (falls back to the JVM's start when the OS does not say). */
    static Duration sinceProcessStart() {
        Instant start = ProcessHandle.current().info().startInstant()
                .orElseGet(() -> Instant.ofEpochMilli(java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()));
        return Duration.between(start, Instant.now());
    }
}
