package dev.benchwatch.codec.decode;

import dev.benchwatch.codec.DecodeError;
import dev.benchwatch.codec.DecodeErrorReason;
import dev.benchwatch.codec.DecodeErrorSink;
import dev.benchwatch.codec.FieldNames;
import dev.benchwatch.codec.FieldSink;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Decodes Arduino Serial Plotter style lines: {@code temp:21.5 hum:40,light:812} or bare values
 * {@code 21.5 40 812}, or a mix.
 *
 * <ul>
 *   <li>Tokens are separated by any run of spaces, tabs, commas or carriage returns (a line framer may leave
 *       a {@code \r}). A blank frame is ignored without an error.</li>
 *   <li>{@code label:value} names the value by its label (split at the first colon); {@code label: value}
 *       (value in the next token) is accepted too. Labels are added to {@link #fields()} as they appear,
 *       bounded by its capacity; a label that no longer fits is reported as {@code NO_MATCH}.</li>
 *   <li>A bare value is named by its position among the frame's values, counting from 1: the configured
 *       positional name if there is one, else {@code value1}, {@code value2}, ...</li>
 *   <li>Numbers are plain decimals ({@link DecimalText}). {@code nan}, {@code inf}, {@code NaN},
 *       {@code Infinity} and numbers beyond the double range are reported as {@code MALFORMED_NUMBER}: the
 *       engine accepts finite values only, so they would be dropped later anyway.</li>
 *   <li>A malformed value or an empty label is reported ({@code MALFORMED_NUMBER}, {@code NO_MATCH}), once
 *       per bad token, and the frame's good fields are still emitted.</li>
 *   <li>A frame that is not valid UTF-8 is reported once as {@code INVALID_UTF8} and emits nothing.</li>
 * </ul>
 *
 * Every error carries the frame's stream offset and a snippet of the whole frame. Numbers are parsed from
 * the frame's bytes without a String ({@link DecimalText}), so bare values allocate nothing once their
 * position is named; a label costs one String per field to look up its index. Stateless per frame apart
 * from the bounded label table; not thread-safe (one instance per device).
 */
public final class LabelValueDecoder extends TextDecoder {
    private final int positionalCount;
    /** Field index + 1 of the bare value at each position (0: not named yet), so a bare value allocates nothing. */
    private final int[] positionalIndexes;

    /** Bare values named {@code value1}, {@code value2}, ...; up to {@link FieldNames#DEFAULT_MAX_FIELDS} fields. */
    public LabelValueDecoder() {
        this(List.of(), FieldNames.DEFAULT_MAX_FIELDS);
    }

    /**
     * @param positionalNames names of bare values by position (the first bare-or-labelled value is
     *                        position 1); positions beyond the list are named {@code valueN}
     * @param maxFields       bound of the field table (configured plus discovered names)
     */
    public LabelValueDecoder(List<String> positionalNames, int maxFields) {
        super(ConfiguredNames.register(positionalNames, maxFields, "positional names"));
        this.positionalCount = positionalNames.size();
        this.positionalIndexes = new int[maxFields];
        for (int i = 0; i < positionalCount; i++) {
            positionalIndexes[i] = i + 1;
        }
    }


    @Override
    protected void decodeText(byte[] frame, int offset, int length, String device, long streamOffset, FieldSink out,
                              DecodeErrorSink errors) {
        int end = offset + length;
        int i = offset;
        int position = 0;
        while (true) {
            i = skipSeparators(frame, i, end);
            if (i >= end) {
                return;
            }
            int tokenStart = i;
            int colon = -1;
            while (i < end && !isSeparator(frame[i])) {
                if (colon < 0 && frame[i] == ':') {
                    colon = i;
                }
                i++;
            }
            int tokenEnd = i;
            position++;
            int valueStart;
            int valueEnd;
            if (colon < 0) {
                valueStart = tokenStart;
                valueEnd = tokenEnd;
            } else {
                valueStart = colon + 1;
                valueEnd = tokenEnd;
                if (valueStart == valueEnd) {
                    // "label: value": the value is the next token
                    int next = skipSeparators(frame, i, end);
                    if (next < end && frame[next] != ':') {
                        int nextEnd = next;
                        while (nextEnd < end && !isSeparator(frame[nextEnd])) {
                            nextEnd++;
                        }
                        if (noColon(frame, next, nextEnd)) {
                            valueStart = next;
                            valueEnd = nextEnd;
                            i = nextEnd;
                        }
                    }
                }
                if (colon == tokenStart) {
                    errors.report(device, streamOffset, DecodeErrorReason.NO_MATCH, frame, offset, length,
                            "value #" + position + " has an empty label");
                    continue;
                }
            }
            double value = DecimalText.parse(frame, valueStart, valueEnd - valueStart);
            String label = colon < 0 ? null : new String(frame, tokenStart, colon - tokenStart, StandardCharsets.UTF_8);
            if (Double.isNaN(value)) {
                String what = label != null ? "field '" + label + "'" : "value #" + position;
                errors.report(device, streamOffset, DecodeErrorReason.MALFORMED_NUMBER, frame, offset, length,
                        what + ": '" + DecodeError.snippet(frame, valueStart, valueEnd - valueStart)
                                + "' is not a number");
                continue;
            }
            int index = label != null ? names.indexOf(label) : positionalIndex(position);
            if (index < 0) {
                errors.report(device, streamOffset, DecodeErrorReason.NO_MATCH, frame, offset, length,
                        "field table full (" + names.size() + " names): '"
                                + (label != null ? label : "value" + position) + "' dropped");
                continue;
            }
            out.onField(index, value);
        }
    }

    private int positionalIndex(int position) {
        if (position <= positionalIndexes.length && positionalIndexes[position - 1] > 0) {
            return positionalIndexes[position - 1] - 1;
        }
        int index = names.indexOf("value" + position);
        if (index >= 0 && position <= positionalIndexes.length) {
            positionalIndexes[position - 1] = index + 1;
        }
        return index;
    }

    private static boolean noColon(byte[] frame, int from, int to) {
        for (int k = from; k < to; k++) {
            if (frame[k] == ':') {
                return false;
            }
        }
        return true;
    }

    private static int skipSeparators(byte[] frame, int i, int end) {
        while (i < end && isSeparator(frame[i])) {
            i++;
        }
        return i;
    }

    private static boolean isSeparator(byte b) {
        return b == ' ' || b == '\t' || b == ',' || b == '\r';
    }
}
