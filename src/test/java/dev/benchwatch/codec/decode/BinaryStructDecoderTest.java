package dev.benchwatch.codec.decode;

import dev.benchwatch.codec.DecodeError;
import dev.benchwatch.codec.DecodeErrorReason;
import dev.benchwatch.codec.decode.BinaryStructDecoder.Field;
import dev.benchwatch.codec.decode.BinaryStructDecoder.Type;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.nio.ByteOrder.BIG_ENDIAN;
import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinaryStructDecoderTest {

    static final class Run {
        final Map<String, Double> fields = new LinkedHashMap<>();
        final List<DecodeError> errors = new ArrayList<>();

        Run(BinaryStructDecoder decoder, byte[] frame, long streamOffset) {
            byte[] padded = new byte[frame.length + 4];
            padded[0] = (byte) 0xAA;
            padded[1] = (byte) 0xBB;
            padded[padded.length - 1] = 0x7F;
            System.arraycopy(frame, 0, padded, 2, frame.length);
            decoder.decode(padded, 2, frame.length, "can0", streamOffset,
                    (index, value) -> fields.put(decoder.fields().name(index), value), errors::add);
        }
    }

    static final List<Field> ALL_TYPES_BE = List.of(
            Field.of("i8", Type.INT8, BIG_ENDIAN), Field.of("u8", Type.UINT8, BIG_ENDIAN),
            Field.of("i16", Type.INT16, BIG_ENDIAN), Field.of("u16", Type.UINT16, BIG_ENDIAN),
            Field.of("i32", Type.INT32, BIG_ENDIAN), Field.of("u32", Type.UINT32, BIG_ENDIAN),
            Field.of("i64", Type.INT64, BIG_ENDIAN), Field.of("u64", Type.UINT64, BIG_ENDIAN),
            Field.of("f32", Type.FLOAT32, BIG_ENDIAN), Field.of("f64", Type.FLOAT64, BIG_ENDIAN));

    static List<Field> withOrder(List<Field> layout, java.nio.ByteOrder order) {
        return layout.stream().map(f -> new Field(f.name(), f.type(), order, f.offset())).toList();
    }

    static byte[] allTypes(java.nio.ByteOrder order) {
        return ByteBuffer.allocate(42).order(order)
                .put((byte) -5).put((byte) 0xFB)
                .putShort((short) -300).putShort((short) 0xFED4)
                .putInt(-70000).putInt(0xFFFEEE90)
                .putLong(-5_000_000_000L).putLong(-1L)
                .putFloat(1.5f).putDouble(-2.25)
                .array();
    }

    static final Map<String, Double> ALL_TYPES_VALUES = values(
            "i8", -5.0, "u8", 251.0, "i16", -300.0, "u16", 65236.0, "i32", -70000.0, "u32", 4294897296.0,
            "i64", -5e9, "u64", 18446744073709551615.0, "f32", 1.5, "f64", -2.25);

    static Map<String, Double> values(Object... pairs) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Double) pairs[i + 1]);
        }
        return map;
    }

    @Test
    void everyTypeBigEndian() {
        BinaryStructDecoder decoder = new BinaryStructDecoder(ALL_TYPES_BE);
        assertThat(decoder.frameLength()).isEqualTo(42);
        Run run = new Run(decoder, allTypes(BIG_ENDIAN), 0);
        assertThat(run.errors).isEmpty();
        assertThat(run.fields).containsExactlyEntriesOf(ALL_TYPES_VALUES);
    }

    @Test
    void everyTypeLittleEndian() {
        BinaryStructDecoder decoder = new BinaryStructDecoder(withOrder(ALL_TYPES_BE, LITTLE_ENDIAN));
        Run run = new Run(decoder, allTypes(LITTLE_ENDIAN), 0);
        assertThat(run.errors).isEmpty();
        assertThat(run.fields).containsExactlyEntriesOf(ALL_TYPES_VALUES);
    }

    @Test
    void fixedOffsetsMixedOrdersAndExtraBytesIgnored() {
        BinaryStructDecoder decoder = new BinaryStructDecoder(List.of(
                Field.at("b", Type.UINT16, LITTLE_ENDIAN, 4), Field.of("c", Type.INT8, BIG_ENDIAN),
                Field.at("a", Type.UINT16, BIG_ENDIAN, 0)), 8);
        assertThat(decoder.frameLength()).isEqualTo(7);
        byte[] frame = {0x01, 0x02, 0, 0, 0x03, 0x04, (byte) 0xFF, 9, 9};
        Run run = new Run(decoder, frame, 0);
        assertThat(run.errors).isEmpty();
        assertThat(run.fields).containsExactlyEntriesOf(values("b", 1027.0, "c", -1.0, "a", 258.0));
    }

    @Test
    void shortFrameIsTruncated() {
        BinaryStructDecoder decoder = new BinaryStructDecoder(List.of(Field.of("a", Type.INT32, BIG_ENDIAN)));
        Run run = new Run(decoder, new byte[] {0x41, 0x00, 0x7F}, 512);
        assertThat(run.fields).isEmpty();
        assertThat(run.errors).containsExactly(new DecodeError("can0", 512, DecodeErrorReason.TRUNCATED_FRAME,
                "A\\x00\\x7F", "frame has 3 bytes, the layout needs 4"));
    }

    @Test
    void nonFiniteFloatIsMalformedAndOtherFieldsKept() {
        BinaryStructDecoder decoder = new BinaryStructDecoder(List.of(
                Field.of("f", Type.FLOAT32, BIG_ENDIAN), Field.of("n", Type.UINT8, BIG_ENDIAN)));
        byte[] frame = ByteBuffer.allocate(5).putFloat(Float.NaN).put((byte) 7).array();
        Run run = new Run(decoder, frame, 3);
        assertThat(run.fields).containsExactlyEntriesOf(values("n", 7.0));
        assertThat(run.errors).containsExactly(new DecodeError("can0", 3, DecodeErrorReason.MALFORMED_NUMBER,
                "\\x7F\\xC0\\x00\\x00\\x07", "field 'f': NaN is not a finite number"));
    }

    @Test
    void configurationIsValidated() {
        assertThatThrownBy(() -> new BinaryStructDecoder(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("binary layout: at least one field is needed");
        assertThatThrownBy(() -> new BinaryStructDecoder(List.of(Field.of("a", null, BIG_ENDIAN))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("binary layout: field 'a' has no type");
        assertThatThrownBy(() -> new BinaryStructDecoder(List.of(Field.of("a", Type.INT8, null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("binary layout: field 'a' has no byte order");
        assertThatThrownBy(() -> new BinaryStructDecoder(List.of(Field.at("a", Type.INT8, BIG_ENDIAN, -2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("binary layout: field 'a': offset -2");
        assertThatThrownBy(() -> new BinaryStructDecoder(List.of(Field.at("a", Type.INT64, BIG_ENDIAN, Integer.MAX_VALUE))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("binary layout: field 'a' ends beyond the largest possible frame");
        assertThatThrownBy(() -> new BinaryStructDecoder(List.of(Field.of("a", Type.INT8, BIG_ENDIAN),
                Field.of("a", Type.INT8, BIG_ENDIAN))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("binary layout: duplicate name 'a'");
        assertThatThrownBy(() -> new BinaryStructDecoder(List.of(Field.of("", Type.INT8, BIG_ENDIAN))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("binary layout: name #1 is empty");
    }

    @Property(tries = 500)
    void anyFrameDecodesLikeByteBufferOrIsReported(@ForAll("frames") byte[] frame) {
        BinaryStructDecoder be = new BinaryStructDecoder(ALL_TYPES_BE);
        BinaryStructDecoder le = new BinaryStructDecoder(withOrder(ALL_TYPES_BE, LITTLE_ENDIAN));
        for (java.nio.ByteOrder order : List.of(BIG_ENDIAN, LITTLE_ENDIAN)) {
            Run run = new Run(order == BIG_ENDIAN ? be : le, frame, 0);
            if (frame.length < 42) {
                assertThat(run.fields).isEmpty();
                assertThat(run.errors).extracting(DecodeError::reason).containsExactly(DecodeErrorReason.TRUNCATED_FRAME);
                continue;
            }
            ByteBuffer buffer = ByteBuffer.wrap(frame).order(order);
            Map<String, Double> expected = values(
                    "i8", (double) buffer.get(0), "u8", (double) (buffer.get(1) & 0xFF),
                    "i16", (double) buffer.getShort(2), "u16", (double) (buffer.getShort(4) & 0xFFFF),
                    "i32", (double) buffer.getInt(6), "u32", (double) (buffer.getInt(10) & 0xFFFFFFFFL),
                    "i64", (double) buffer.getLong(14),
                    "u64", new BigInteger(Long.toUnsignedString(buffer.getLong(22))).doubleValue(),
                    "f32", (double) buffer.getFloat(30), "f64", buffer.getDouble(34));
            expected.values().removeIf(v -> !Double.isFinite(v));
            assertThat(run.fields).containsExactlyEntriesOf(expected);
            assertThat(run.errors).hasSize(10 - expected.size())
                    .allSatisfy(e -> assertThat(e.reason()).isEqualTo(DecodeErrorReason.MALFORMED_NUMBER));
        }
        // a good frame after any other still decodes
        assertThat(new Run(be, allTypes(BIG_ENDIAN), 0).fields).containsExactlyEntriesOf(ALL_TYPES_VALUES);
    }

    @Property(tries = 300)
    void unsignedToDoubleIsCorrectlyRounded(@ForAll long value) {
        assertThat(BinaryStructDecoder.unsignedToDouble(value))
                .isEqualTo(new BigInteger(Long.toUnsignedString(value)).doubleValue());
    }

    @Provide
    Arbitrary<byte[]> frames() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(60),
                Arbitraries.bytes().array(byte[].class).ofMinSize(42).ofMaxSize(44),
                Arbitraries.of((byte) 0x7F, (byte) 0xFF, (byte) 0x80, (byte) 0).array(byte[].class).ofSize(42));
    }
}
