package dev.benchwatch.workspace.trigger;

import java.util.regex.Pattern;

/**
 * Numbers as the trigger language writes them: an optional sign, digits with an optional decimal part, and
 * an optional exponent ({@code 180}, {@code -0.5}, {@code 1.5e-3}). The canonical form is the shortest
 * text that reads back as the same double ({@link Double#toString}) without a trailing {@code .0} and with a
 * lower-case {@code e}: {@code 180}, {@code 0.1}, {@code 1e10}, {@code -0}.
 */
final class NumberText {
    static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private NumberText() {
    }

    static String format(double value) {
        String text = Double.toString(value);
        int e = text.indexOf('E');
        String mantissa = e < 0 ? text : text.substring(0, e);
        String exponent = e < 0 ? "" : "e" + text.substring(e + 1);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return mantissa + exponent;
    }
}
