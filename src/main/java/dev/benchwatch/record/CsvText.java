package dev.benchwatch.record;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How an export writes times, values and names, chosen so that pandas ({@code read_csv}), Excel and
 * LibreOffice read them back without loss or guessing (docs/RECORDING.md, "Export").
 *
 * <ul>
 *   <li>Times: ISO-8601 in UTC with all nine fraction digits, {@code 2026-11-27T05:13:07.123456789Z}: a
 *   recording keeps nanoseconds, and a fixed width sorts as text.</li>
 *   <li>Values: the shortest decimal that reads back as the same double ({@link Double#toString}), but in
 *   plain notation for magnitudes from 1e-7 up to 1e21 (JavaScript's rule), where Java would write
 *   {@code 1.0E7}; only values outside that range keep an exponent ({@code 1.0E-9}, {@code 1.0E300}),
 *   which pandas and Excel both parse. NaN is written {@code NaN} (pandas: missing), infinities
 *   {@code inf} and {@code -inf} (what pandas parses; Excel keeps them as text).</li>
 *   <li>Names and units: RFC 4180 quoting when they hold a comma, a quote or a line break.</li>
 * </ul>
 */
final class CsvText {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.");

    private long cachedSecond = Long.MIN_VALUE;
    private String cachedPrefix = "";

    /** Appends {@code epochNanos} as ISO-8601 UTC with nanoseconds; the date part is cached per second. */
    void appendTime(StringBuilder out, long epochNanos) {
        long second = Math.floorDiv(epochNanos, 1_000_000_000L);
        int nanos = (int) Math.floorMod(epochNanos, 1_000_000_000L);
        if (second != cachedSecond) {
            cachedPrefix = SECONDS.format(LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC));
            cachedSecond = second;
        }
        out.append(cachedPrefix);
        for (int divisor = 100_000_000; divisor > 0; divisor /= 10) {
            out.append((char) ('0' + nanos / divisor % 10));
        }
        out.append('Z');
    }

    /** The time as {@link #appendTime} writes it. */
    static String time(long epochNanos) {
        StringBuilder out = new StringBuilder(30);
        new CsvText().appendTime(out, epochNanos);
        return out.toString();
    }

    /** Appends the shortest exact decimal of {@code value} (see the class comment). */
    static void appendValue(StringBuilder out, double value) {
        if (Double.isNaN(value)) {
            out.append("NaN");
            return;
        }
        if (Double.isInfinite(value)) {
            out.append(value > 0 ? "inf" : "-inf");
            return;
        }
        String shortest = Double.toString(value);
        int e = shortest.indexOf('E');
        if (e < 0) {
            out.append(shortest);
            return;
        }
        int exponent = Integer.parseInt(shortest, e + 1, shortest.length(), 10);
        if (exponent < -7 || exponent >= 21) {
            out.append(shortest);
            return;
        }
        String plain = new BigDecimal(shortest).stripTrailingZeros().toPlainString();
        out.append(plain);
        if (plain.indexOf('.') < 0) {
            out.append(".0"); // stays a float column in pandas, like every other value
        }
    }

    static String value(double value) {
        StringBuilder out = new StringBuilder(24);
        appendValue(out, value);
        return out.toString();
    }

    /** A field as RFC 4180 writes it: quoted (quotes doubled) when it holds a comma, quote or line break. */
    static String field(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + text.replace("\"", "\"\"") + '"';
            }
        }
        return text;
    }
}
