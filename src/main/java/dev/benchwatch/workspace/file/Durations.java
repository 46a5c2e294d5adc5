package dev.benchwatch.workspace.file;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as workspace files write them: a number and a unit, {@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h}. */
public final class Durations {
    /** What a message says is expected. */
    public static final String EXPECTED = "a duration such as 5s, 250ms or 2m (units ns, us, ms, s, m, h)";
    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,15}(?:\\.\\d{1,9})?)(ns|us|µs|ms|s|m|h)");
    private static final long[] UNIT_NANOS = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L};
    private static final String[] UNITS = {"h", "m", "s", "ms", "us", "ns"};

    private Durations() {
    }

    /** The duration, or null when the text is not one. */
    public static Duration parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            return null;
        }
        double nanosPerUnit = switch (m.group(2)) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
        java.math.BigDecimal nanos = new java.math.BigDecimal(m.group(1))
                .multiply(java.math.BigDecimal.valueOf((long) nanosPerUnit));
        if (nanos.compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return null;
        }
        return Duration.ofNanos(nanos.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
    }

    /** The canonical text: the largest unit that divides the duration exactly ({@code 1500ms}, {@code 2m}, {@code 0s}). */
    public static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        for (int i = 0; i < UNIT_NANOS.length; i++) {
            if (nanos % UNIT_NANOS[i] == 0) {
                return nanos / UNIT_NANOS[i] + UNITS[i];
            }
        }
        throw new AssertionError();
    }
}
