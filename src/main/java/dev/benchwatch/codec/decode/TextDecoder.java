package dev.benchwatch.codec.decode;

import dev.benchwatch.codec.DecodeErrorReason;
import dev.benchwatch.codec.DecodeErrorSink;
import dev.benchwatch.codec.Decoder;
import dev.benchwatch.codec.FieldNames;
import dev.benchwatch.codec.FieldSink;

/**
 * A decoder of text frames: a frame that is not valid UTF-8 is reported once (INVALID_UTF8) and yields
 * nothing; a valid one goes to {@link #decodeText}.
 */
abstract class TextDecoder implements Decoder {
    protected final FieldNames names;

    TextDecoder(FieldNames names) {
        this.names = names;
    }

    @Override
    public final FieldNames fields() {
        return names;
    }

    @Override
    public final void decode(byte[] frame, int offset, int length, String device, long streamOffset, FieldSink out,
                             DecodeErrorSink errors) {
        if (!StrictUtf8.isValid(frame, offset, length)) {
            errors.report(device, streamOffset, DecodeErrorReason.INVALID_UTF8, frame, offset, length,
                    "frame is not valid UTF-8");
            return;
        }
        decodeText(frame, offset, length, device, streamOffset, out, errors);
    }

    /** Decodes a frame known to be valid UTF-8. */
    protected abstract void decodeText(byte[] frame, int offset, int length, String device, long streamOffset,
                                       FieldSink out, DecodeErrorSink errors);
}
