package dev.benchwatch.workspace.file;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads the fields of one JSON object, reporting every problem (wrong type, out of range, missing,
 * unknown) with its location and path, and returning a fallback so that reading can go on.
 */
final class Fields {
    private final Json.Obj object;
    private final String path;
    private final Problems problems;
    private final Set<String> known = new LinkedHashSet<>();
    private boolean failed;

    Fields(Json.Obj object, String path, Problems problems) {
        this.object = object;
        this.path = path;
        this.problems = problems;
    }

    /** Fields of {@code value} if it is an object, else null after reporting what was expected. */
    static Fields of(Json value, String path, String what, Problems problems) {
        if (value instanceof Json.Obj object) {
            return new Fields(object, path, problems);
        }
        problems.at(value, path, "expected " + what + " (a JSON object), got " + value.show());
        return null;
    }

    String path() {
        return path;
    }

    String path(String name) {
        return WorkspaceError.member(path, name);
    }

    Json.Obj object() {
        return object;
    }

    /** False once any field of this object was reported. */
    boolean ok() {
        return !failed;
    }

    /** The raw value of a field (null when absent), marking the field as known. */
    Json raw(String name) {
        known.add(name);
        return object.get(name);
    }

    boolean has(String name) {
        known.add(name);
        return object.has(name);
    }

    /** Marks this object as failed when the reason was reported elsewhere (inside a nested value). */
    void fail() {
        failed = true;
    }

    void error(Json at, String name, String message) {
        failed = true;
        problems.at(at, path(name), message);
    }

    void missing(String name, String expected) {
        failed = true;
        problems.at(object, path(name), "missing field '" + name + "'; expected " + expected);
    }

    private Json required(String name, String expected) {
        Json value = raw(name);
        if (value == null) {
            missing(name, expected);
        }
        return value;
    }

    private void wrong(Json value, String name, String expected) {
        error(value, name, "expected " + expected + ", got " + value.show());
    }

    // ---- strings

    String text(String name, boolean required, String fallback, String expected) {
        Json value = required ? required(name, expected) : raw(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Json.Str s) {
            return s.value();
        }
        wrong(value, name, expected);
        return fallback;
    }

    /** A non-blank string. */
    String name(String name, boolean required, String fallback, String expected) {
        Json value = required ? required(name, expected) : raw(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Json.Str s && !s.value().isBlank()) {
            return s.value();
        }
        wrong(value, name, expected);
        return fallback;
    }

    /** A name matching {@code [A-Za-z_][A-Za-z0-9_.-]*}, as the engine takes for ids and channels. */
    String identifier(String name, boolean required, String what) {
        String expected = what + " (letters, digits, _ . -; not starting with a digit)";
        Json value = required ? required(name, expected) : raw(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Json.Str s && s.value().matches("[A-Za-z_][A-Za-z0-9_.\\-]{0,127}")) {
            return s.value();
        }
        wrong(value, name, expected);
        return null;
    }

    <E extends Enum<E>> E choice(String name, Class<E> type, E fallback, boolean required) {
        List<String> keys = Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
        String expected = "one of " + String.join(", ", keys);
        Json value = required ? required(name, expected) : raw(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Json.Str s) {
            int index = keys.indexOf(s.value());
            if (index >= 0) {
                return type.getEnumConstants()[index];
            }
        }
        wrong(value, name, expected);
        return fallback;
    }

    Duration duration(String name, boolean required, Duration fallback, boolean positive) {
        String expected = positive ? "a positive duration such as 5s, 250ms or 2m (units ns, us, ms, s, m, h)" : Durations.EXPECTED;
        Json value = required ? required(name, expected) : raw(name);
        if (value == null) {
            return fallback;
        }
        Duration parsed = value instanceof Json.Str s ? Durations.parse(s.value()) : null;
        if (parsed == null || positive && parsed.isZero()) {
            wrong(value, name, expected);
            return fallback;
        }
        return parsed;
    }

    // ---- numbers and booleans

    long whole(String name, boolean required, long fallback, long min, long max) {
        String expected = "a whole number of " + min + "-" + max;
        Json value = required ? required(name, expected) : raw(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Json.Num n && n.integral()) {
            try {
                long parsed = Long.parseLong(n.text());
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // out of long range: reported below
            }
        }
        wrong(value, name, expected);
        return fallback;
    }

    int whole(String name, boolean required, int fallback, int min, int max) {
        return (int) whole(name, required, fallback, (long) min, (long) max);
    }

    /** A finite number accepted by {@code check} ({@code expected} describes it). */
    double number(String name, boolean required, double fallback, String expected, java.util.function.DoublePredicate check) {
        Json value = required ? required(name, expected) : raw(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Json.Num n) {
            double parsed = n.doubleValue();
            if (Double.isFinite(parsed) && check.test(parsed)) {
                return parsed;
            }
        }
        wrong(value, name, expected);
        return fallback;
    }

    double number(String name, boolean required, double fallback) {
        return number(name, required, fallback, "a number", d -> true);
    }

    boolean flag(String name, boolean fallback) {
        Json value = raw(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Json.Bool b) {
            return b.value();
        }
        wrong(value, name, "true or false");
        return fallback;
    }

    // ---- containers

    /** The elements of an array field, each read by {@code element} (null results are skipped). */
    <T> List<T> list(String name, boolean required, String what, BiFunction<Json, String, T> element) {
        String expected = "an array of " + what;
        Json value = required ? required(name, expected) : raw(name);
        List<T> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (!(value instanceof Json.Arr array)) {
            wrong(value, name, expected);
            return result;
        }
        for (int i = 0; i < array.items().size(); i++) {
            T item = element.apply(array.items().get(i), WorkspaceError.index(path(name), i));
            if (item == null) {
                failed = true;
            } else {
                result.add(item);
            }
        }
        return result;
    }

    /** Reports members this reader never asked for (secret fields are reported by {@link SecretsCheck} instead). */
    void rejectUnknown() {
        for (Json.Member member : object.members().values()) {
            if (known.contains(member.name()) || SecretsCheck.isSecret(member.name())) {
                continue;
            }
            String hint = Problems.closest(member.name(), known);
            failed = true;
            problems.at(member.nameLocation(), path(member.name()), "unknown field '" + member.name() + "'; "
                    + (hint != null ? "did you mean '" + hint + "'? " : "") + "expected one of " + String.join(", ", known));
        }
    }
}
