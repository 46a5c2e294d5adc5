package dev.benchwatch.codec.decode;

import dev.benchwatch.codec.DecodeError;
import dev.benchwatch.codec.DecodeErrorReason;
import dev.benchwatch.codec.DecodeErrorSink;
import dev.benchwatch.codec.FieldNames;
import dev.benchwatch.codec.FieldSink;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decodes one CSV line per frame into numeric columns. Column {@code i} is field index {@code i}.
 *
 * <ul>
 *   <li>Column names come either from the configuration ({@link #withColumns}) or from a header line
 *       ({@link #withHeaderLine}): the first frame none of whose fields is a number. Until it arrives,
 *       data frames are reported as {@code NO_MATCH}; a frame mixing numbers and text before the header is
 *       reported too and never taken as a header. Once names are known they never change (the table is
 *       bounded by its capacity); the same header line sent again (a board that restarts) is ignored.</li>
 *   <li>The separator is configurable (default {@code ','}); spaces, tabs and a trailing {@code \r} around
 *       fields are trimmed. Quoted fields are not supported. A blank frame is ignored without an error.</li>
 *   <li>A frame with the wrong number of fields is reported as {@code NO_MATCH} and emits nothing (its
 *       columns cannot be trusted). An empty field is a missing value: skipped without an error.</li>
 *   <li>A malformed number ({@link DecimalText}: NaN, Infinity and out-of-range values included) is reported
 *       as {@code MALFORMED_NUMBER}, once per bad field, and the frame's good fields are still emitted.</li>
 *   <li>A frame that is not valid UTF-8 is reported as {@code INVALID_UTF8} and emits nothing.</li>
 * </ul>
 *
 * Every error carries the frame's stream offset and a snippet of the whole frame. Data frames are decoded
 * without allocation: numbers are parsed from the frame's bytes ({@link DecimalText}, FastDoubleParser), no
 * String per field; only errors allocate. Not thread-safe (one instance per device).
 */
public final class CsvDecoder extends TextDecoder {
    public static final char DEFAULT_SEPARATOR = ',';

    private final byte separator;
    private final boolean headerLine;
    private final int maxFields;
    /** Number of columns once known; -1 while waiting for the header line. */
    private int columns;
    /** Where each field of the frame being decoded ends (pass 1 finds them, pass 2 reads them): one per column. */
    private int[] fieldEnds;
    private double[] values; // a data line's numbers, held until the field count is known to be right
    /** Marks an empty field (a missing value, skipped); no number parses to this NaN payload. */
    private static final double MISSING = Double.longBitsToDouble(0x7ff8_dead_0000_0001L);
    private static final long MISSING_BITS = Double.doubleToRawLongBits(MISSING);

    private CsvDecoder(FieldNames names, char separator, boolean headerLine, int maxFields, int columns) {
        super(names);
        this.separator = (byte) separator;
        this.headerLine = headerLine;
        this.maxFields = maxFields;
        this.columns = columns;
        this.fieldEnds = new int[Math.max(columns, 0)];
    }

    /** Fixed column names, comma-separated. */
    public static CsvDecoder withColumns(List<String> columns) {
        return withColumns(columns, DEFAULT_SEPARATOR, FieldNames.DEFAULT_MAX_FIELDS);
    }

    /** Fixed column names; the table holds at most {@code maxFields} (so at least the columns). */
    public static CsvDecoder withColumns(List<String> columns, char separator, int maxFields) {
        checkSeparator(separator);
        FieldNames names = ConfiguredNames.register(columns, maxFields, "CSV columns");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("CSV columns: at least one column name is needed "
                    + "(or use withHeaderLine to read them from the device)");
        }
        return new CsvDecoder(names, separator, false, maxFields, columns.size());
    }

    /** Column names from the device's header line, comma-separated. */
    public static CsvDecoder withHeaderLine() {
        return withHeaderLine(DEFAULT_SEPARATOR, FieldNames.DEFAULT_MAX_FIELDS);
    }

    /** Column names from the device's header line; a header with more than {@code maxFields} columns is refused. */
    public static CsvDecoder withHeaderLine(char separator, int maxFields) {
        checkSeparator(separator);
        FieldNames names = ConfiguredNames.register(List.of(), maxFields, "CSV columns");
        return new CsvDecoder(names, separator, true, maxFields, -1);
    }

    private static void checkSeparator(char separator) {
        boolean punctuation = separator > ' ' && separator < 0x7F && !Character.isLetterOrDigit(separator);
        if (!(separator == '\t' || punctuation) || separator == '.' || separator == '+' || separator == '-'
                || separator == '"') {
            throw new IllegalArgumentException("CSV separator must be a tab or an ASCII punctuation mark other than "
                    + ". + - \", got '" + separator + "' (U+" + String.format("%04X", (int) separator) + ")");
        }
    }


    /** Whether the column names are known (configured, or a header line has been seen). */
    public boolean hasColumns() {
        return columns >= 0;
    }

    @Override
    protected void decodeText(byte[] frame, int offset, int length, String device, long streamOffset, FieldSink out,
                              DecodeErrorSink errors) {
        int start = skipBlank(frame, offset, offset + length);
        int end = trimEnd(frame, start, offset + length);
        if (start == end) {
            return;
        }
        if (columns >= 0 && decodeDataLine(frame, start, end, out)) {
            return;
        }
        // pass 1: count fields; with a header line, also whether any field is a number (a frame without one
        // is a header). Checking stops at the first number, usually a data frame's first field.
        int count = 0;
        boolean anyNumber = false;
        int i = start;
        int[] ends = fieldEnds;
        while (true) {
            int fieldEnd = fieldEnd(frame, i, end);
            if (count < ends.length) {
                ends[count] = fieldEnd;
            }
            count++;
            if (headerLine && !anyNumber) {
                int s = skipBlank(frame, i, fieldEnd);
                anyNumber = DecimalText.isWellFormed(frame, s, trimEnd(frame, s, fieldEnd) - s);
            }
            if (fieldEnd == end) {
                break;
            }
            i = fieldEnd + 1;
        }
        if (headerLine && !anyNumber) {
            if (columns < 0) {
                adoptHeader(frame, offset, length, start, end, count, device, streamOffset, errors);
                return;
            }
            if (count == columns && isHeader(frame, start, end)) {
                return;
            }
        }
        if (columns < 0) {
            errors.report(device, streamOffset, DecodeErrorReason.NO_MATCH, frame, offset, length,
                    "no header line seen yet; a header has no numeric field");
            return;
        }
        if (count != columns) {
            errors.report(device, streamOffset, DecodeErrorReason.NO_MATCH, frame, offset, length,
                    "expected " + columns + " fields, got " + count);
            return;
        }
        // pass 2: emit (count == columns == ends.length: every field end was recorded)
        i = start;
        for (int column = 0; column < count; column++) {
            int fieldEnd = ends[column];
            int s = skipBlank(frame, i, fieldEnd);
            int e = trimEnd(frame, s, fieldEnd);
            if (s < e) {
                double value = DecimalText.parse(frame, s, e - s);
                if (Double.isNaN(value)) {
                    errors.report(device, streamOffset, DecodeErrorReason.MALFORMED_NUMBER, frame, offset, length,
                            "field '" + names.name(column) + "': '" + DecodeError.snippet(frame, s, e - s)
                                    + "' is not a number");
                } else {
                    out.onField(column, value);
                }
            }
            i = fieldEnd + 1;
        }
    }

    private void adoptHeader(byte[] frame, int offset, int length, int start, int end, int count, String device,
                             long streamOffset, DecodeErrorSink errors) {
        if (count > maxFields) {
            errors.report(device, streamOffset, DecodeErrorReason.NO_MATCH, frame, offset, length,
                    "header line has " + count + " columns, at most " + maxFields + " allowed");
            return;
        }
        List<String> header = new ArrayList<>(count);
        Set<String> seen = new HashSet<>();
        int i = start;
        for (int column = 0; column < count; column++) {
            int fieldEnd = fieldEnd(frame, i, end);
            int s = skipBlank(frame, i, fieldEnd);
            int e = trimEnd(frame, s, fieldEnd);
            String name = new String(frame, s, e - s, StandardCharsets.UTF_8);
            if (name.isEmpty()) {
                errors.report(device, streamOffset, DecodeErrorReason.NO_MATCH, frame, offset, length,
                        "header line rejected: column " + (column + 1) + " has no name");
                return;
            }
            if (!seen.add(name)) {
                errors.report(device, streamOffset, DecodeErrorReason.NO_MATCH, frame, offset, length,
                        "header line rejected: duplicate column '" + name + "'");
                return;
            }
            header.add(name);
            i = fieldEnd + 1;
        }
        for (String name : header) {
            names.indexOf(name);
        }
        fieldEnds = new int[count];
        columns = count;
    }

    private boolean isHeader(byte[] frame, int start, int end) {
        int i = start;
        for (int column = 0; column < columns; column++) {
            int fieldEnd = fieldEnd(frame, i, end);
            int s = skipBlank(frame, i, fieldEnd);
            int e = trimEnd(frame, s, fieldEnd);
            if (!names.name(column).equals(new String(frame, s, e - s, StandardCharsets.UTF_8))) {
                return false;
            }
            i = fieldEnd + 1;
        }
        return true;
    }

    /**
     * The common case in one pass: a data line of exactly {@code columns} numeric (or empty) fields. Short
     * decimals are converted while scanning; other numbers go to {@link DecimalText#parse}. Returns false,
     * having emitted nothing, for anything else (a wrong field count, a malformed number, a header line
     * again), which the general two-pass path then reports.
     */
    private boolean decodeDataLine(byte[] frame, int start, int end, FieldSink out) {
        if (values == null || values.length < columns) {
            values = new double[columns];
        }
        double[] parsed = values;
        int column = 0;
        int i = start;
        while (true) {
            if (column == columns) {
                return false; // more fields than columns
            }
            while (i < end && isBlank(frame[i])) {
                i++;
            }
            int s = i;
            // one scan: a short decimal is converted on the way; anything else is re-read by DecimalText
            boolean negative = i < end && frame[i] == '-';
            if (negative || i < end && frame[i] == '+') {
                i++;
            }
            long digits = 0;
            int count = 0;
            int fraction = -1;
            boolean shortForm = true;
            for (; i < end; i++) {
                byte b = frame[i];
                if (b >= '0' && b <= '9') {
                    digits = digits * 10 + (b - '0');
                    count++;
                    if (fraction >= 0) {
                        fraction++;
                    }
                } else if (b == '.' && fraction < 0) {
                    fraction = 0;
                } else if (b == separator || isBlank(b)) {
                    break;
                } else {
                    shortForm = false;
                }
            }
            int e = i;
            int fieldEnd = fieldEnd(frame, i, end); // past trailing blanks
            if (fieldEnd != trimEnd(frame, e, fieldEnd)) {
                return false; // "1 2": text after the number's end
            }
            double value;
            if (s == e) {
                value = MISSING;
            } else if (shortForm && count > 0 && count <= DecimalText.MAX_SHORT_DIGITS) {
                value = DecimalText.shortValue(digits, fraction, negative);
            } else {
                value = DecimalText.parse(frame, s, e - s);
                if (Double.isNaN(value)) {
                    return false;
                }
            }
            parsed[column++] = value;
            if (fieldEnd == end) {
                break;
            }
            i = fieldEnd + 1;
        }
        if (column != columns) {
            return false;
        }
        for (int c = 0; c < column; c++) {
            if (Double.doubleToRawLongBits(parsed[c]) != MISSING_BITS) {
                out.onField(c, parsed[c]);
            }
        }
        return true;
    }

    private int fieldEnd(byte[] frame, int i, int end) {
        while (i < end && frame[i] != separator) {
            i++;
        }
        return i;
    }

    private int skipBlank(byte[] frame, int i, int end) {
        while (i < end && isBlank(frame[i])) {
            i++;
        }
        return i;
    }

    private int trimEnd(byte[] frame, int start, int end) {
        while (end > start && isBlank(frame[end - 1])) {
            end--;
        }
        return end;
    }

    private boolean isBlank(byte b) {
        return (b == ' ' || b == '\t' || b == '\r') && b != separator;
    }
}
