package dev.benchwatch.engine.window;

import java.util.Locale;

/**
 * A statistic a window keeps, each updated in O(1) per reading. Undefined values are NaN: every
 * statistic but COUNT and SUM of an empty window, RATE_OF_CHANGE of a window whose readings share one
 * timestamp. STDDEV is the sample standard deviation (n - 1), 0 for a single reading.
 */
public enum Stat {
    COUNT, SUM, MEAN, MIN, MAX, STDDEV, FIRST, LAST,
    /** (last - first) / time span, in units per second. */
    RATE_OF_CHANGE,
    /** Time between the first and the last reading, in seconds. */
    TIME_SPAN;

    /** The name used in files and the expression language, e.g. {@code mean}, {@code rate_of_change}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Stat fromKey(String key) {
        for (Stat stat : values()) {
            if (stat.key().equalsIgnoreCase(key) || (stat == STDDEV && "std".equalsIgnoreCase(key))
                    || (stat == RATE_OF_CHANGE && "rate".equalsIgnoreCase(key))
                    || (stat == TIME_SPAN && "span".equalsIgnoreCase(key))) {
                return stat;
            }
        }
        throw new IllegalArgumentException("unknown statistic '" + key + "'; expected one of "
                + java.util.Arrays.stream(values()).map(Stat::key).toList());
    }
}
