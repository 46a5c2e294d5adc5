package dev.benchwatch.codec;

/**
 * Turns one frame into numeric fields. Pure: no I/O, no clock. A frame that cannot be decoded, whole or
 * in part, is reported to the error sink with its location; fields decoded before a bad one still count
 * only when the decoder says so in its documentation (CSV and label:value keep the good fields).
 */
public interface Decoder {
    /** The names of the fields this decoder emits, indexed as passed to {@link FieldSink}. */
    FieldNames fields();

    /**
     * Decodes one frame.
     *
     * @param device       the device's name, for error reports
     * @param streamOffset offset of the frame in the device's stream, for error reports
     */
    void decode(byte[] frame, int offset, int length, String device, long streamOffset, FieldSink out,
                DecodeErrorSink errors);
}
