package dev.benchwatch.codec.decode;

import dev.benchwatch.codec.DecodeError;
import dev.benchwatch.codec.DecodeErrorReason;
import dev.benchwatch.codec.DecodeErrorSink;
import dev.benchwatch.codec.Decoder;
import dev.benchwatch.codec.FieldNames;
import dev.benchwatch.codec.FieldSink;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decodes a binary frame laid out as a C struct: a list of fields, each with a name, a numeric type and a
 * byte order, at a fixed byte offset or right after the previous field. Field {@code i} is layout entry
 * {@code i}.
 *
 * <ul>
 *   <li>Types: signed and unsigned integers of 8, 16, 32 and 64 bits, IEEE 754 float32 and float64. Every
 *       value is delivered as a double: 64-bit integers beyond 2^53 are rounded to the nearest double
 *       ({@code UINT64} is read as unsigned).</li>
 *   <li>Fixed offsets may overlap (a union) and leave gaps; bytes after the layout's end are ignored.</li>
 *   <li>A frame shorter than the layout needs is reported as {@code TRUNCATED_FRAME} and emits nothing.</li>
 *   <li>A float field holding NaN or an infinity is reported as {@code MALFORMED_NUMBER} (the engine takes
 *       finite values only); the other fields are still emitted.</li>
 * </ul>
 *
 * Decoding allocates nothing. Stateless; safe to share once built.
 */
public final class BinaryStructDecoder implements Decoder {
    /** The numeric types a field can have, with their size in bytes. */
    public enum Type {
        INT8(1), UINT8(1), INT16(2), UINT16(2), INT32(4), UINT32(4), INT64(8), UINT64(8), FLOAT32(4), FLOAT64(8);

        private final int size;

        Type(int size) {
            this.size = size;
        }

        public int size() {
            return size;
        }
    }

    /** Offset value meaning "right after the previous field" (or 0 for the first). */
    public static final int SEQUENTIAL = -1;

    /**
     * One field of the layout.
     *
     * @param offset byte offset in the frame, or {@link #SEQUENTIAL}
     */
    public record Field(String name, Type type, ByteOrder order, int offset) {
        /** A field right after the previous one. */
        public static Field of(String name, Type type, ByteOrder order) {
            return new Field(name, type, order, SEQUENTIAL);
        }

        /** A field at a fixed byte offset. */
        public static Field at(String name, Type type, ByteOrder order, int offset) {
            return new Field(name, type, order, offset);
        }
    }

    private final FieldNames names;
    private final Type[] types;
    private final boolean[] bigEndian;
    private final int[] offsets;
    private final int frameLength;

    /** A layout of at most {@code maxFields} fields. */
    public BinaryStructDecoder(List<Field> layout, int maxFields) {
        Objects.requireNonNull(layout, "layout");
        if (layout.isEmpty()) {
            throw new IllegalArgumentException("binary layout: at least one field is needed");
        }
        int n = layout.size();
        List<String> fieldNames = new ArrayList<>(n);
        types = new Type[n];
        bigEndian = new boolean[n];
        offsets = new int[n];
        long next = 0;
        long end = 0;
        for (int i = 0; i < n; i++) {
            Field field = Objects.requireNonNull(layout.get(i), "binary layout: field #" + (i + 1));
            String what = "binary layout: field '" + field.name() + "'";
            if (field.type() == null) {
                throw new IllegalArgumentException(what + " has no type");
            }
            if (field.order() == null) {
                throw new IllegalArgumentException(what + " has no byte order");
            }
            if (field.offset() < SEQUENTIAL) {
                throw new IllegalArgumentException(what + ": offset " + field.offset()
                        + " is negative (use SEQUENTIAL to follow the previous field)");
            }
            long offset = field.offset() == SEQUENTIAL ? next : field.offset();
            next = offset + field.type().size();
            if (next > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(what + " ends beyond the largest possible frame");
            }
            end = Math.max(end, next);
            fieldNames.add(field.name());
            types[i] = field.type();
            bigEndian[i] = field.order() == ByteOrder.BIG_ENDIAN;
            offsets[i] = (int) offset;
        }
        this.frameLength = (int) end;
        this.names = ConfiguredNames.register(fieldNames, maxFields, "binary layout");
    }

    /** A layout of at most {@link FieldNames#DEFAULT_MAX_FIELDS} fields. */
    public BinaryStructDecoder(List<Field> layout) {
        this(layout, FieldNames.DEFAULT_MAX_FIELDS);
    }

    /** Bytes a frame needs to hold every field. */
    public int frameLength() {
        return frameLength;
    }

    @Override
    public FieldNames fields() {
        return names;
    }

    @Override
    public void decode(byte[] frame, int offset, int length, String device, long streamOffset, FieldSink out,
                       DecodeErrorSink errors) {
        if (length < frameLength) {
            errors.report(device, streamOffset, DecodeErrorReason.TRUNCATED_FRAME, frame, offset, length,
                    "frame has " + length + " bytes, the layout needs " + frameLength);
            return;
        }
        for (int i = 0; i < types.length; i++) {
            Type type = types[i];
            long raw = read(frame, offset + offsets[i], type.size(), bigEndian[i]);
            double value = switch (type) {
                case INT8 -> (byte) raw;
                case UINT8, UINT16, UINT32 -> raw;
                case INT16 -> (short) raw;
                case INT32 -> (int) raw;
                case INT64 -> raw;
                case UINT64 -> unsignedToDouble(raw);
                case FLOAT32 -> Float.intBitsToFloat((int) raw);
                case FLOAT64 -> Double.longBitsToDouble(raw);
            };
            if (!Double.isFinite(value)) {
                errors.report(device, streamOffset, DecodeErrorReason.MALFORMED_NUMBER, frame, offset, length,
                        "field '" + names.name(i) + "': " + value + " is not a finite number");
                continue;
            }
            out.onField(i, value);
        }
    }

    /** Reads {@code size} bytes as an unsigned integer (zero-extended to 64 bits). */
    private static long read(byte[] frame, int at, int size, boolean bigEndian) {
        long value = 0;
        if (bigEndian) {
            for (int k = 0; k < size; k++) {
                value = (value << 8) | (frame[at + k] & 0xFFL);
            }
        } else {
            for (int k = size - 1; k >= 0; k--) {
                value = (value << 8) | (frame[at + k] & 0xFFL);
            }
        }
        return value;
    }

    /** The unsigned 64-bit value as the nearest double (one rounding: the high 53 bits are exact). */
    static double unsignedToDouble(long value) {
        if (value >= 0) {
            return value;
        }
        return (double) (value >>> 11) * 0x1p11 + (value & 0x7FF);
    }
}
