package dev.benchwatch.engine.trigger;

import dev.benchwatch.engine.detect.DetectorKind;
import dev.benchwatch.engine.window.Stat;

/**
 * What a condition looks at: a channel's latest value, a statistic of one of the engine's windows, or an
 * anomaly detector's score on a channel.
 *
 * @param channel        the channel's name (for a window operand, filled in from the window when compiled; may be null)
 * @param windowId       the window's id, or null for the latest value and detector scores
 * @param stat           the window statistic, or null for the latest value and detector scores
 * @param detector       the detector whose score this is, or null
 * @param detectorWindow the detector's time setting in ns, 0 for its default
 */
public record Operand(String channel, String windowId, Stat stat, DetectorKind detector, long detectorWindow) {
    public Operand(String channel, String windowId, Stat stat) {
        this(channel, windowId, stat, null, 0);
    }

    public Operand {
        if (detector != null) {
            if (channel == null || channel.isBlank() || windowId != null || stat != null) {
                throw new IllegalArgumentException("a detector operand needs a channel and no window statistic");
            }
            if (detectorWindow < 0 || (detectorWindow > 0 && !detector.takesWindow())) {
                throw new IllegalArgumentException(detector.id() + " takes no time window; write " + detector.id()
                        + "(channel)");
            }
        }
        if (windowId == null && (channel == null || channel.isBlank())) {
            throw new IllegalArgumentException("a latest-value operand needs a channel");
        }
        if (windowId != null && stat == null) {
            throw new IllegalArgumentException("window operand '" + windowId + "' needs a statistic");
        }
    }

    public static Operand latest(String channel) {
        return new Operand(channel, null, null);
    }

    public static Operand window(String windowId, Stat stat) {
        return new Operand(null, windowId, stat);
    }

    /** The score of {@code kind} on {@code channel}, with its time setting {@code windowNanos} (0: default). */
    public static Operand detector(DetectorKind kind, String channel, long windowNanos) {
        return new Operand(channel, null, null, kind, windowNanos);
    }

    public boolean isLatest() {
        return windowId == null && detector == null;
    }

    public boolean isDetector() {
        return detector != null;
    }

    @Override
    public String toString() {
        if (isDetector()) {
            return detector.id() + "(" + channel + (detectorWindow > 0 ? ", " + detectorWindow + "ns" : "") + ")";
        }
        return isLatest() ? channel : stat.key() + "(" + windowId + ")";
    }
}
