package dev.benchwatch.engine;

import java.util.Map;
import java.util.Objects;

/**
 * A named stream of readings. Readings refer to it by {@link #id()} only; the rest is for people.
 *
 * @param id     dense index, 0..n-1, assigned by the {@link ChannelRegistry}
 * @param name   unique name, e.g. {@code oven_temp}
 * @param unit   unit of the values, e.g. {@code °C}, or ""
 * @param device the device the readings come from, or "" for derived channels
 * @param tags   extra metadata (set by enrich operators), never null
 */
public record Channel(int id, String name, String unit, String device, Map<String, String> tags) {
    public Channel {
        Objects.requireNonNull(name, "channel name");
        unit = unit == null ? "" : unit;
        device = device == null ? "" : device;
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
