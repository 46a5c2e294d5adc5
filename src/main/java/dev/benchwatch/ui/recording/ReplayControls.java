package dev.benchwatch.ui.recording;

import dev.benchwatch.record.RecordingReplaySource;
import java.time.Duration;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A small window that drives a recording being replayed into the console: pause and resume, and a position
 * slider to seek (drag and release), with the position and the readings replayed so far.
 */
public final class ReplayControls extends Stage {
    private final RecordingReplaySource replay;
    private final Slider position = new Slider();
    private final Label where = new Label();
    private final AnimationTimer refresh;

    public ReplayControls(Window owner, RecordingReplaySource replay) {
        this.replay = replay;
        initOwner(owner);
        setTitle("Replay " + replay.name());
        long span = Math.max(1, replay.lastTimestamp() - replay.firstTimestamp());
        position.setId("replayPosition");
        position.setMin(0);
        position.setMax(span / 1e9);
        position.setPrefWidth(420);
        HBox.setHgrow(position, Priority.ALWAYS);
        position.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing) {
                replay.seek(Duration.ofNanos((long) (position.getValue() * 1e9)));
            }
        });
        position.setOnMouseReleased(e -> replay.seek(Duration.ofNanos((long) (position.getValue() * 1e9))));
        Button pause = new Button("Pause");
        pause.setId("replayPause");
        pause.setMinWidth(80); // room for "Resume" too
        pause.setOnAction(e -> {
            if (replay.paused()) {
                replay.resume();
            } else {
                replay.pause();
            }
        });
        where.setId("replayWhere");
        where.getStyleClass().add("hint");
        HBox controls = new HBox(8, pause, position);
        controls.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox root = new VBox(8, controls, where);
        root.setStyle("-fx-padding: 10");
        root.getStyleClass().add("replay-controls");
        setScene(new Scene(root));
        if (owner != null && owner.getScene() != null) {
            getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        refresh = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (now - last < 200_000_000L) {
                    return;
                }
                last = now;
                pause.setText(replay.paused() ? "Resume" : "Pause");
                double seconds = Math.max(0, replay.position() - replay.firstTimestamp()) / 1e9;
                if (!position.isValueChanging() && !position.isPressed()) {
                    position.setValue(Math.min(position.getMax(), seconds));
                }
                where.setText(String.format(Locale.ROOT, "%s / %s · %,d readings · %s%s", clock(seconds),
                        clock(position.getMax()), replay.replayed(),
                        replay.speed() == RecordingReplaySource.MAX_SPEED ? "max speed"
                                : java.math.BigDecimal.valueOf(replay.speed()).stripTrailingZeros().toPlainString() + "x",
                        replay.finished() ? " · finished" : replay.failure() != null ? " · " + replay.failure() : ""));
            }
        };
        refresh.start();
        setOnHidden(e -> refresh.stop());
    }

    private static String clock(double seconds) {
        long s = (long) seconds;
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    public RecordingReplaySource replay() {
        return replay;
    }
}
