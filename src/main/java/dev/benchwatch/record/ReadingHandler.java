package dev.benchwatch.record;

/**
 * Receives a recording's readings one by one as primitives, so that streaming ten million readings
 * allocates nothing per reading.
 */
@FunctionalInterface
public interface ReadingHandler {
    /**
     * One reading.
     *
     * @param channelId the {@link RecordedChannel#id()} of its channel
     * @return true to go on, false to stop the stream here
     */
    boolean reading(int channelId, long timestampNanos, double value);
}
