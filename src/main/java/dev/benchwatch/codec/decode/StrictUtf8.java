package dev.benchwatch.codec.decode;

/**
 * Strict UTF-8 validation over a byte range, without allocating. Accepts exactly what a
 * {@link java.nio.charset.CharsetDecoder} for UTF-8 with {@link java.nio.charset.CodingErrorAction#REPORT}
 * accepts: no overlong forms, no surrogates (U+D800..U+DFFF), nothing above U+10FFFF, no truncated
 * sequences. Because every byte of a multi-byte sequence is ≥ 0x80, a valid frame can be split on ASCII
 * separators byte by byte.
 */
final class StrictUtf8 {
    private StrictUtf8() {
    }

    /** Whether {@code bytes[offset, offset + length)} is well-formed UTF-8. */
    private static final java.lang.invoke.VarHandle EIGHT_BYTES =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    static boolean isValid(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            // sensor text is almost all ASCII: eight bytes at a time while no high bit is set
            if (end - i >= Long.BYTES && ((long) EIGHT_BYTES.get(bytes, i) & HIGH_BITS) == 0) {
                i += Long.BYTES;
                continue;
            }
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int need;
            int min2;
            int max2;
            if (b >= 0xC2 && b <= 0xDF) {
                need = 1;
                min2 = 0x80;
                max2 = 0xBF;
            } else if (b == 0xE0) {
                need = 2;
                min2 = 0xA0;
                max2 = 0xBF;
            } else if (b == 0xED) {
                need = 2;
                min2 = 0x80;
                max2 = 0x9F;
            } else if (b >= 0xE1 && b <= 0xEF) {
                need = 2;
                min2 = 0x80;
                max2 = 0xBF;
            } else if (b == 0xF0) {
                need = 3;
                min2 = 0x90;
                max2 = 0xBF;
            } else if (b >= 0xF1 && b <= 0xF3) {
                need = 3;
                min2 = 0x80;
                max2 = 0xBF;
            } else if (b == 0xF4) {
                need = 3;
                min2 = 0x80;
                max2 = 0x8F;
            } else {
                return false;
            }
            if (end - i <= need) {
                return false;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < min2 || second > max2) {
                return false;
            }
            for (int k = 2; k <= need; k++) {
                int c = bytes[i + k] & 0xFF;
                if (c < 0x80 || c > 0xBF) {
                    return false;
                }
            }
            i += need + 1;
        }
        return true;
    }
}
