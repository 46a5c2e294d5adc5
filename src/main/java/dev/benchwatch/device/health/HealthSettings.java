package dev.benchwatch.device.health;

import java.time.Duration;

/**
 * How {@link DeviceHealthMonitor} judges a device. Durations rather than reading counts, because devices
 * send at anything from one reading a minute to tens of thousands a second.
 *
 * @param tick           how often the counters are read
 * @param window         the short window a rate and a count of errors are measured over
 * @param learnTime      time constant of the EWMA that learns a device's normal rate (slow, so an
 *                       excursion does not quickly become the new normal)
 * @param warmUp         how long a device's rate is learned before it can raise an alert
 * @param lowRatio       a rate below {@code lowRatio x normal} is an excursion (1/3 by default; 0 readings
 *                       is always below)
 * @param highRatio      a rate above {@code highRatio x normal} is an excursion
 * @param malformedLimit more than this many decoding errors within {@code window} is a malformed burst
 */
public record HealthSettings(Duration tick, Duration window, Duration learnTime, Duration warmUp,
                             double lowRatio, double highRatio, int malformedLimit) {
    public HealthSettings {
        positive("tick", tick);
        positive("window", window);
        positive("learn time", learnTime);
        if (warmUp == null || warmUp.isNegative()) {
            throw new IllegalArgumentException("warm-up must not be negative, got " + warmUp);
        }
        if (!(lowRatio > 0 && lowRatio < 1)) {
            throw new IllegalArgumentException("low ratio must be in (0, 1), got " + lowRatio);
        }
        if (!(highRatio > 1 && Double.isFinite(highRatio))) {
            throw new IllegalArgumentException("high ratio must be above 1, got " + highRatio);
        }
        if (malformedLimit < 0) {
            throw new IllegalArgumentException("malformed limit must not be negative, got " + malformedLimit);
        }
    }

    /** Every second; 5 s windows; a normal rate learned over a minute after a 30 s warm-up; 1/3 and 3x; 20 errors. */
    public static HealthSettings defaults() {
        return new HealthSettings(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMinutes(1),
                Duration.ofSeconds(30), 1.0 / 3, 3, 20);
    }

    private static void positive(String what, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
    }
}
