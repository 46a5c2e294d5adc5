package dev.benchwatch.codec;

/** Receives decoding failures (the adapter counts them and turns a burst into an alert). */
@FunctionalInterface
public interface DecodeErrorSink {
    void onError(DecodeError error);

    /** Reports a failure located at a frame, with a snippet of the frame's bytes. */
    default void report(String device, long streamOffset, DecodeErrorReason reason, byte[] frame, int offset,
                        int length, String message) {
        onError(new DecodeError(device, streamOffset, reason, DecodeError.snippet(frame, offset, length), message));
    }
}
