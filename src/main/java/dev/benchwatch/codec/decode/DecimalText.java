package dev.benchwatch.codec.decode;

/**
 * Parses a plain decimal number from ASCII bytes: {@code [+-]? digits [. digits]? ([eE] [+-]? digits)?},
 * where the integer or the fraction part may be empty but not both ({@code 5.}, {@code .5}). Text that
 * {@link Double#parseDouble} would also take but a sensor should never send (NaN, Infinity, hex floats,
 * {@code d}/{@code f} suffixes, surrounding white space) is rejected, and so is a number too large for a
 * double: the engine takes finite values only.
 *
 * <p>The grammar check allocates nothing; the conversion itself goes through {@link Double#parseDouble}
 * on a short String (one allocation per field), which is correct to the last bit and fast enough off the
 * engine thread. A hand-written exact parser can replace it later without changing callers.
 */
final class DecimalText {
    /** Longest number text accepted; longer tokens are reported as malformed rather than parsed. */
    static final int MAX_LENGTH = 64;

    private DecimalText() {
    }

    /** The number in {@code bytes[offset, offset + length)}, or {@link Double#NaN} when it is not one. */
    static double parse(byte[] bytes, int offset, int length) {
        if (!isWellFormed(bytes, offset, length)) {
            return Double.NaN;
        }
        double value = Double.parseDouble(new String(bytes, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1));
        return Double.isFinite(value) ? value : Double.NaN;
    }

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
