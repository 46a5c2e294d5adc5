package dev.benchwatch.engine;

/**
 * Sees every reading the engine accepts, on the engine thread, in the order the engine accepts them: device
 * readings after validation (not the rejected ones) and every pipeline output. It exists so that a recorder
 * can keep a complete copy of the stream without the engine knowing about files or databases.
 *
 * <p>It runs inside the engine's hot path: an implementation must return within nanoseconds, must not
 * allocate, lock or block, and must not throw (a tap that throws is counted in the engine's errors and the
 * engine carries on). Hand the reading over to a thread of your own, e.g. through a bounded ring that
 * counts what it cannot take.
 */
@FunctionalInterface
public interface ReadingTap {
    /**
     * @param channel        the channel's id in the engine's {@link ChannelRegistry}
     * @param timestampNanos event time, nanoseconds since the epoch
     * @param value          the accepted value (finite)
     * @param derived        true for a pipeline's output, false for a reading from a source
     */
    void accepted(int channel, long timestampNanos, double value, boolean derived);
}
