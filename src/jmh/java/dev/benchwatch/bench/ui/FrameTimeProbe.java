package dev.benchwatch.bench.ui;

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
 * <p>Each pulse notes its start (the animation timers' timestamp) and {@link RenderedFrames} hands it back
 * when that pulse's frame has been rendered.
 */
final class FrameTimeProbe {
    private final Recorder frameTimes = new Recorder(10_000_000_000L, 3);
    private final RenderedFrames<Long> frames = new RenderedFrames<>(this::pulseStart, this::rendered);
    private long pulseNow;
    private AnimationTimer timer;

    /** Starts probing the scene's frames; on the JavaFX thread. */
    void attach(Scene scene) {
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulseNow = now;
            }
        };
        timer.start();
        frames.attach(scene);
    }

    private Long pulseStart() {
        return pulseNow == 0 ? null : pulseNow;
    }

    private void rendered(long start, long now) {
        frameTimes.recordValue(Math.min(Math.max(0, now - start), 10_000_000_000L));
    }

    /** The frame times since the last call (the first call starts the measurement). */
    Histogram sinceLastCall() {
        return frameTimes.getIntervalHistogram();
    }

    /** Stops probing; on the JavaFX thread. */
    void detach() {
        timer.stop();
        frames.detach();
    }
}
