package dev.benchwatch.bench.ui;

import com.sun.javafx.perf.PerformanceTracker;
import java.util.LinkedList;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.scene.Scene;

/**
 * Pairs each scene pulse with the moment Prism has rendered the frame it made, through JavaFX's own scene
 * tracker ({@code com.sun.javafx.perf.PerformanceTracker}, reachable because the harnesses run JavaFX from the
 * class path): its pulse hook runs in each scene pulse, after the animation timers; its rendered-frame hook
 * runs on the render thread when a frame is done.
 *
 * <p>A pulse's render can end after the next pulse began (the next pulse waits for it only before copying
 * its state), so what each pulse noted waits in a queue and each rendered frame takes the oldest. At most
 * one frame can still be rendering when a pulse begins, so anything older never rendered and is dropped; a
 * pulse that renders nothing while the next one does gives that frame the older note, which errs on the slow
 * side.
 *
 * @param <T> what a pulse notes (taken on the JavaFX thread) and its frame gets back (on the render thread)
 */
final class RenderedFrames<T> {
    /** A pulse that noted nothing still takes its place (null), hence a list that holds nulls. */
    private final LinkedList<T> noted = new LinkedList<>();
    private final Supplier<T> atPulse;
    private final BiConsumer<T, Long> whenRendered;
    private PerformanceTracker tracker;

    /**
     * @param atPulse      what to note in each scene pulse (null: nothing for this pulse's frame)
     * @param whenRendered given a pulse's note and {@link System#nanoTime()} when its frame was rendered
     */
    RenderedFrames(Supplier<T> atPulse, BiConsumer<T, Long> whenRendered) {
        this.atPulse = atPulse;
        this.whenRendered = whenRendered;
    }

    /** Starts pairing the scene's pulses and frames; on the JavaFX thread. */
    void attach(Scene scene) {
        tracker = PerformanceTracker.getSceneTracker(scene);
        tracker.setOnPulse(this::pulsed);
        tracker.setOnRenderedFrameTask(this::rendered);
    }

    private void pulsed() {
        T note = atPulse.get();
        synchronized (noted) {
            while (noted.size() > 1) {
                noted.removeFirst();
            }
            noted.addLast(note);
        }
    }

    private void rendered() {
        long now = System.nanoTime();
        T note;
        synchronized (noted) {
            note = noted.pollFirst();
        }
        if (note != null) {
            whenRendered.accept(note, now);
        }
    }

    /** Stops; on the JavaFX thread. */
    void detach() {
        tracker.setOnPulse(null);
        tracker.setOnRenderedFrameTask(null);
    }
}
