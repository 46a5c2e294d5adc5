package dev.benchwatch.codec.decode;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

/**
 * Parses a plain decimal number from ASCII bytes: {@code [+-]? digits [. digits]? ([eE] [+-]? digits)?},
 * where the integer or the fraction part may be empty but not both ({@code 5.}, {@code .5}). Text that
 * {@link Double#parseDouble} would also take but a sensor should never send (NaN, Infinity, hex floats,
 * {@code d}/{@code f} suffixes, surrounding white space) is rejected, and so is a number too large for a
 * double: the engine takes finite values only.
 *
 * <p>Nothing is allocated on the way to a number, and the bytes are read once: the conversion is
 * FastDoubleParser's {@link JavaDoubleParser#parseDouble(byte[], int, int)}, which rounds exactly as
 * {@link Double#parseDouble} does (correct to the last bit, long digit strings included) at several times its
 * speed and without the String {@code Double.parseDouble} needs. Its grammar is Java's, and Java's grammar
 * differs from ours only at the ends of the text: white space, a sign followed by {@code NaN} or
 * {@code Infinity}, a {@code 0x} prefix, a {@code d}/{@code f} suffix. {@link #parse} rules those out by
 * looking at the first two and the last byte, and lets FastDoubleParser reject the rest ({@code 1..2},
 * {@code e5}, {@code 1e+}): a malformed number costs an exception, which is fine on an error path that
 * builds a report anyway. {@link #isWellFormed} is the same grammar checked byte by byte, without
 * converting, for callers that only need to know whether text is a number.
 */
final class DecimalText {
    /** Longest number text accepted; longer tokens are reported as malformed rather than parsed. */
    static final int MAX_LENGTH = 64;

    private DecimalText() {
    }

    /** The number in {@code bytes[offset, offset + length)}, or {@link Double#NaN} when it is not one. */
    static double parse(byte[] bytes, int offset, int length) {
        double simple = shortDecimal(bytes, offset, length);
        if (!Double.isNaN(simple)) {
            return simple;
        }
        if (!hasPlainEnds(bytes, offset, length)) {
            return Double.NaN;
        }
        double value;
        try {
            value = JavaDoubleParser.parseDouble(bytes, offset, length);
        } catch (NumberFormatException e) {
            return Double.NaN; // "1..2", "--1", "e5", "1e": outside Java's grammar, so outside ours
        }
        return Double.isFinite(value) ? value : Double.NaN;
    }

    /**
     * Whether the text's ends rule out everything Java's grammar accepts beyond ours: it starts with an
     * optional sign and then a digit or a point, but not {@code 0x}/{@code 0X}, and it ends with a digit or a
     * point. (Java's grammar: white space, sign, then {@code NaN}, {@code Infinity}, a {@code 0x} hex float or
     * a decimal exactly like ours, then an optional {@code fFdD} suffix and white space.)
     */
    /** 10^0 .. 10^15, each exactly representable as a double. */
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15};
    /** Digits that always fit a double's 53-bit significand exactly. */
    static final int MAX_SHORT_DIGITS = 15;

    /**
     * The most common sensor shape, {@code [+-]digits[.digits]} with at most 15 digits and no exponent,
     * converted directly; NaN for anything else (then FastDoubleParser decides). Exact: the digits as an
     * integer and 10^k (k <= 15) are both exact doubles, and one IEEE division rounds correctly (Clinger's
     * fast path, which FastDoubleParser also takes, minus its general grammar scan).
     */
    static double shortDecimal(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        if (i == end) {
            return Double.NaN;
        }
        boolean negative = bytes[i] == '-';
        if (negative || bytes[i] == '+') {
            i++;
        }
        long digits = 0;
        int count = 0;
        int fraction = -1; // digits after the point; -1 while no point was seen
        for (; i < end; i++) {
            int b = bytes[i];
            if (b >= '0' && b <= '9') {
                if (++count > MAX_SHORT_DIGITS) {
                    return Double.NaN;
                }
                digits = digits * 10 + (b - '0');
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (b == '.' && fraction < 0) {
                fraction = 0;
            } else {
                return Double.NaN; // an exponent, a second point, anything else: not this shape
            }
        }
        if (count == 0) {
            return Double.NaN;
        }
        return shortValue(digits, fraction, negative);
    }

    /** The value of a short decimal already scanned: at most 15 digits, {@code fraction} of them after the point (or -1). */
    static double shortValue(long digits, int fraction, boolean negative) {
        double value = fraction > 0 ? digits / POWERS_OF_TEN[fraction] : digits;
        return negative ? -value : value;
    }

    private static boolean hasPlainEnds(byte[] bytes, int offset, int length) {
        if (length <= 0 || length > MAX_LENGTH) {
            return false;
        }
        int end = offset + length;
        byte last = bytes[end - 1];
        if (!(isDigit(last) || last == '.')) {
            return false;
        }
        int i = offset;
        if (bytes[i] == '+' || bytes[i] == '-') {
            i++;
        }
        if (i == end) {
            return false;
        }
        byte first = bytes[i];
        if (first == '0') {
            return i + 1 == end || (bytes[i + 1] | 0x20) != 'x';
        }
        return isDigit(first) || first == '.';
    }

    /** Whether the text is a number of this grammar (no conversion; see {@link #parse} for the value). */
    static boolean isWellFormed(byte[] bytes, int offset, int length) {
        if (length <= 0 || length > MAX_LENGTH) {
            return false;
        }
        int i = offset;
        int end = offset + length;
        if (bytes[i] == '+' || bytes[i] == '-') {
            i++;
        }
        int intDigits = 0;
        while (i < end && isDigit(bytes[i])) {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < end && bytes[i] == '.') {
            i++;
            while (i < end && isDigit(bytes[i])) {
                i++;
                fracDigits++;
            }
        }
        if (intDigits + fracDigits == 0) {
            return false;
        }
        if (i < end && (bytes[i] == 'e' || bytes[i] == 'E')) {
            i++;
            if (i < end && (bytes[i] == '+' || bytes[i] == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < end && isDigit(bytes[i])) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == end;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
