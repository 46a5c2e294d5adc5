package dev.benchwatch.engine.action;

import java.time.Instant;
import java.util.Locale;

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
        return String.format(Locale.ROOT, "%.6g", value);
    }
}
