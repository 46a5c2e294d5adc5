package dev.benchwatch.device.health;

import java.util.ArrayDeque;

/**
 * How much a monotonic counter grew over the last span of time, from samples taken at each tick: the
 * adapters already count readings and errors, so health needs only these periodic samples, nothing on the
 * per-reading path. A counter that goes backwards (a fresh adapter after a reconnect) starts over.
 */
final class WindowedCounter {
    private final ArrayDeque<long[]> samples = new ArrayDeque<>(); // {monotonic nanos, total}
    private final long keepNanos;

    /** @param keepNanos the longest span {@link #growth} will be asked about */
    WindowedCounter(long keepNanos) {
        this.keepNanos = keepNanos;
    }

    void sample(long nowNanos, long total) {
        if (!samples.isEmpty() && total < samples.peekLast()[1]) {
            samples.clear();
        }
        samples.addLast(new long[] {nowNanos, total});
        // keep one sample at or before the oldest instant anyone may ask about
        while (samples.size() > 2) {
            long[] first = samples.pollFirst();
            if (nowNanos - samples.peekFirst()[0] < keepNanos) {
                samples.addFirst(first);
                break;
            }
        }
    }

    /** Forgets every sample (the counter's owner changed). */
    void reset() {
        samples.clear();
    }

    /** True once the samples cover {@code spanNanos}. */
    boolean covers(long nowNanos, long spanNanos) {
        return !samples.isEmpty() && nowNanos - samples.peekFirst()[0] >= spanNanos;
    }

    /**
     * Growth from the newest sample at or before {@code now - spanNanos} to the latest one, with the time it
     * spans; {@code {0, 0}} without two samples.
     */
    long[] growth(long nowNanos, long spanNanos) {
        if (samples.size() < 2) {
            return new long[] {0, 0};
        }
        long[] base = samples.peekFirst();
        for (long[] s : samples) {
            if (s[0] <= nowNanos - spanNanos) {
                base = s;
            } else {
                break;
            }
        }
        long[] last = samples.peekLast();
        return new long[] {last[1] - base[1], last[0] - base[0]};
    }
}
