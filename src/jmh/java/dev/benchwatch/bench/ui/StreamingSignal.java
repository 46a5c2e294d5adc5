package dev.benchwatch.bench.ui;

import java.util.SplittableRandom;

/**
 * The points both charts of the LineChart comparison are fed: a 0.5 Hz sine with noise, {@code rate}
 * points a second on a clock that follows the pulses' timestamps. The same seed gives the same values.
 */
final class StreamingSignal {
    private final double periodNanos;
    private final SplittableRandom noise = new SplittableRandom(42);
    private long next;

    /** The first live point comes one period after {@code startNanos}. */
    StreamingSignal(double rate, long startNanos) {
        this.periodNanos = 1e9 / rate;
        this.next = startNanos + (long) periodNanos;
    }

    /** Takes one point. */
    interface Point {
        void at(long timeNanos, double value);
    }

    /** The {@code points} points before {@code startNanos}, oldest first: what a chart holds before it goes live. */
    void history(int points, long startNanos, Point point) {
        for (int i = points; i > 0; i--) {
            long t = startNanos - (long) (i * periodNanos);
            point.at(t, valueAt(t));
        }
    }

    /** The value at {@code timeNanos}. */
    double valueAt(long timeNanos) {
        return Math.sin(timeNanos / 1e9 * Math.PI) + 0.2 * (noise.nextDouble() - 0.5);
    }

    /** The time of the next point that is due by {@code nowNanos}, or {@code Long.MIN_VALUE} when none is. */
    long nextDue(long nowNanos) {
        if (next > nowNanos) {
            return Long.MIN_VALUE;
        }
        long t = next;
        next = (long) (next + periodNanos);
        return t;
    }
}
