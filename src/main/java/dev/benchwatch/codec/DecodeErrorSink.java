package dev.benchwatch.codec;

/** Receives decoding failures (the adapter counts them and turns a burst into an alert). */
@FunctionalInterface
public interface DecodeErrorSink {
    void onError(DecodeError error);
}
