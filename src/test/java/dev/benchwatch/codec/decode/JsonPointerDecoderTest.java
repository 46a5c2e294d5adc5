package dev.benchwatch.codec.decode;

import dev.benchwatch.codec.DecodeError;
import dev.benchwatch.codec.DecodeErrorReason;
import dev.benchwatch.codec.Decoder;
import dev.benchwatch.codec.decode.JsonPointerDecoder.Field;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonPointerDecoderTest {

    static final class Run extends DecodeRun {
        Run(Decoder decoder, byte[] frame, long streamOffset) {
            super(decoder, "mqtt/lab", '{', '}', frame, streamOffset);
        }

        Run(Decoder decoder, String frame) {
            this(decoder, frame.getBytes(StandardCharsets.UTF_8), 1000);
        }
    }

    static JsonPointerDecoder sensors() {
        return JsonPointerDecoder.withPointers(List.of(
                new Field("temp", "/sensors/0/temp"), new Field("hum", "/sensors/1/hum"), new Field("v", "/v")));
    }

    static final String VALID = "{\"sensors\":[{\"temp\":21.5},{\"hum\":\"40\"}],\"v\":-3}";

    @Test
    void picksNestedFieldsByPointerAndAcceptsNumbersInStrings() {
        JsonPointerDecoder decoder = sensors();
        assertThat(decoder.fields().all()).containsExactly("temp", "hum", "v");
        Run run = new Run(decoder, VALID);
        assertThat(run.errors).isEmpty();
        assertThat(run.fields).containsExactly(Map.entry("temp", 21.5), Map.entry("hum", 40.0), Map.entry("v", -3.0));
    }

    @Test
    void missingAndNonNumericPointersAreSkippedSilently() {
        Run run = new Run(sensors(), "{\"sensors\":[{\"temp\":null},{\"hum\":true}],\"v\":1e2, \"x\":\"ok\"}");
        assertThat(run.errors).isEmpty();
        assertThat(run.fields).containsExactly(Map.entry("v", 100.0));
    }

    @Test
    void noPointerMatchingIsNoMatch() {
        Run run = new Run(sensors(), "{\"other\":1}");
        assertThat(run.fields).isEmpty();
        assertThat(run.errors).containsExactly(new DecodeError("mqtt/lab", 1000, DecodeErrorReason.NO_MATCH,
                "{\"other\":1}", "none of the 3 JSON pointers found a value"));
    }

    @Test
    void nonNumericStringIsMalformedAndOtherFieldsKept() {
        Run run = new Run(sensors(), "{\"sensors\":[{\"temp\":\"warm\"}],\"v\":2}");
        assertThat(run.fields).containsExactly(Map.entry("v", 2.0));
        assertThat(run.errors).containsExactly(new DecodeError("mqtt/lab", 1000, DecodeErrorReason.MALFORMED_NUMBER,
                "{\"sensors\":[{\"temp\":\"warm\"}],\"v\":2}", "field 'temp': 'warm' is not a number"));
    }

    @Test
    void numberOutOfRangeIsMalformed() {
        Run run = new Run(sensors(), "{\"v\":1e400}");
        assertThat(run.fields).isEmpty();
        assertThat(run.errors).containsExactly(new DecodeError("mqtt/lab", 1000, DecodeErrorReason.MALFORMED_NUMBER,
                "{\"v\":1e400}", "field 'v': number out of range"));
    }

    @Test
    void truncatedJson() {
        for (String text : List.of("{\"v\":1", "{\"v\":", "{\"v\":\"ab", "{", "{\"sensors\":[{\"temp\":2")) {
            Run run = new Run(sensors(), text);
            assertThat(run.fields).as(text).isEmpty();
            assertThat(run.errors).as(text).singleElement().satisfies(error -> {
                assertThat(error.reason()).isEqualTo(DecodeErrorReason.TRUNCATED_JSON);
                assertThat(error.device()).isEqualTo("mqtt/lab");
                assertThat(error.byteOffset()).isEqualTo(1000);
                assertThat(error.snippet()).isEqualTo(text);
                assertThat(error.message()).startsWith("JSON ends early: ");
            });
        }
    }

    @Test
    void invalidJson() {
        for (String text : List.of("{v:1}", "{\"v\":1} trailing", "{\"v\":NaN}", "[1,2]", "42", "{\"v\":1,}", "}")) {
            Run run = new Run(sensors(), text);
            assertThat(run.fields).as(text).isEmpty();
            assertThat(run.errors).as(text).singleElement().satisfies(error -> {
                assertThat(error.reason()).isEqualTo(DecodeErrorReason.INVALID_JSON);
                assertThat(error.snippet()).isEqualTo(text);
                assertThat(error.byteOffset()).isEqualTo(1000);
            });
        }
        assertThat(new Run(sensors(), "[1,2]").errors.get(0).message()).isEqualTo("not a JSON object: array");
    }

    @Test
    void deepNestingIsRejectedWithoutBlowingTheStack() {
        String deep = "{\"a\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}";
        Run run = new Run(sensors(), deep);
        assertThat(run.errors).singleElement().extracting(DecodeError::reason).isEqualTo(DecodeErrorReason.INVALID_JSON);
        Run leaves = new Run(JsonPointerDecoder.allNumericLeaves(4), deep);
        assertThat(leaves.errors).singleElement().extracting(DecodeError::reason).isEqualTo(DecodeErrorReason.INVALID_JSON);
        assertThat(new Run(sensors(), VALID).fields).hasSize(3);
    }

    @Test
    void invalidUtf8() {
        byte[] frame = {'{', '"', (byte) 0xE2, (byte) 0x82, '"', ':', '1', '}'};
        Run run = new Run(sensors(), frame, 3);
        assertThat(run.errors).containsExactly(new DecodeError("mqtt/lab", 3, DecodeErrorReason.INVALID_UTF8,
                "{\"\\xE2\\x82\":1}", "frame is not valid UTF-8"));
    }

    @Test
    void blankFrameIsIgnored() {
        Run run = new Run(sensors(), " \r\n");
        assertThat(run.errors).isEmpty();
        assertThat(run.fields).isEmpty();
    }

    @Test
    void allNumericLeavesAreNamedByPointer() {
        JsonPointerDecoder decoder = JsonPointerDecoder.allNumericLeaves(16);
        Run run = new Run(decoder, "{\"a\":1,\"b\":{\"c\":[2,{\"d\":3}],\"s\":\"x\",\"t\":true},\"e/f~g\":4}");
        assertThat(run.errors).isEmpty();
        assertThat(run.fields).containsExactly(Map.entry("/a", 1.0), Map.entry("/b/c/0", 2.0),
                Map.entry("/b/c/1/d", 3.0), Map.entry("/e~1f~0g", 4.0));
    }

    @Test
    void allNumericLeavesIsBoundedByCapacity() {
        JsonPointerDecoder decoder = JsonPointerDecoder.allNumericLeaves(2);
        Run run = new Run(decoder, "{\"a\":1,\"b\":2,\"c\":3,\"d\":4}");
        assertThat(run.fields).containsExactly(Map.entry("/a", 1.0), Map.entry("/b", 2.0));
        assertThat(run.errors).containsExactly(new DecodeError("mqtt/lab", 1000, DecodeErrorReason.NO_MATCH,
                "{\"a\":1,\"b\":2,\"c\":3,\"d\":4}", "field table full (2 names): 2 numeric leaves dropped"));
        assertThat(decoder.fields().size()).isEqualTo(2);
    }

    @Test
    void allNumericLeavesTakesABareNumberOrAnArrayAsTheDocument() {
        Run bare = new Run(JsonPointerDecoder.allNumericLeaves(4), " 21.5 ");
        assertThat(bare.errors).isEmpty();
        assertThat(bare.fields).containsExactly(java.util.Map.entry("/value", 21.5));
        Run array = new Run(JsonPointerDecoder.allNumericLeaves(4), "[1, [2]]");
        assertThat(array.errors).isEmpty();
        assertThat(array.fields).containsExactly(java.util.Map.entry("/0", 1.0), java.util.Map.entry("/1/0", 2.0));
        Run text = new Run(JsonPointerDecoder.allNumericLeaves(4), "\"21.5\"");
        assertThat(text.errors).singleElement().extracting(DecodeError::reason).isEqualTo(DecodeErrorReason.INVALID_JSON);
    }

    @Test
    void allNumericLeavesWithoutNumbersIsNoMatch() {
        Run run = new Run(JsonPointerDecoder.allNumericLeaves(4), "{\"a\":\"x\"}");
        assertThat(run.errors).containsExactly(new DecodeError("mqtt/lab", 1000, DecodeErrorReason.NO_MATCH,
                "{\"a\":\"x\"}", "the JSON object holds no number"));
    }

    @Test
    void configurationIsValidated() {
        assertThatThrownBy(() -> JsonPointerDecoder.withPointers(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("JSON fields: at least one");
        assertThatThrownBy(() -> JsonPointerDecoder.withPointers(List.of(new Field("a", "temp"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("JSON field 'a': bad JSON pointer 'temp'");
        assertThatThrownBy(() -> JsonPointerDecoder.withPointers(List.of(new Field("a", ""))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("JSON field 'a': pointer is empty");
        assertThatThrownBy(() -> JsonPointerDecoder.withPointers(List.of(new Field("a", "/x"), new Field("a", "/y"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("JSON fields: duplicate name 'a'");
        assertThatThrownBy(() -> JsonPointerDecoder.withPointers(List.of(new Field(" ", "/x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("JSON fields: name #1 is empty");
        assertThatThrownBy(() -> JsonPointerDecoder.allNumericLeaves(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxFields must be >= 1, got 0");
    }

    // ---- properties ----

    @Property(tries = 300)
    void garbageNeverThrowsAndAValidFrameAfterItStillDecodes(@ForAll("garbage") byte[] garbage) {
        JsonPointerDecoder decoder = sensors();
        Run bad = new Run(decoder, garbage, 0);
        assertThat(bad.errors).allSatisfy(error -> {
            assertThat(error.byteOffset()).isZero();
            assertThat(error.message().length()).isLessThan(300);
        });
        Run good = new Run(decoder, VALID);
        assertThat(good.errors).isEmpty();
        assertThat(good.fields).containsExactly(Map.entry("temp", 21.5), Map.entry("hum", 40.0), Map.entry("v", -3.0));
    }

    @Property(tries = 200)
    void leavesModeStaysBounded(@ForAll("garbage") byte[] garbage) {
        JsonPointerDecoder decoder = JsonPointerDecoder.allNumericLeaves(3);
        new Run(decoder, garbage, 0);
        new Run(decoder, VALID);
        assertThat(decoder.fields().size()).isLessThanOrEqualTo(3);
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        Arbitrary<byte[]> mutated = Arbitraries.integers().between(0, VALID.length() - 1).list().ofMaxSize(4)
                .flatMap(positions -> Arbitraries.bytes().array(byte[].class).ofSize(positions.size())
                        .map(values -> LabelValueDecoderTest.mutate(VALID.getBytes(StandardCharsets.UTF_8),
                                positions, values)));
        Arbitrary<byte[]> truncated = Arbitraries.integers().between(0, VALID.length())
                .map(n -> VALID.substring(0, n).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> tokens = Arbitraries.of("{", "}", "[", "]", "\"", ":", ",", "1", "-", "e", ".", "\"v\"",
                        "null", "true", "\\", "\u00e9", "1e999", "/*", "\u0000")
                .list().ofMaxSize(30).map(parts -> String.join("", parts).getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(random, mutated, truncated, tokens);
    }
}
