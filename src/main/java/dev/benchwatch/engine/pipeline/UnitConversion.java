package dev.benchwatch.engine.pipeline;

import java.util.Map;

/** Linear unit conversions a map operator can name instead of a scale and offset: to = from * scale + offset. */
public record UnitConversion(String from, String to, double scale, double offset) {
    private static final Map<String, UnitConversion> KNOWN = Map.ofEntries(
            known("°C", "°F", 9.0 / 5.0, 32),
            known("°F", "°C", 5.0 / 9.0, -32 * 5.0 / 9.0),
            known("°C", "K", 1, 273.15),
            known("K", "°C", 1, -273.15),
            known("mV", "V", 1e-3, 0),
            known("V", "mV", 1e3, 0),
            known("mA", "A", 1e-3, 0),
            known("A", "mA", 1e3, 0),
            known("Pa", "kPa", 1e-3, 0),
            known("kPa", "Pa", 1e3, 0),
            known("bar", "kPa", 100, 0),
            known("kPa", "bar", 0.01, 0),
            known("psi", "kPa", 6.894757293168361, 0),
            known("kPa", "psi", 1 / 6.894757293168361, 0),
            known("mm", "m", 1e-3, 0),
            known("m", "mm", 1e3, 0),
            known("ms", "s", 1e-3, 0),
            known("s", "ms", 1e3, 0));

    private static Map.Entry<String, UnitConversion> known(String from, String to, double scale, double offset) {
        return Map.entry(from + "->" + to, new UnitConversion(from, to, scale, offset));
    }

    /** The conversion between two units; "C", "F" and "degC" are accepted for °C and °F. */
    public static UnitConversion of(String from, String to) {
        UnitConversion conversion = KNOWN.get(normalise(from) + "->" + normalise(to));
        if (conversion == null) {
            throw new IllegalArgumentException("no conversion from '" + from + "' to '" + to + "'; known: "
                    + KNOWN.keySet().stream().sorted().toList());
        }
        return conversion;
    }

    private static String normalise(String unit) {
        return switch (unit == null ? "" : unit.trim()) {
            case "C", "degC", "celsius" -> "°C";
            case "F", "degF", "fahrenheit" -> "°F";
            default -> unit == null ? "" : unit.trim();
        };
    }
}
