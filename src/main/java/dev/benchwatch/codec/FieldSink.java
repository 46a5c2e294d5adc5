package dev.benchwatch.codec;

/**
 * Receives the numeric fields a decoder found in one frame. Fields are named once, through the decoder's
 * {@link FieldNames}, and then passed by index, so decoding allocates no strings per reading.
 */
@FunctionalInterface
public interface FieldSink {
    void onField(int fieldIndex, double value);
}
