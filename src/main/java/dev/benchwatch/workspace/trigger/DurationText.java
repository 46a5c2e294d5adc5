package dev.benchwatch.workspace.trigger;

import java.time.Duration;
import java.util.Locale;

/**
 * Durations as the trigger language writes them: whole numbers of {@code h}, {@code m}, {@code s},
 * {@code ms}, {@code us} and {@code ns}, largest unit first, each at most once: {@code 500ms},
 * {@code 10s}, {@code 1h30m}, {@code 2s250ms}. The canonical form uses every unit that is not zero
 * ({@code 90s} prints as {@code 1m30s}); zero prints as {@code 0s}.
 */
final class DurationText {
    private static final String[] UNITS = {"h", "m", "s", "ms", "us", "ns"};
    private static final long[] NANOS = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L};
    static final String MAX_TEXT = format(Duration.ofNanos(Long.MAX_VALUE));

    private DurationText() {
    }

    static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < UNITS.length; i++) {
            long amount = nanos / NANOS[i];
            if (amount != 0) {
                out.append(amount).append(UNITS[i]);
                nanos -= amount * NANOS[i];
            }
        }
        return out.toString();
    }

    /**
     * Parses an unsigned duration. Units are case-insensitive.
     *
     * @throws IllegalArgumentException with a message for the person who wrote it
     */
    static Duration parse(String text) {
        String lower = text;
        int pos = 0;
        int lastUnit = -1;
        long total = 0;
        if (lower.isEmpty()) {
            throw new IllegalArgumentException(shape(text));
        }
        while (pos < lower.length()) {
            int digitsStart = pos;
            while (pos < lower.length() && lower.charAt(pos) >= '0' && lower.charAt(pos) <= '9') {
                pos++;
            }
            if (pos == digitsStart) {
                throw new IllegalArgumentException(shape(text));
            }
            String digits = lower.substring(digitsStart, pos);
            int unitStart = pos;
            while (pos < lower.length() && isAsciiLetter(lower.charAt(pos))) {
                pos++;
            }
            String unit = lower.substring(unitStart, pos).toLowerCase(Locale.ROOT);
            int index = java.util.Arrays.asList(UNITS).indexOf(unit);
            if (index < 0) {
                throw new IllegalArgumentException(unit.isEmpty() ? shape(text)
                        : "unknown time unit '" + text.substring(unitStart, pos) + "' in '" + text
                        + "'; use h, m, s, ms, us or ns");
            }
            if (index <= lastUnit) {
                throw new IllegalArgumentException("duration '" + text
                        + "' must give its units largest first, each once (e.g. 1h30m, 2s500ms)");
            }
            lastUnit = index;
            try {
                total = Math.addExact(total, Math.multiplyExact(Long.parseLong(digits), NANOS[index]));
            } catch (ArithmeticException | NumberFormatException e) {
                throw new IllegalArgumentException("duration '" + text + "' is too long (at most " + MAX_TEXT + ")");
            }
        }
        return Duration.ofNanos(total);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static String shape(String text) {
        return "'" + text + "' is not a duration; write whole numbers with units h, m, s, ms, us or ns, e.g. 500ms, "
                + "10s, 1h30m";
    }
}
