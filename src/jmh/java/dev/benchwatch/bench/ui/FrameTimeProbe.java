package dev.benchwatch.bench.ui;

import com.sun.javafx.perf.PerformanceTracker;
import java.util.ArrayDeque;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * How long each frame takes, from the pulse that starts it to the moment Prism has rendered it: the part of
 * a frame interval the console itself spends (its listeners, CSS, layout, the copy to the render graph, the
 * render thread's painting), as opposed to the wait for the toolkit's next pulse. A frame that fits in
 * 16.7 ms never delays the next pulse.
 *
 * <p>Uses JavaFX's own scene tracker ({@code com.sun.javafx.perf.PerformanceTracker}, reachable because the
 * harness runs JavaFX from the class path): its pulse hook runs in each scene pulse, after the animation
 * timers, and its rendered-frame hook on the render thread when a frame is done. A pulse's render can end
 * after the next pulse began (the next pulse waits for it only before copying its state), so the starts
 * wait in a queue and each rendered frame takes the oldest; a pulse that rendered nothing would give the
 * next frame one interval too many, which errs on the slow side.
 */
final class FrameTimeProbe {
    private final Recorder frameTimes = new Recorder(10_000_000_000L, 3);
    private final ArrayDeque<Long> starts = new ArrayDeque<>();
    private volatile long pulseNow;
    private AnimationTimer timer;
    private PerformanceTracker tracker;

    /** Starts probing the scene's frames; on the JavaFX thread. */
    void attach(Scene scene) {
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulseNow = now;
            }
        };
        timer.start();
        tracker = PerformanceTracker.getSceneTracker(scene);
        tracker.setOnPulse(this::pulsed);
        tracker.setOnRenderedFrameTask(this::rendered);
    }

    private void pulsed() {
        synchronized (starts) {
            // at most one frame can still be rendering when a pulse begins: older starts never rendered
            while (starts.size() > 1) {
                starts.removeFirst();
            }
            starts.addLast(pulseNow);
        }
    }

    private void rendered() {
        Long start;
        synchronized (starts) {
            start = starts.pollFirst();
        }
        if (start != null && start != 0) {
            frameTimes.recordValue(Math.min(Math.max(0, System.nanoTime() - start), 10_000_000_000L));
        }
    }

    /** The frame times since the last call (the first call starts the measurement). */
    Histogram sinceLastCall() {
        return frameTimes.getIntervalHistogram();
    }

    /** Stops probing; on the JavaFX thread. */
    void detach() {
        timer.stop();
        tracker.setOnPulse(null);
        tracker.setOnRenderedFrameTask(null);
    }
}
