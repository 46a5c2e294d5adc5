package dev.benchwatch.codec.frame;

import java.util.Arrays;

/** The bytes of the frame being collected: grows on demand up to a hard limit, never beyond. */
final class FrameBuffer {
    private byte[] bytes;
    private int length;
    private final int limit;

    FrameBuffer(int limit) {
        this.limit = limit;
        this.bytes = new byte[Math.min(256, limit)];
    }

    /** Appends a byte; false (and nothing stored) when the frame would exceed the limit. */
    boolean append(byte b) {
        if (length == limit) {
            return false;
        }
        if (length == bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.min(limit, bytes.length * 2));
        }
        bytes[length++] = b;
        return true;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    void clear() {
        length = 0;
    }

    /** Drops the last {@code n} bytes (a delimiter that was collected with the frame). */
    void truncate(int n) {
        length = Math.max(0, length - n);
    }

    int capacity() {
        return bytes.length;
    }
}
