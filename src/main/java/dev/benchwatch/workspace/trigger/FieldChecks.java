package dev.benchwatch.workspace.trigger;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The checks the form records share; each failure names the field. */
final class FieldChecks {
    /** The engine's rule for channel names (ChannelRegistry) and trigger ids (TriggerSpec). */
    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]{0,127}");
    /** Placeholders the engine's ActionTemplate fills in. */
    static final java.util.List<String> PLACEHOLDERS =
            java.util.List.of("trigger", "channel", "value", "severity", "state", "time");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_]+)}");

    private FieldChecks() {
    }

    static String name(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, what + " must not be empty");
        }
        if (!NAME.matcher(value).matches()) {
            throw new InvalidFieldException(field, "invalid " + what + " '" + value
                    + "': expected a letter or '_' followed by up to 127 letters, digits, '_', '.' or '-'");
        }
        return value;
    }

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "must not be empty");
        }
        return template(value, field);
    }

    /** Rejects {@code {word}} placeholders the engine does not know (JSON braces are left alone). */
    static String template(String value, String field) {
        if (value == null) {
            throw new InvalidFieldException(field, "must not be missing");
        }
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                throw new InvalidFieldException(field, "unknown placeholder {" + m.group(1) + "}; use "
                        + String.join(", ", PLACEHOLDERS.stream().map(p -> "{" + p + "}").toList()));
            }
        }
        return value;
    }

    static boolean hasPlaceholder(String value) {
        return PLACEHOLDER.matcher(value).find();
    }

    static double finite(double value, String field) {
        if (!Double.isFinite(value)) {
            throw new InvalidFieldException(field, "must be a finite number, got " + value);
        }
        return value;
    }

    /** A duration of zero or more that the engine can hold in nanoseconds; null is zero. */
    static Duration nonNegative(Duration value, String field) {
        if (value == null) {
            return Duration.ZERO;
        }
        if (value.isNegative()) {
            throw new InvalidFieldException(field, "must not be negative, got " + shown(value));
        }
        return representable(value, field);
    }

    static Duration positive(Duration value, String field) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidFieldException(field,
                    value == null ? "must be given" : "must be positive, got " + shown(value));
        }
        return representable(value, field);
    }

    /** A duration as the trigger language writes it ({@code -5s}), or ISO-8601 when it is too long for that. */
    private static String shown(Duration value) {
        try {
            return value.isNegative() ? "-" + DurationText.format(value.negated()) : DurationText.format(value);
        } catch (ArithmeticException e) {
            return value.toString();
        }
    }

    private static Duration representable(Duration value, String field) {
        try {
            value.toNanos();
        } catch (ArithmeticException e) {
            throw new InvalidFieldException(field, "is too long (at most " + DurationText.MAX_TEXT + ")");
        }
        return value;
    }
}
