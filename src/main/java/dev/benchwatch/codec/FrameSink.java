package dev.benchwatch.codec;

/**
 * Receives complete frames from a {@link Framer}. The bytes are only valid during the call (the framer
 * reuses its buffer).
 */
@FunctionalInterface
public interface FrameSink {
    /**
     * @param frame        buffer holding the frame's payload (delimiters and length prefixes removed)
     * @param offset       where the payload starts in {@code frame}
     * @param length       payload length
     * @param streamOffset offset of the frame's first byte in the device's stream
     */
    void onFrame(byte[] frame, int offset, int length, long streamOffset);
}
