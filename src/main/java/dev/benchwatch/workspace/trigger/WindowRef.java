package dev.benchwatch.workspace.trigger;

import dev.benchwatch.engine.window.WindowKind;
import dev.benchwatch.engine.window.WindowSpec;
import java.time.Duration;
import java.util.Objects;

/**
 * The window an aggregate is computed over: a sliding or tumbling time window of {@code size}, or a
 * count window of the last {@code count} readings.
 *
 * @param kind  sliding, tumbling or count
 * @param size  the length of a time window; null for a count window
 * @param count the number of readings of a count window; 0 for a time window
 */
public record WindowRef(Kind kind, Duration size, int count) {

    /** The window shapes a trigger can use (the engine's session windows are not offered here). */
    public enum Kind {
        /** The readings of the last {@code size} of event time. Text: {@code 10s}. */
        SLIDING(WindowKind.SLIDING_TIME),
        /** The last closed bucket of {@code size}, aligned to the epoch. Text: {@code tumbling 1m}. */
        TUMBLING(WindowKind.TUMBLING_TIME),
        /** The last {@code count} readings. Text: {@code 100 readings}. */
        COUNT(WindowKind.COUNT);

        private final WindowKind engineKind;

        Kind(WindowKind engineKind) {
            this.engineKind = engineKind;
        }

        public WindowKind engineKind() {
            return engineKind;
        }
    }

    public WindowRef {
        if (kind == null) {
            throw new InvalidFieldException("window.kind", "choose sliding, tumbling or count");
        }
        if (kind == Kind.COUNT) {
            if (size != null) {
                throw new InvalidFieldException("window.size", "a count window has no time size");
            }
            if (count < 1 || count > WindowSpec.MAX_COUNT) {
                throw new InvalidFieldException("window.count", "must be between 1 and " + WindowSpec.MAX_COUNT
                        + " readings, got " + count);
            }
        } else {
            if (count != 0) {
                throw new InvalidFieldException("window.count", "a time window has no reading count");
            }
            size = FieldChecks.positive(size, "window.size");
        }
    }

    public static WindowRef sliding(Duration size) {
        return new WindowRef(Kind.SLIDING, size, 0);
    }

    public static WindowRef tumbling(Duration size) {
        return new WindowRef(Kind.TUMBLING, size, 0);
    }

    public static WindowRef count(int readings) {
        return new WindowRef(Kind.COUNT, null, readings);
    }

    /**
     * The part of an engine window id naming this window, deterministic and unique per window:
     * {@code sliding_10s}, {@code tumbling_1m}, {@code count_100}.
     */
    public String idSuffix() {
        return switch (kind) {
            case SLIDING -> "sliding_" + DurationText.format(size);
            case TUMBLING -> "tumbling_" + DurationText.format(size);
            case COUNT -> "count_" + count;
        };
    }

    /** The engine window for {@code channel}, with the id {@code <channel>.<idSuffix>}. */
    public WindowSpec toSpec(String channel) {
        Objects.requireNonNull(channel, "channel");
        String id = channel + "." + idSuffix();
        return switch (kind) {
            case SLIDING -> WindowSpec.slidingTime(id, channel, size);
            case TUMBLING -> WindowSpec.tumblingTime(id, channel, size);
            case COUNT -> WindowSpec.count(id, channel, count);
        };
    }
}
