package dev.benchwatch.workspace.file;

import java.util.Locale;

/**
 * Prints a {@link Json} tree in the one layout workspace files use: two-space indent, members in the
 * tree's order, {@code "name": value}, arrays of plain values on one line, a newline at the end.
 */
final class JsonText {
    private JsonText() {
    }

    static String print(Json root) {
        StringBuilder out = new StringBuilder();
        print(root, 0, out);
        return out.append('\n').toString();
    }

    private static void print(Json value, int indent, StringBuilder out) {
        switch (value) {
            case Json.Obj object -> {
                if (object.members().isEmpty()) {
                    out.append("{}");
                    return;
                }
                out.append("{\n");
                int i = 0;
                for (Json.Member member : object.members().values()) {
                    indent(indent + 1, out);
                    out.append(quote(member.name())).append(": ");
                    print(member.value(), indent + 1, out);
                    out.append(++i < object.members().size() ? ",\n" : "\n");
                }
                indent(indent, out);
                out.append('}');
            }
            case Json.Arr array -> {
                if (array.items().isEmpty()) {
                    out.append("[]");
                } else if (array.items().stream().noneMatch(item -> item instanceof Json.Obj || item instanceof Json.Arr)) {
                    out.append('[');
                    for (int i = 0; i < array.items().size(); i++) {
                        out.append(i == 0 ? "" : ", ");
                        print(array.items().get(i), indent, out);
                    }
                    out.append(']');
                } else {
                    out.append("[\n");
                    for (int i = 0; i < array.items().size(); i++) {
                        indent(indent + 1, out);
                        print(array.items().get(i), indent + 1, out);
                        out.append(i + 1 < array.items().size() ? ",\n" : "\n");
                    }
                    indent(indent, out);
                    out.append(']');
                }
            }
            case Json.Str s -> out.append(quote(s.value()));
            case Json.Num n -> out.append(n.text());
            case Json.Bool b -> out.append(b.value());
            case Json.Null n -> out.append("null");
        }
    }

    private static void indent(int level, StringBuilder out) {
        out.append("  ".repeat(level));
    }

    /** A JSON string literal; non-ASCII characters are written as they are (files are UTF-8). */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) && !validSurrogateAt(text, i)) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static boolean validSurrogateAt(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    /**
     * A double as the shortest text that reads back to the same double: whole numbers without a fraction
     * ({@code 170}, not {@code 170.0}), others as Java prints them ({@code 0.3}, {@code 1.0E-5}).
     */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON has no literal for " + value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15 && !(value == 0 && 1 / value < 0)) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
