package dev.benchwatch.codec.decode;

import dev.benchwatch.codec.DecodeError;
import dev.benchwatch.codec.Decoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes one frame embedded at offset 2 of a larger buffer (between bytes a decoder could misread if it
 * ignored the offset and length), recording the fields by name and the errors.
 */
class DecodeRun {
    final Map<String, Double> fields = new LinkedHashMap<>();
    final List<DecodeError> errors = new ArrayList<>();

    DecodeRun(Decoder decoder, String device, char before, char after, byte[] frame, long streamOffset) {
        byte[] padded = new byte[frame.length + 4];
        padded[0] = (byte) before;
        padded[padded.length - 1] = (byte) after;
        System.arraycopy(frame, 0, padded, 2, frame.length);
        decoder.decode(padded, 2, frame.length, device, streamOffset,
                (index, value) -> fields.put(decoder.fields().name(index), value), errors::add);
    }
}
