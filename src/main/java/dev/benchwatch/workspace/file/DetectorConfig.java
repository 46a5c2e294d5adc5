package dev.benchwatch.workspace.file;

import dev.benchwatch.engine.detect.DetectorKind;
import java.time.Duration;
import java.util.Objects;

/**
 * An anomaly detector the workspace runs on a channel, reporting each excursion as an {@code ANOMALY_DETECTED}
 * event without a trigger ({@code Engine.addDetector}; docs/DETECTORS.md).
 *
 * @param window the detector's time setting (z-score window, EWMA half-life, CUSUM baseline, flatline and
 *               dropout duration), or null for its default; always null for kinds that take none
 *               ({@link DetectorKind#takesWindow()})
 */
public record DetectorConfig(String channel, DetectorKind kind, Duration window) {
    public DetectorConfig {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        if (window != null && !kind.takesWindow()) {
            throw new IllegalArgumentException(kind.id() + " takes no window");
        }
    }

    /** The engine's time setting: nanoseconds, 0 for the default. */
    public long windowNanos() {
        return window == null ? 0 : window.toNanos();
    }
}
