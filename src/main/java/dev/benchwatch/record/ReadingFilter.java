package dev.benchwatch.record;

import java.util.List;

/**
 * Which readings of a session to stream.
 *
 * @param sessionId  the session
 * @param channels   channel names to include; empty for every channel of the session
 * @param fromNanos  the earliest timestamp included (inclusive); {@link Long#MIN_VALUE} for no bound
 * @param toNanos    the latest timestamp included (exclusive); {@link Long#MAX_VALUE} for no bound
 * @param withDerived whether pipeline outputs are included when {@code channels} is empty
 */
public record ReadingFilter(long sessionId, List<String> channels, long fromNanos, long toNanos, boolean withDerived) {
    public ReadingFilter {
        channels = List.copyOf(channels);
        if (fromNanos > toNanos) {
            throw new IllegalArgumentException("time range starts after it ends: " + fromNanos + " > " + toNanos);
        }
    }

    /** Every reading of the session, derived channels included. */
    public static ReadingFilter session(long sessionId) {
        return new ReadingFilter(sessionId, List.of(), Long.MIN_VALUE, Long.MAX_VALUE, true);
    }

    public ReadingFilter channels(List<String> names) {
        return new ReadingFilter(sessionId, names, fromNanos, toNanos, withDerived);
    }

    public ReadingFilter from(long nanos) {
        return new ReadingFilter(sessionId, channels, nanos, toNanos, withDerived);
    }

    public ReadingFilter until(long nanos) {
        return new ReadingFilter(sessionId, channels, fromNanos, nanos, withDerived);
    }

    /** Only the channels devices wrote (what a replay feeds). */
    public ReadingFilter withoutDerived() {
        return new ReadingFilter(sessionId, channels, fromNanos, toNanos, false);
    }
}
