package dev.benchwatch.codec.decode;

import dev.benchwatch.codec.decode.BinaryStructDecoder.Field;
import dev.benchwatch.codec.decode.BinaryStructDecoder.Type;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A binary struct layout written on one line, for the command line and workspace files:
 * {@code temp:f32, raw:u16be, flags:u8@12}. Each field is {@code name:type[le|be][@offset]}; types are
 * i8 u8 i16 u16 i32 u32 i64 u64 f32 f64; the byte order defaults to little-endian (what most
 * microcontrollers send); without an offset a field follows the previous one.
 */
public final class StructLayoutText {
    private static final Pattern FIELD = Pattern.compile(
            "([A-Za-z_][A-Za-z0-9_.\\-]*):(i8|u8|i16|u16|i32|u32|i64|u64|f32|f64)(le|be)?(?:@(\\d+))?");

    private StructLayoutText() {
    }

    /** The fields, in order; a clear message naming the field in error otherwise. */
    public static List<Field> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("binary layout is empty; expected e.g. 'temp:f32, raw:u16be'");
        }
        List<Field> fields = new ArrayList<>();
        String[] parts = text.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            Matcher m = FIELD.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("binary layout field " + (i + 1) + " '" + part
                        + "': expected name:type[le|be][@offset] with type one of i8 u8 i16 u16 i32 u32 i64 u64 f32 f64");
            }
            Type type = type(m.group(2));
            ByteOrder order = "be".equals(m.group(3)) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            int offset;
            try {
                offset = m.group(4) == null ? BinaryStructDecoder.SEQUENTIAL : Integer.parseInt(m.group(4));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("binary layout field " + (i + 1) + " '" + part + "': offset too large");
            }
            fields.add(new Field(m.group(1), type, order, offset));
        }
        return fields;
    }

    private static Type type(String code) {
        return switch (code) {
            case "i8" -> Type.INT8;
            case "u8" -> Type.UINT8;
            case "i16" -> Type.INT16;
            case "u16" -> Type.UINT16;
            case "i32" -> Type.INT32;
            case "u32" -> Type.UINT32;
            case "i64" -> Type.INT64;
            case "u64" -> Type.UINT64;
            case "f32" -> Type.FLOAT32;
            case "f64" -> Type.FLOAT64;
            default -> throw new IllegalStateException(code); // the pattern admits no other
        };
    }
}
