package dev.benchwatch.ui.chart;

/**
 * "Nice" tick steps for an axis: 1, 2 or 5 times a power of ten for values; for time, steps a person
 * reads without arithmetic (1, 2, 5, 10, 20, 50, 100, 200, 500 ms; 1, 2, 5, 10, 15, 30 s; 1, 2, 5, 10,
 * 15, 30 min; 1, 2, 3, 6, 12 h; days).
 */
public final class AxisTicks {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;
    private static final long[] TIME_STEPS = {
        1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000,
        MS, 2 * MS, 5 * MS, 10 * MS, 20 * MS, 50 * MS, 100 * MS, 200 * MS, 500 * MS,
        S, 2 * S, 5 * S, 10 * S, 15 * S, 30 * S, 60 * S, 120 * S, 300 * S, 600 * S, 900 * S, 1800 * S,
        3600 * S, 7200 * S, 10800 * S, 21600 * S, 43200 * S, 86400 * S, 2 * 86400 * S, 7 * 86400 * S,
    };

    private AxisTicks() {
    }

    /** The smallest nice step (1, 2, 5 x 10^k) that puts at most {@code maxTicks} ticks on {@code range}. */
    public static double valueStep(double range, int maxTicks) {
        if (!(range > 0) || Double.isInfinite(range)) {
            return 1;
        }
        double raw = range / Math.max(1, maxTicks);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    /** The smallest time step (ns) from the list that puts at most {@code maxTicks} ticks on the span. */
    public static long timeStep(long span, int maxTicks) {
        long raw = span / Math.max(1, maxTicks);
        for (long step : TIME_STEPS) {
            if (step >= raw) {
                return step;
            }
        }
        long week = TIME_STEPS[TIME_STEPS.length - 1];
        return (raw / week + 1) * week;
    }

    /** Decimal places that tell ticks {@code step} apart (0 for steps of 1 and more). */
    public static int decimalsFor(double step) {
        if (!(step > 0) || step >= 1) {
            return 0;
        }
        return (int) Math.min(12, Math.ceil(-Math.log10(step) - 1e-9));
    }

    /** {@code value} with the given decimals, "-0" shown as "0". */
    public static String format(double value, int decimals) {
        String text = String.format(java.util.Locale.ROOT, "%." + decimals + "f", value);
        if (text.startsWith("-") && Double.parseDouble(text) == 0) {
            return text.substring(1);
        }
        return text;
    }

    /** A value with about 5 significant digits, for readouts: 21.437, 0.0012346, 12346, 1.2346e+09. */
    public static String significant(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        if (scientific(value)) {
            return String.format(java.util.Locale.ROOT, "%.4e", value);
        }
        return format(value, significantDecimals(value));
    }

    /** A difference shown to the decimals of the values it is the difference of, with its sign. */
    public static String delta(double delta, double a, double b) {
        if (Double.isNaN(delta)) {
            return "-";
        }
        if (scientific(a) || scientific(b)) {
            return String.format(java.util.Locale.ROOT, "%+.4e", delta);
        }
        String text = format(delta, Math.max(significantDecimals(a), significantDecimals(b)));
        return delta > 0 && Double.parseDouble(text) != 0 ? "+" + text : text;
    }

    private static boolean scientific(double value) {
        double magnitude = Math.abs(value);
        return magnitude != 0 && (magnitude >= 1e7 || magnitude < 1e-4);
    }

    private static int significantDecimals(double value) {
        double magnitude = Math.abs(value);
        if (magnitude == 0 || Double.isNaN(value)) {
            return 0;
        }
        if (magnitude < 1) {
            return (int) Math.min(9, 4 - Math.floor(Math.log10(magnitude)));
        }
        return Math.max(0, 5 - ((int) Math.floor(Math.log10(magnitude)) + 1));
    }
}
