package dev.benchwatch.bench.ui;

import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.HdrHistogram.Histogram;

/**
 * The baseline the console's frame intervals are read against: a window of the same size showing one
 * label, whose only work is an {@link AnimationTimer} recording the interval between pulses exactly as
 * {@code ConsolePulse} does (the pulse's own timestamp). Whatever this scene's intervals show beyond
 * 16.67 ms is the toolkit's pulse timer on this machine, not the console: on Linux JavaFX schedules the
 * pulse with a GLib timeout of a whole number of milliseconds (16), which the main loop wakes for up to a
 * millisecond late, so even an empty scene's intervals spread over 16-17 ms.
 */
final class EmptySceneFloor {
    private final Histogram intervals = new Histogram(10_000_000_000L, 3);
    private Stage stage;
    private AnimationTimer timer;

    /**
     * Shows an empty window of {@code width} x {@code height}, lets it settle for a second, and returns its
     * pulse intervals over the next {@code seconds}; from any thread but the JavaFX one.
     */
    static Histogram measure(int width, int height, int seconds) throws Exception {
        EmptySceneFloor floor = new EmptySceneFloor();
        ConsoleFrameHarness.onFx(() -> {
            floor.show(width, height);
            return null;
        });
        Thread.sleep(1000);
        ConsoleFrameHarness.onFx(() -> {
            floor.restart();
            return null;
        });
        Thread.sleep(seconds * 1000L);
        return ConsoleFrameHarness.onFx(floor::close);
    }

    /** Shows the window and starts recording; on the JavaFX thread. */
    void show(int width, int height) {
        stage = new Stage();
        stage.setTitle("empty scene: the pulse timer's floor");
        stage.setScene(new Scene(new StackPane(new Label("empty scene: the pulse timer's floor")), width, height));
        timer = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (last != 0) {
                    intervals.recordValue(Math.min(Math.max(0, now - last), intervals.getHighestTrackableValue()));
                }
                last = now;
            }
        };
        timer.start();
        stage.show();
    }

    /** Forgets what was recorded so far (the window's first frames); on the JavaFX thread. */
    void restart() {
        intervals.reset();
    }

    /** Stops recording and closes the window; on the JavaFX thread. */
    Histogram close() {
        timer.stop();
        stage.close();
        return intervals.copy();
    }
}
