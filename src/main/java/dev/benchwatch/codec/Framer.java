package dev.benchwatch.codec;

/**
 * Splits a device's byte stream into frames. Fed whatever chunks the port delivers, in order; keeps a
 * partial frame between calls in a bounded buffer. Garbage never stops it: an overlong frame is discarded
 * and reported, and framing resumes at the next delimiter.
 */
public interface Framer {
    /** Default limit of a frame's length; a longer one is discarded and reported as OVERLONG_FRAME. */
    int DEFAULT_MAX_FRAME = 64 * 1024;

    /** Takes the next chunk of the stream; complete frames go to {@code frames}, failures to {@code errors}. */
    void feed(byte[] chunk, int offset, int length, FrameSink frames, DecodeErrorSink errors);

    /**
     * The device went away: a partial frame is dropped (reported as INCOMPLETE_AT_DISCONNECT, never
     * decoded), and the stream offset starts again at 0 for the next connection.
     */
    void reset(DecodeErrorSink errors);
}
