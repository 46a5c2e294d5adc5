package dev.benchwatch.engine.ingest;

/** Takes readings drained from a lane, as primitives. */
@FunctionalInterface
public interface ReadingSink {
    void accept(int channel, long timestampNanos, double value, long ingestNanoTime);
}
