package dev.benchwatch.engine.action;

import java.time.Instant;

/** Fills {@code {trigger}}, {@code {channel}}, {@code {value}}, {@code {severity}}, {@code {time}}, {@code {state}}. */
public final class ActionTemplate {
    private ActionTemplate() {
    }

    public static String render(String template, ActionRequest request) {
        if (template.indexOf('{') < 0) {
            return template;
        }
        return template
                .replace("{trigger}", request.triggerName())
                .replace("{channel}", request.channel())
                .replace("{value}", formatValue(request.value()))
                .replace("{severity}", request.severity().key())
                .replace("{state}", request.state())
                .replace("{time}", Instant.ofEpochSecond(0, request.timestampNanos()).toString());
    }

    static String formatValue(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        // six significant digits, no trailing zeros: 101.5, 0.00123457, 1234570
        return new java.math.BigDecimal(value).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
