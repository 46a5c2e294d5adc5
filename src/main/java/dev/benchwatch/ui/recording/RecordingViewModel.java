package dev.benchwatch.ui.recording;

import dev.benchwatch.engine.EngineSnapshot;
import dev.benchwatch.record.SessionRecorder;
import dev.benchwatch.ui.FrameListener;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The session recording as the console shows it: whether it runs, to which file, how big and how long, and
 * how many readings were written or lost. Start, stop and mark go to the {@link SessionRecorder}, which never
 * throws into the view: a failure becomes {@link #messageProperty()} (and the recorder's own alarm in the
 * event log). Refreshed a few times a second from the frame pulse. JavaFX thread only.
 */
public final class RecordingViewModel implements FrameListener {
    private static final long REFRESH_NANOS = 250_000_000L;

    private final SessionRecorder recorder;
    private final String workspaceName;
    private final ReadOnlyBooleanWrapper recording = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper losing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("not recording");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private long lastRefresh = Long.MIN_VALUE;

    public RecordingViewModel(SessionRecorder recorder, String workspaceName) {
        this.recorder = recorder;
        this.workspaceName = workspaceName;
    }

    /** Starts recording into {@code file}; false (with the reason in {@link #messageProperty()}) when it cannot. */
    public boolean start(Path file) {
        try {
            recorder.start(file, workspaceName);
            message.set("recording to " + file);
            refresh();
            return true;
        } catch (IOException | RuntimeException e) {
            message.set(e.getMessage());
            refresh();
            return false;
        }
    }

    /** Stops recording; everything accepted so far is written (or counted as lost). */
    public void stop() {
        recorder.stop();
        message.set(recorder.lost() > 0 ? "stopped; " + recorder.lost() + " readings lost (see the event log)"
                : "stopped; " + String.format(Locale.ROOT, "%,d", recorder.recorded()) + " readings in "
                + recorder.file().getFileName());
        refresh();
    }

    /** Puts a labelled marker on the recording's timeline at this moment. */
    public void mark(String label) {
        if (label == null || label.isBlank()) {
            message.set("a marker needs a label");
            return;
        }
        try {
            recorder.mark(label.strip());
            message.set("marked '" + label.strip() + "'");
        } catch (RuntimeException e) {
            message.set(e.getMessage());
        }
    }

    public ReadOnlyBooleanProperty recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    /** True while readings are being lost (the bar turns red). */
    public ReadOnlyBooleanProperty losingProperty() {
        return losing.getReadOnlyProperty();
    }

    /** e.g. "bench.db · 12.4 MB · 00:03:12 · 1,234,567 readings · 0 lost". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What the last command did or why it failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    @Override
    public void onFrame(EngineSnapshot snapshot, long nowNanos) {
        if (lastRefresh != Long.MIN_VALUE && nowNanos - lastRefresh < REFRESH_NANOS) {
            return;
        }
        lastRefresh = nowNanos;
        refresh();
    }

    private void refresh() {
        boolean on = recorder.isRecording();
        recording.set(on);
        losing.set(recorder.lost() > 0 || recorder.failure().isPresent());
        if (recorder.file() == null) {
            status.set("not recording");
            return;
        }
        status.set(String.format(Locale.ROOT, "%s%s · %s · %s · %,d readings · %,d lost",
                on ? "" : "last: ", recorder.file().getFileName(), size(recorder.bytesOnDisk()),
                clock(recorder.duration()), recorder.recorded(), recorder.lost()));
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f kB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
    }

    static String clock(Duration duration) {
        long seconds = duration.toSeconds();
        return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
