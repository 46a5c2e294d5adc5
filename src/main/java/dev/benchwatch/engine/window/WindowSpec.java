package dev.benchwatch.engine.window;

import java.time.Duration;
import java.util.Objects;

/**
 * The configuration of one window on one channel. Invalid values are rejected at construction with a
 * message naming the window and the field.
 *
 * @param id        unique id of the window within an engine, e.g. {@code oven_temp_10s}
 * @param channel   the channel's name
 * @param kind      the window's shape
 * @param sizeNanos length of a time window, or the gap that closes a session; 0 for COUNT
 * @param count     number of readings of a COUNT window; 0 otherwise
 */
public record WindowSpec(String id, String channel, WindowKind kind, long sizeNanos, int count) {
    public static final int MAX_COUNT = 10_000_000;

    public WindowSpec {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("window id must not be empty");
        }
        if (channel == null || channel.isBlank()) {
            throw new IllegalArgumentException("window '" + id + "': channel must not be empty");
        }
        Objects.requireNonNull(kind, "window kind");
        if (kind == WindowKind.COUNT) {
            if (count < 1 || count > MAX_COUNT) {
                throw new IllegalArgumentException("window '" + id + "': count must be between 1 and "
                        + MAX_COUNT + ", got " + count);
            }
        } else if (sizeNanos <= 0) {
            throw new IllegalArgumentException("window '" + id + "': "
                    + (kind == WindowKind.SESSION ? "gap" : "size") + " must be positive, got " + sizeNanos + " ns");
        }
    }

    public static WindowSpec slidingTime(String id, String channel, Duration size) {
        return new WindowSpec(id, channel, WindowKind.SLIDING_TIME, size.toNanos(), 0);
    }

    public static WindowSpec tumblingTime(String id, String channel, Duration size) {
        return new WindowSpec(id, channel, WindowKind.TUMBLING_TIME, size.toNanos(), 0);
    }

    public static WindowSpec count(String id, String channel, int count) {
        return new WindowSpec(id, channel, WindowKind.COUNT, 0, count);
    }

    public static WindowSpec session(String id, String channel, Duration gap) {
        return new WindowSpec(id, channel, WindowKind.SESSION, gap.toNanos(), 0);
    }
}
