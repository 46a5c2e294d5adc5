package dev.benchwatch.workspace.file;

import dev.benchwatch.engine.detect.DetectorKind;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Binds one anomaly detector of the {@code detectors} section; the same detector twice is an error. */
final class DetectorBinder {
    private static final String DETECTOR_NAMES = Arrays.stream(DetectorKind.values()).map(DetectorKind::id)
            .collect(Collectors.joining(", "));
    private static final String WINDOWED_DETECTOR_NAMES = Arrays.stream(DetectorKind.values())
            .filter(DetectorKind::takesWindow).map(DetectorKind::id).collect(Collectors.joining(", "));

    private final Problems problems;
    private final References references;
    /** Detectors by channel, kind and window, with where (a duplicate is an error). */
    private final Map<String, String> detectorKeys = new LinkedHashMap<>();

    DetectorBinder(Problems problems, References references) {
        this.problems = problems;
        this.references = references;
    }

    DetectorConfig bind(Json node, String path) {
        Fields f = Fields.of(node, path, "a detector", problems);
        if (f == null) {
            return null;
        }
        String channel = f.identifier("channel", true, "a channel name");
        references.add(References.Target.CHANNEL, channel, f, "channel");
        DetectorKind kind = detectorKind(f);
        Duration window = f.duration("window", false, null, true);
        if (window != null && kind != null && !kind.takesWindow()) {
            f.error(f.raw("window"), "window", kind.id() + " takes no window; leave it out, or choose a detector "
                    + "that takes one: " + WINDOWED_DETECTOR_NAMES);
        }
        f.rejectUnknown();
        if (!f.ok() || channel == null || kind == null) {
            return null;
        }
        String key = channel + "|" + kind.id() + "|" + (window == null ? "" : window.toNanos());
        String earlier = detectorKeys.putIfAbsent(key, f.path());
        if (earlier != null) {
            f.error(f.raw("detector"), "detector", "duplicate detector: " + kind.id() + " on '" + channel + "'"
                    + (window == null ? "" : " with window " + Durations.format(window)) + " is also " + earlier
                    + "; expected each detector once");
            return null;
        }
        return new DetectorConfig(channel, kind, window);
    }

    private DetectorKind detectorKind(Fields f) {
        Json node = f.raw("detector");
        if (node == null) {
            f.missing("detector", "one of " + DETECTOR_NAMES);
            return null;
        }
        if (node instanceof Json.Str s) {
            for (DetectorKind kind : DetectorKind.values()) {
                if (kind.id().equals(s.value())) {
                    return kind;
                }
            }
            String hint = Problems.closest(s.value(), Arrays.stream(DetectorKind.values()).map(DetectorKind::id).toList());
            f.error(node, "detector", "unknown detector '" + s.value() + "'; "
                    + (hint != null ? "did you mean '" + hint + "'? " : "") + "expected one of " + DETECTOR_NAMES);
            return null;
        }
        f.error(node, "detector", "expected one of " + DETECTOR_NAMES + ", got " + node.show());
        return null;
    }
}
