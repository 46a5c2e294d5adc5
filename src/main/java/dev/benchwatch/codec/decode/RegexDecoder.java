package dev.benchwatch.codec.decode;

import dev.benchwatch.codec.DecodeError;
import dev.benchwatch.codec.DecodeErrorReason;
import dev.benchwatch.codec.DecodeErrorSink;
import dev.benchwatch.codec.FieldNames;
import dev.benchwatch.codec.FieldSink;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Decodes a text frame with a regular expression whose named groups are the fields, e.g.
 * {@code T=(?<temp>-?[\d.]+)C H=(?<hum>[\d.]+)%}. Fields are indexed in the order the groups open.
 *
 * <ul>
 *   <li>The pattern is searched for ({@link Matcher#find()}), so text around it is allowed; anchor it with
 *       {@code ^...$} to require the whole frame.</li>
 *   <li>A frame the pattern does not match is reported as {@code NO_MATCH}. So is a frame on which the pattern
 *       backtracks for too long (more than {@value #STEP_BUDGET} character reads plus 64 per byte) or
 *       overflows the stack: a bad pattern can slow a stream but never stop it.</li>
 *   <li>Each named group that took part in the match is parsed as a plain decimal ({@link DecimalText},
 *       surrounding white space trimmed); a group that is not a number (NaN and Infinity included) is reported
 *       as {@code MALFORMED_NUMBER} and the other groups are still emitted. An optional group that did not
 *       take part is skipped.</li>
 *   <li>A frame that is not valid UTF-8 is reported as {@code INVALID_UTF8} and emits nothing.</li>
 * </ul>
 *
 * Decoding allocates a String for the frame and one per group; fine for text devices, not meant for the
 * engine thread. Not thread-safe (one instance per device; the {@link Matcher} is reused).
 */
public final class RegexDecoder extends TextDecoder {
    /** Character reads allowed per frame before a match attempt is abandoned, plus 64 per byte of frame. */
    public static final long STEP_BUDGET = 1_000_000;

    private final Pattern pattern;
    private final int[] groups;
    private final BudgetedChars chars = new BudgetedChars();
    private final Matcher matcher;

    /** A pattern with at most {@link FieldNames#DEFAULT_MAX_FIELDS} named groups. */
    public RegexDecoder(String regex) {
        this(compile(regex), FieldNames.DEFAULT_MAX_FIELDS);
    }

    public RegexDecoder(Pattern pattern, int maxFields) {
        super(ConfiguredNames.register(orderedGroups(pattern).stream().map(Map.Entry::getKey).toList(), maxFields,
                "regex groups"));
        this.pattern = pattern;
        this.groups = orderedGroups(pattern).stream().mapToInt(Map.Entry::getValue).toArray();
        this.matcher = pattern.matcher("");
    }

    /** The pattern's named groups in the order they open; a pattern without any is rejected. */
    private static List<Map.Entry<String, Integer>> orderedGroups(Pattern pattern) {
        Objects.requireNonNull(pattern, "pattern");
        Map<String, Integer> named = pattern.namedGroups();
        if (named.isEmpty()) {
            throw new IllegalArgumentException("regex '" + pattern.pattern()
                    + "' has no named groups; name each field as (?<name>...)");
        }
        List<Map.Entry<String, Integer>> ordered = new ArrayList<>(named.entrySet());
        ordered.sort(Comparator.comparingInt(Map.Entry::getValue));
        return ordered;
    }

    private static Pattern compile(String regex) {
        Objects.requireNonNull(regex, "regex");
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad regex: " + e.getMessage(), e);
        }
    }

    /** The pattern, as configured. */
    public Pattern pattern() {
        return pattern;
    }


    @Override
    protected void decodeText(byte[] frame, int offset, int length, String device, long streamOffset, FieldSink out,
                              DecodeErrorSink errors) {
        chars.reset(new String(frame, offset, length, StandardCharsets.UTF_8), STEP_BUDGET + 64L * length);
        boolean found;
        try {
            matcher.reset(chars);
            found = matcher.find();
        } catch (BudgetExceeded | StackOverflowError e) {
            matcher.reset("");
            errors.report(device, streamOffset, DecodeErrorReason.NO_MATCH, frame, offset, length,
                    "pattern gave up on this frame (too much backtracking)");
            return;
        }
        if (!found) {
            errors.report(device, streamOffset, DecodeErrorReason.NO_MATCH, frame, offset, length,
                    "frame does not match the pattern");
            return;
        }
        for (int i = 0; i < groups.length; i++) {
            int start = matcher.start(groups[i]);
            if (start < 0) {
                continue;
            }
            String text = chars.text.substring(start, matcher.end(groups[i])).strip();
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            double value = DecimalText.parse(bytes, 0, bytes.length);
            if (Double.isNaN(value)) {
                errors.report(device, streamOffset, DecodeErrorReason.MALFORMED_NUMBER, frame, offset, length,
                        "field '" + names.name(i) + "': '" + DecodeError.snippet(bytes, 0, bytes.length)
                                + "' is not a number");
            } else {
                out.onField(i, value);
            }
        }
        matcher.reset("");
    }

    /** Thrown (without a stack trace) when a match attempt has read too many characters. */
    private static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super("regex step budget exceeded", null, false, false);
        }
    }

    /** The frame's text, counting reads so runaway backtracking can be cut off. */
    private static final class BudgetedChars implements CharSequence {
        private static final BudgetExceeded EXCEEDED = new BudgetExceeded();
        String text = "";
        private long remaining;

        void reset(String text, long budget) {
            this.text = text;
            this.remaining = budget;
        }

        @Override
        public char charAt(int index) {
            if (--remaining < 0) {
                throw EXCEEDED;
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
