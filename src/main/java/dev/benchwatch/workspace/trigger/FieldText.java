package dev.benchwatch.workspace.trigger;

import java.time.Duration;
import java.util.Locale;

/**
 * The pieces of the trigger language one form field holds on its own: a duration ({@code 5s}), a number
 * ({@code 180}) and a window ({@code 10s}, {@code tumbling 1m}, {@code 100 readings}). A form field must
 * accept exactly what the text accepts and show it the way {@link TriggerText#print} writes it, so the two
 * sides of the editor never disagree; this class gives the form the language's own rules instead of a
 * copy. Parsing trims surrounding whitespace; a refused value throws {@link InvalidFieldException} with a
 * message for the person who typed it.
 */
public final class FieldText {
    private FieldText() {
    }

    /** The canonical text of a duration ({@code 1m30s}); zero is {@code 0s}. */
    public static String duration(Duration value) {
        return DurationText.format(value);
    }

    /** The canonical text of a number ({@code 180}, {@code 0.1}, {@code 1e21}). */
    public static String number(double value) {
        return NumberText.format(value);
    }

    /** The canonical text of a window: {@code 10s}, {@code tumbling 1m}, {@code 100 readings}, {@code 1 reading}. */
    public static String window(WindowRef window) {
        return switch (window.kind()) {
            case SLIDING -> DurationText.format(window.size());
            case TUMBLING -> "tumbling " + DurationText.format(window.size());
            case COUNT -> window.count() + (window.count() == 1 ? " reading" : " readings");
        };
    }

    /**
     * A duration of zero or more; an empty text is zero (no FOR, no cooldown).
     *
     * @throws InvalidFieldException for {@code field} when the text is not a duration
     */
    public static Duration parseDuration(String text, String field) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return Duration.ZERO;
        }
        if (t.startsWith("-")) {
            throw new InvalidFieldException(field, "must not be negative, got " + t);
        }
        try {
            return DurationText.parse(t.startsWith("+") ? t.substring(1) : t);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "enter a duration, e.g. 5s, 500ms or 1m30s");
        }
    }

    /**
     * A finite number as the language writes it.
     *
     * @throws InvalidFieldException for {@code field} when the text is not one
     */
    public static double parseNumber(String text, String field) {
        String t = text == null ? "" : text.strip();
        if (!NumberText.NUMBER.matcher(t).matches()) {
            throw new InvalidFieldException(field, "enter a number, e.g. 180");
        }
        double value = Double.parseDouble(t);
        if (!Double.isFinite(value)) {
            throw new InvalidFieldException(field, "the number '" + t + "' is too large");
        }
        return value;
    }

    /**
     * A window: a duration (sliding), {@code tumbling} and a duration, or a whole number and
     * {@code readings}.
     *
     * @throws InvalidFieldException for {@code field} when the text is not one
     */
    public static WindowRef parseWindow(String text, String field) {
        String t = text == null ? "" : text.strip();
        String hint = "enter a window, e.g. 10s, tumbling 1m or 100 readings";
        if (t.isEmpty()) {
            throw new InvalidFieldException(field, hint);
        }
        String[] words = t.split("\\s+");
        try {
            if (words.length == 2 && words[0].toLowerCase(Locale.ROOT).equals("tumbling")) {
                return WindowRef.tumbling(positive(words[1], field, hint));
            }
            if (words.length == 2 && (words[1].equalsIgnoreCase("readings") || words[1].equalsIgnoreCase("reading"))) {
                if (!words[0].chars().allMatch(c -> c >= '0' && c <= '9')) {
                    throw new InvalidFieldException(field, "a count window needs a whole number of readings");
                }
                int count;
                try {
                    count = Integer.parseInt(words[0]);
                } catch (NumberFormatException e) {
                    count = Integer.MAX_VALUE;
                }
                return WindowRef.count(count);
            }
            if (words.length == 1) {
                return WindowRef.sliding(positive(words[0], field, hint));
            }
        } catch (InvalidFieldException e) {
            if (e.field().equals(field)) {
                throw e;
            }
            throw new InvalidFieldException(field, e.problem());
        }
        throw new InvalidFieldException(field, hint);
    }

    private static Duration positive(String word, String field, String hint) {
        Duration size;
        try {
            size = DurationText.parse(word);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, hint);
        }
        if (size.isZero()) {
            throw new InvalidFieldException(field, "a window must be longer than 0s");
        }
        return size;
    }
}
