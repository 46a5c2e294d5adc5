package dev.benchwatch.engine.detect;

import java.time.Duration;

/** Argument checks and small formulas the detectors share, so each rejects a bad setting the same way. */
final class Settings {
    /** Relative floor on a spread, so a perfectly flat baseline gives a large but finite score. */
    static final double SPREAD_FLOOR = 1e-9;

    private Settings() {
    }

    static void requirePositive(double v, String what) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be a positive number, got " + v);
        }
    }

    static void requireNonNegative(double v, String what) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be zero or a positive number, got " + v);
        }
    }

    static void requireAtLeast(int v, int min, String what) {
        if (v < min) {
            throw new IllegalArgumentException(what + " must be at least " + min + ", got " + v);
        }
    }

    /** |deviation| / spread, with the spread floored relative to the level. */
    static double deviations(double deviation, double spread, double level) {
        double floor = SPREAD_FLOOR * Math.max(1, Math.abs(level));
        return Math.abs(deviation) / Math.max(spread, floor);
    }

    static String duration(long nanos) {
        Duration d = Duration.ofNanos(nanos);
        if (d.toSeconds() % 3600 == 0 && d.toHours() > 0) {
            return d.toHours() + "h";
        }
        if (d.toSeconds() % 60 == 0 && d.toMinutes() > 0) {
            return d.toMinutes() + "m";
        }
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
