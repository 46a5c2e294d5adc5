package dev.benchwatch.engine.metrics;

/** A channel's latest reading and how many it has had. */
public record ChannelValue(int id, String name, String unit, String device, double latest, long latestNanos,
                           long count) {
}
