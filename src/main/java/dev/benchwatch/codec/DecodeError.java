package dev.benchwatch.codec;

import java.util.Objects;

/**
 * One located decoding failure: which device, where in its byte stream, why, and a short printable
 * snippet of the offending bytes, so an engineer can find the fault in the firmware or the wiring.
 *
 * @param device     the device (adapter) the bytes came from
 * @param byteOffset offset of the frame's first byte in the device's stream since it connected
 * @param reason     why it failed
 * @param snippet    up to {@value #MAX_SNIPPET} printable characters of the frame (non-printables escaped)
 * @param message    a sentence for people, e.g. "field 'temp': 'abc' is not a number"
 */
public record DecodeError(String device, long byteOffset, DecodeErrorReason reason, String snippet, String message) {
    public static final int MAX_SNIPPET = 48;

    public DecodeError {
        Objects.requireNonNull(reason, "reason");
        device = device == null ? "" : device;
        snippet = snippet == null ? "" : snippet;
        message = message == null ? "" : message;
    }

    /** A printable snippet of bytes: ASCII as is, everything else as \xNN, cut to {@value #MAX_SNIPPET} characters. */
    public static String snippet(byte[] bytes, int offset, int length) {
        StringBuilder out = new StringBuilder(Math.min(length, MAX_SNIPPET) + 8);
        for (int i = 0; i < length && out.length() < MAX_SNIPPET; i++) {
            int b = bytes[offset + i] & 0xFF;
            if (b >= 0x20 && b < 0x7F) {
                out.append((char) b);
            } else {
                out.append(String.format("\\x%02X", b));
            }
        }
        if (out.length() >= MAX_SNIPPET && length > 0) {
            out.setLength(MAX_SNIPPET);
            out.append('…');
        }
        return out.toString();
    }

    /** The same error attributed to a device (framers do not know which device they serve). */
    public DecodeError withDevice(String deviceName) {
        return new DecodeError(deviceName, byteOffset, reason, snippet, message);
    }

    @Override
    public String toString() {
        return device + " @" + byteOffset + " " + reason + ": " + message + " [" + snippet + "]";
    }
}
