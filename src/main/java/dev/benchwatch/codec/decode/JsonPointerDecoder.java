package dev.benchwatch.codec.decode;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.benchwatch.codec.DecodeError;
import dev.benchwatch.codec.DecodeErrorReason;
import dev.benchwatch.codec.DecodeErrorSink;
import dev.benchwatch.codec.FieldNames;
import dev.benchwatch.codec.FieldSink;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decodes one JSON object per frame, picking numeric fields by JSON pointer (RFC 6901), e.g.
 * {@code temp = /sensors/0/temp}.
 *
 * <ul>
 *   <li>With configured pointers ({@link #withPointers}), field {@code i} is the {@code i}-th pointer. A JSON
 *       number is taken as is; a string holding a plain decimal ({@code "21.5"}) is accepted too. A pointer
 *       that is missing, {@code null}, a boolean, an object or an array is skipped without an error; a string
 *       that is not a number, or a number beyond the double range, is reported as {@code MALFORMED_NUMBER}.
 *       When none of the pointers gives a value (and none was malformed) the frame is reported as
 *       {@code NO_MATCH}.</li>
 *   <li>With {@link #allNumericLeaves}, every JSON number in the document is emitted, named by its JSON
 *       pointer ({@code /sensors/0/temp}), in document order. Names are added to {@link #fields()} up to its
 *       capacity; leaves that no longer fit are dropped and reported once per frame as {@code NO_MATCH}.
 *       A document with no number at all is reported as {@code NO_MATCH}. The root may be an array, or a
 *       bare number (as many MQTT sensors publish), which is named {@code /value}.</li>
 *   <li>A document that ends early is {@code TRUNCATED_JSON}; any other syntax error, trailing content after
 *       the object, or (with pointers) a root that is not an object is {@code INVALID_JSON}; bytes that are not UTF-8 are
 *       {@code INVALID_UTF8}. A blank frame is ignored without an error.</li>
 * </ul>
 *
 * Parsing builds a Jackson tree per frame, which allocates: JSON decoding is off the hot path by design.
 * Jackson's stream limits (nesting depth, number length) apply. Not thread-safe (one instance per device).
 */
public final class JsonPointerDecoder extends TextDecoder {
    /** One configured field: its name and where it sits in the document. */
    public record Field(String name, String pointer) {
    }

    /** The name a bare-number document gets with {@link #allNumericLeaves}. */
    static final String BARE_NUMBER = "value";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final int MAX_MESSAGE = 160;

    private final JsonPointer[] pointers;

    private JsonPointerDecoder(FieldNames names, JsonPointer[] pointers) {
        super(names);
        this.pointers = pointers;
    }

    /** Fields picked by pointer; the table holds at most {@code maxFields} names (at least the fields). */
    public static JsonPointerDecoder withPointers(List<Field> fields, int maxFields) {
        Objects.requireNonNull(fields, "fields");
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("JSON fields: at least one (name, pointer) is needed "
                    + "(or use allNumericLeaves)");
        }
        List<String> fieldNames = new ArrayList<>(fields.size());
        JsonPointer[] pointers = new JsonPointer[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            Field field = Objects.requireNonNull(fields.get(i), "JSON fields: field #" + (i + 1));
            fieldNames.add(field.name());
            pointers[i] = compile(field);
        }
        FieldNames names = ConfiguredNames.register(fieldNames, maxFields, "JSON fields");
        return new JsonPointerDecoder(names, pointers);
    }

    /** Fields picked by pointer, up to {@link FieldNames#DEFAULT_MAX_FIELDS}. */
    public static JsonPointerDecoder withPointers(List<Field> fields) {
        return withPointers(fields, FieldNames.DEFAULT_MAX_FIELDS);
    }

    /** Every numeric leaf, named by its pointer, up to {@code maxFields} distinct names. */
    public static JsonPointerDecoder allNumericLeaves(int maxFields) {
        return new JsonPointerDecoder(ConfiguredNames.register(List.of(), maxFields, "JSON fields"), null);
    }

    private static JsonPointer compile(Field field) {
        String pointer = field.pointer();
        String what = "JSON field '" + field.name() + "': ";
        if (pointer == null || pointer.isEmpty()) {
            throw new IllegalArgumentException(what + "pointer is empty (the root is an object, not a number)");
        }
        try {
            return JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + "bad JSON pointer '" + pointer
                    + "': it must start with '/' and use ~0 and ~1 as escapes", e);
        }
    }


    @Override
    protected void decodeText(byte[] frame, int offset, int length, String device, long streamOffset, FieldSink out,
                              DecodeErrorSink errors) {
        if (isBlank(frame, offset, length)) {
            return;
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(frame, offset, length);
        } catch (JsonEOFException e) {
            errors.report(device, streamOffset, DecodeErrorReason.TRUNCATED_JSON, frame, offset, length,
                    "JSON ends early: " + shortMessage(e));
            return;
        } catch (JsonProcessingException e) {
            errors.report(device, streamOffset, DecodeErrorReason.INVALID_JSON, frame, offset, length,
                    "not valid JSON: " + shortMessage(e));
            return;
        } catch (Exception e) {
            // IOException from encoding detection, or anything unexpected from the parser: never escapes
            errors.report(device, streamOffset, DecodeErrorReason.INVALID_JSON, frame, offset, length,
                    "not valid JSON: " + e.getClass().getSimpleName());
            return;
        }
        if (pointers == null && root != null && root.isNumber()) {
            root = MAPPER.createObjectNode().set(BARE_NUMBER, root); // an MQTT payload of just "21.5"
        }
        if (root == null || !(root.isObject() || pointers == null && root.isArray())) {
            errors.report(device, streamOffset, DecodeErrorReason.INVALID_JSON, frame, offset, length,
                    "not a JSON object: " + (root == null ? "empty" : root.getNodeType().toString().toLowerCase()));
            return;
        }
        if (pointers == null) {
            emitLeaves(root, frame, offset, length, device, streamOffset, out, errors);
        } else {
            emitPointers(root, frame, offset, length, device, streamOffset, out, errors);
        }
    }

    private void emitPointers(JsonNode root, byte[] frame, int offset, int length, String device, long streamOffset,
                              FieldSink out, DecodeErrorSink errors) {
        int matched = 0;
        for (int i = 0; i < pointers.length; i++) {
            JsonNode node = root.at(pointers[i]);
            double value;
            if (node.isNumber()) {
                value = node.doubleValue();
                if (!Double.isFinite(value)) {
                    matched++;
                    errors.report(device, streamOffset, DecodeErrorReason.MALFORMED_NUMBER, frame, offset, length,
                            "field '" + names.name(i) + "': number out of range");
                    continue;
                }
            } else if (node.isTextual()) {
                byte[] text = node.textValue().strip().getBytes(StandardCharsets.UTF_8);
                value = DecimalText.parse(text, 0, text.length);
                if (Double.isNaN(value)) {
                    matched++;
                    errors.report(device, streamOffset, DecodeErrorReason.MALFORMED_NUMBER, frame, offset, length,
                            "field '" + names.name(i) + "': '" + DecodeError.snippet(text, 0, text.length)
                                    + "' is not a number");
                    continue;
                }
            } else {
                continue;
            }
            matched++;
            out.onField(i, value);
        }
        if (matched == 0) {
            errors.report(device, streamOffset, DecodeErrorReason.NO_MATCH, frame, offset, length,
                    "none of the " + pointers.length + " JSON pointers found a value");
        }
    }

    private void emitLeaves(JsonNode root, byte[] frame, int offset, int length, String device, long streamOffset,
                            FieldSink out, DecodeErrorSink errors) {
        int found = 0;
        int dropped = 0;
        Deque<Map.Entry<String, JsonNode>> stack = new ArrayDeque<>();
        stack.push(Map.entry("", root));
        while (!stack.isEmpty()) {
            Map.Entry<String, JsonNode> entry = stack.pop();
            String path = entry.getKey();
            JsonNode node = entry.getValue();
            if (node.isNumber()) {
                double value = node.doubleValue();
                if (!Double.isFinite(value)) {
                    errors.report(device, streamOffset, DecodeErrorReason.MALFORMED_NUMBER, frame, offset, length,
                            "field '" + path + "': number out of range");
                    continue;
                }
                found++;
                int index = names.indexOf(path);
                if (index < 0) {
                    dropped++;
                } else {
                    out.onField(index, value);
                }
            } else if (node.isObject()) {
                List<Map.Entry<String, JsonNode>> children = new ArrayList<>();
                for (Map.Entry<String, JsonNode> child : node.properties()) {
                    children.add(Map.entry(path + "/" + escape(child.getKey()), child.getValue()));
                }
                pushReversed(stack, children);
            } else if (node.isArray()) {
                List<Map.Entry<String, JsonNode>> children = new ArrayList<>(node.size());
                for (int i = 0; i < node.size(); i++) {
                    children.add(Map.entry(path + "/" + i, node.get(i)));
                }
                pushReversed(stack, children);
            }
        }
        if (dropped > 0) {
            errors.report(device, streamOffset, DecodeErrorReason.NO_MATCH, frame, offset, length,
                    "field table full (" + names.size() + " names): " + dropped + " numeric leaves dropped");
        } else if (found == 0) {
            errors.report(device, streamOffset, DecodeErrorReason.NO_MATCH, frame, offset, length,
                    "the JSON object holds no number");
        }
    }

    private static void pushReversed(Deque<Map.Entry<String, JsonNode>> stack, List<Map.Entry<String, JsonNode>> children) {
        for (int i = children.size() - 1; i >= 0; i--) {
            stack.push(children.get(i));
        }
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static boolean isBlank(byte[] frame, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = frame[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static String shortMessage(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "…" : message;
    }
}
