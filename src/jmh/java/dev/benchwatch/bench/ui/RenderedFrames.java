package dev.benchwatch.bench.ui;

import com.sun.javafx.perf.PerformanceTracker;
import java.util.LinkedList;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * Pairs each scene pulse with the moment Prism has rendered the frame it made, through JavaFX's own scene
 * tracker ({@code com.sun.javafx.perf.PerformanceTracker}, reachable because the harnesses run JavaFX from the
 * class path): its pulse hook runs in each scene pulse, after the animation timers; its rendered-frame hook
 * runs on the render thread when a frame is done.
 *
 * <p>A pulse's render can end after the next pulse began (the next pulse waits for it only before copying
 * its state), so what each pulse noted waits in a queue and each rendered frame takes the oldest. That holds
 * only if every pulse renders: one pulse that rendered nothing would leave its note in the queue, and every
 * later frame would take the note of the pulse before its own, one period too early, for the rest of the
 * run. So each pulse also changes a 1 x 1 marker in the scene's corner (its fill, between two invisible
 * values): every pulse has something to render. At most one frame can still be rendering when a pulse
 * begins, so an older note never rendered and is dropped.
 *
 * @param <T> what a pulse notes (taken on the JavaFX thread) and its frame gets back (on the render thread)
 */
final class RenderedFrames<T> {
    /** A pulse that noted nothing still takes its place (null), hence a list that holds nulls. */
    private final LinkedList<T> noted = new LinkedList<>();
    /** The marker's other fill: a change to render, not to see. */
    private static final Color MARKED = Color.rgb(0, 0, 0, 0.004);
    private final Supplier<T> atPulse;
    private final BiConsumer<T, Long> whenRendered;
    private final Rectangle marker = new Rectangle(1, 1, Color.TRANSPARENT);
    private PerformanceTracker tracker;

    /**
     * @param atPulse      what to note in each scene pulse (null: nothing for this pulse's frame)
     * @param whenRendered given a pulse's note and {@link System#nanoTime()} when its frame was rendered
     */
    RenderedFrames(Supplier<T> atPulse, BiConsumer<T, Long> whenRendered) {
        this.atPulse = atPulse;
        this.whenRendered = whenRendered;
    }

    /** Starts pairing the scene's pulses and frames; the scene's root must be a {@link Pane}; on the JavaFX thread. */
    void attach(Scene scene) {
        if (!(scene.getRoot() instanceof Pane root)) {
            throw new IllegalArgumentException("the scene's root must be a Pane to hold the frame marker");
        }
        marker.setManaged(false); // no layout: it sits at the root's corner
        marker.setMouseTransparent(true);
        root.getChildren().add(marker);
        tracker = PerformanceTracker.getSceneTracker(scene);
        tracker.setOnPulse(this::pulsed);
        tracker.setOnRenderedFrameTask(this::rendered);
    }

    private void pulsed() {
        marker.setFill(marker.getFill() == Color.TRANSPARENT ? MARKED : Color.TRANSPARENT);
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
        if (marker.getParent() instanceof Pane root) {
            root.getChildren().remove(marker);
        }
        tracker.setOnPulse(null);
        tracker.setOnRenderedFrameTask(null);
    }
}
