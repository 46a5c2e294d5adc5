package dev.benchwatch.workspace.trigger;

import dev.benchwatch.engine.detect.DetectorKind;
import dev.benchwatch.engine.window.Stat;

/**
 * What a condition looks at: a channel's latest value ({@code stat}, {@code window} and {@code detector}
 * null), a statistic of the channel over a window, or an anomaly detector's score on the channel (with an
 * optional sliding time window as the detector's time setting, docs/DETECTORS.md).
 *
 * @param channel  the channel's name (the engine's rule: a letter or '_', then letters, digits, '_', '.', '-')
 * @param stat     the window statistic, or null for the latest value and detector scores
 * @param window   the window, or null for the latest value (optional for a detector)
 * @param detector the detector whose score this is, or null
 */
public record OperandModel(String channel, Stat stat, WindowRef window, DetectorKind detector) {
    public OperandModel(String channel, Stat stat, WindowRef window) {
        this(channel, stat, window, null);
    }

    public OperandModel {
        FieldChecks.name(channel, "channel", "channel name");
        if (detector != null) {
            if (stat != null) {
                throw new InvalidFieldException("aggregate", "a detector score has no statistic");
            }
            if (window != null && !detector.takesWindow()) {
                throw new InvalidFieldException("window", detector.id() + " takes no window; write " + detector.id()
                        + "(channel)");
            }
            if (window != null && window.kind() != WindowRef.Kind.SLIDING) {
                throw new InvalidFieldException("window", detector.id() + " takes a time such as 1h, not a "
                        + window.kind().name().toLowerCase(java.util.Locale.ROOT) + " window");
            }
        } else {
            if (stat == null && window != null) {
                throw new InvalidFieldException("aggregate", "choose a statistic for the window, or no window for the "
                        + "latest value");
            }
            if (stat != null && window == null) {
                throw new InvalidFieldException("window", "the statistic " + stat.key() + " needs a window");
            }
        }
    }

    public static OperandModel latest(String channel) {
        return new OperandModel(channel, null, null, null);
    }

    public static OperandModel of(Stat stat, String channel, WindowRef window) {
        return new OperandModel(channel, stat, window, null);
    }

    /** The score of {@code kind} on {@code channel}; {@code window} (a sliding time window) or null for the default. */
    public static OperandModel detector(DetectorKind kind, String channel, WindowRef window) {
        return new OperandModel(channel, null, window, kind);
    }

    public boolean isLatest() {
        return stat == null && detector == null;
    }

    public boolean isDetector() {
        return detector != null;
    }

    /** The detector's time setting in ns, 0 for its default. */
    public long detectorWindowNanos() {
        return window == null ? 0 : window.size().toNanos();
    }
}
