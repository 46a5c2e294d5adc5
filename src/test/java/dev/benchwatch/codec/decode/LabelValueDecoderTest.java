package dev.benchwatch.codec.decode;

import dev.benchwatch.codec.DecodeError;
import dev.benchwatch.codec.DecodeErrorReason;
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

class LabelValueDecoderTest {

    /** Decodes one frame embedded at offset 3 of a larger buffer, recording named fields and errors. */
    static final class Run {
        final Map<String, Double> fields = new LinkedHashMap<>();
        final List<DecodeError> errors = new ArrayList<>();

        Run(LabelValueDecoder decoder, byte[] frame, long streamOffset) {
            byte[] padded = new byte[frame.length + 6];
            padded[0] = 'x';
            padded[padded.length - 1] = 'y';
            System.arraycopy(frame, 0, padded, 3, frame.length);
            decoder.decode(padded, 3, frame.length, "dev1", streamOffset,
                    (index, value) -> fields.put(decoder.fields().name(index), value), errors::add);
        }

        Run(LabelValueDecoder decoder, String frame) {
            this(decoder, frame.getBytes(StandardCharsets.UTF_8), 100);
        }
    }

    @Test
    void labelledValuesSeparatedBySpacesTabsAndCommas() {
        Run run = new Run(new LabelValueDecoder(), "temp:21.5 hum:40\tlight:812,volt:-3.25e-1\r");
        assertThat(run.errors).isEmpty();
        assertThat(run.fields).containsExactly(
                Map.entry("temp", 21.5), Map.entry("hum", 40.0), Map.entry("light", 812.0), Map.entry("volt", -0.325));
    }

    @Test
    void labelsGetStableIndexesAcrossFrames() {
        LabelValueDecoder decoder = new LabelValueDecoder();
        new Run(decoder, "a:1 b:2");
        new Run(decoder, "b:3 c:4 a:5");
        assertThat(decoder.fields().all()).containsExactly("a", "b", "c");
    }

    @Test
    void bareValuesAreNamedByPosition() {
        Run run = new Run(new LabelValueDecoder(), "1.5, 2.5 ,3");
        assertThat(run.errors).isEmpty();
        assertThat(run.fields).containsExactly(Map.entry("value1", 1.5), Map.entry("value2", 2.5), Map.entry("value3", 3.0));
    }

    @Test
    void configuredPositionalNamesComeFirst() {
        LabelValueDecoder decoder = new LabelValueDecoder(List.of("x", "y"), 16);
        assertThat(decoder.fields().all()).containsExactly("x", "y");
        Run run = new Run(decoder, "10 20 30");
        assertThat(run.fields).containsExactly(Map.entry("x", 10.0), Map.entry("y", 20.0), Map.entry("value3", 30.0));
    }

    @Test
    void mixedLabelsAndBareValuesCountPositionsOverAllValues() {
        Run run = new Run(new LabelValueDecoder(), "a:1 2");
        assertThat(run.fields).containsExactly(Map.entry("a", 1.0), Map.entry("value2", 2.0));
    }

    @Test
    void valueInTheTokenAfterALabelWithColon() {
        Run run = new Run(new LabelValueDecoder(), "temp: 21.5 hum: 40");
        assertThat(run.errors).isEmpty();
        assertThat(run.fields).containsExactly(Map.entry("temp", 21.5), Map.entry("hum", 40.0));
    }

    @Test
    void utf8LabelsAreKept() {
        Run run = new Run(new LabelValueDecoder(), "Temp°C:21 Δp:-0.5");
        assertThat(run.errors).isEmpty();
        assertThat(run.fields).containsExactly(Map.entry("Temp°C", 21.0), Map.entry("Δp", -0.5));
    }

    @Test
    void blankFrameIsIgnored() {
        Run run = new Run(new LabelValueDecoder(), " \t,\r");
        assertThat(run.fields).isEmpty();
        assertThat(run.errors).isEmpty();
    }

    @Test
    void malformedNumberIsReportedAndGoodFieldsKept() {
        Run run = new Run(new LabelValueDecoder(), "a:1 b:1.2.3 c:3");
        assertThat(run.fields).containsExactly(Map.entry("a", 1.0), Map.entry("c", 3.0));
        assertThat(run.errors).containsExactly(new DecodeError("dev1", 100, DecodeErrorReason.MALFORMED_NUMBER,
                "a:1 b:1.2.3 c:3", "field 'b': '1.2.3' is not a number"));
    }

    @Test
    void nonFiniteTextIsMalformed() {
        for (String text : List.of("nan", "NaN", "inf", "-Infinity", "Infinity", "1e999", "0x10", "1d", "", "-", ".", "1e")) {
            Run run = new Run(new LabelValueDecoder(), "a:" + text + " b:2");
            assertThat(run.fields).as(text).containsExactly(Map.entry("b", 2.0));
            assertThat(run.errors).as(text).singleElement()
                    .extracting(DecodeError::reason).isEqualTo(DecodeErrorReason.MALFORMED_NUMBER);
        }
    }

    @Test
    void labelWithoutValueIsMalformed() {
        Run run = new Run(new LabelValueDecoder(), "a: b:2");
        assertThat(run.fields).containsExactly(Map.entry("b", 2.0));
        assertThat(run.errors).containsExactly(new DecodeError("dev1", 100, DecodeErrorReason.MALFORMED_NUMBER,
                "a: b:2", "field 'a': '' is not a number"));
    }

    @Test
    void bareMalformedValueIsNamedByPosition() {
        Run run = new Run(new LabelValueDecoder(), "1 x 3");
        assertThat(run.fields).containsExactly(Map.entry("value1", 1.0), Map.entry("value3", 3.0));
        assertThat(run.errors).containsExactly(new DecodeError("dev1", 100, DecodeErrorReason.MALFORMED_NUMBER,
                "1 x 3", "value #2: 'x' is not a number"));
    }

    @Test
    void emptyLabelIsNoMatch() {
        Run run = new Run(new LabelValueDecoder(), ":5 b:2");
        assertThat(run.fields).containsExactly(Map.entry("b", 2.0));
        assertThat(run.errors).containsExactly(new DecodeError("dev1", 100, DecodeErrorReason.NO_MATCH,
                ":5 b:2", "value #1 has an empty label"));
    }

    @Test
    void invalidUtf8InALabelRejectsTheWholeFrame() {
        byte[] frame = {'a', ':', '1', ' ', 'b', (byte) 0xC3, ':', '2'};
        Run run = new Run(new LabelValueDecoder(), frame, 7);
        assertThat(run.fields).isEmpty();
        assertThat(run.errors).containsExactly(new DecodeError("dev1", 7, DecodeErrorReason.INVALID_UTF8,
                "a:1 b\\xC3:2", "frame is not valid UTF-8"));
    }

    @Test
    void fullFieldTableDropsNewLabelsWithAnError() {
        LabelValueDecoder decoder = new LabelValueDecoder(List.of(), 2);
        Run run = new Run(decoder, "a:1 b:2 c:3");
        assertThat(run.fields).containsExactly(Map.entry("a", 1.0), Map.entry("b", 2.0));
        assertThat(run.errors).containsExactly(new DecodeError("dev1", 100, DecodeErrorReason.NO_MATCH,
                "a:1 b:2 c:3", "field table full (2 names): 'c' dropped"));
        assertThat(decoder.fields().size()).isEqualTo(2);
    }

    @Test
    void bareValuesKeepTheirIndexesAndRespectCapacity() {
        LabelValueDecoder decoder = new LabelValueDecoder(List.of("x"), 3);
        new Run(decoder, "a:1");
        Run first = new Run(decoder, "1 2 3");
        assertThat(first.fields).containsExactly(Map.entry("x", 1.0), Map.entry("value2", 2.0));
        assertThat(first.errors).containsExactly(new DecodeError("dev1", 100, DecodeErrorReason.NO_MATCH,
                "1 2 3", "field table full (3 names): 'value3' dropped"));
        Run second = new Run(decoder, "4 5");
        assertThat(second.errors).isEmpty();
        assertThat(second.fields).containsExactly(Map.entry("x", 4.0), Map.entry("value2", 5.0));
        assertThat(decoder.fields().all()).containsExactly("x", "a", "value2");
    }

    @Test
    void snippetIsCutForLongFrames() {
        String frame = "a:x" + " b:1".repeat(30);
        Run run = new Run(new LabelValueDecoder(), frame);
        assertThat(run.errors).singleElement().satisfies(error -> {
            assertThat(error.snippet()).isEqualTo(frame.substring(0, DecodeError.MAX_SNIPPET) + "…");
            assertThat(error.device()).isEqualTo("dev1");
            assertThat(error.byteOffset()).isEqualTo(100);
        });
    }

    @Test
    void configurationIsValidated() {
        assertThatThrownBy(() -> new LabelValueDecoder(List.of("a", " "), 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("positional names: name #2 is empty");
        assertThatThrownBy(() -> new LabelValueDecoder(List.of("a", "a"), 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("positional names: duplicate name 'a'");
        assertThatThrownBy(() -> new LabelValueDecoder(List.of("a", "b"), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("positional names: 2 names but at most 1 fields allowed");
        assertThatThrownBy(() -> new LabelValueDecoder(List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxFields must be >= 1, got 0");
    }

    // ---- properties ----

    static final String VALID = "temp:21.5 hum:40,2.5";

    @Property(tries = 300)
    void garbageNeverThrowsAndAValidFrameAfterItStillDecodes(@ForAll("garbage") byte[] garbage) {
        LabelValueDecoder decoder = new LabelValueDecoder(List.of(), 64);
        Run bad = new Run(decoder, garbage, 0);
        assertThat(bad.errors).allSatisfy(error -> {
            assertThat(error.device()).isEqualTo("dev1");
            assertThat(error.byteOffset()).isZero();
            assertThat(error.snippet().length()).isLessThanOrEqualTo(DecodeError.MAX_SNIPPET + 1);
        });
        assertThat(decoder.fields().size()).isLessThanOrEqualTo(64);
        // a frame of at most 200 bytes holds at most 60 new names, so the table still has room for the valid ones
        Run good = new Run(decoder, VALID);
        assertThat(good.errors).isEmpty();
        assertThat(good.fields).containsExactlyInAnyOrderEntriesOf(Map.of("temp", 21.5, "hum", 40.0, "value3", 2.5));
    }

    @Property(tries = 100)
    void fieldTableStaysBoundedUnderRandomLabels(@ForAll("garbageFrames") List<byte[]> frames) {
        LabelValueDecoder decoder = new LabelValueDecoder(List.of(), 8);
        for (byte[] frame : frames) {
            new Run(decoder, frame, 0);
            assertThat(decoder.fields().size()).isLessThanOrEqualTo(8);
        }
    }

    @Property(tries = 300)
    void invalidUtf8IsReportedExactlyWhenCharsetDecoderRejectsIt(@ForAll("garbage") byte[] bytes) {
        boolean valid;
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes));
            valid = true;
        } catch (java.nio.charset.CharacterCodingException e) {
            valid = false;
        }
        assertThat(StrictUtf8.isValid(bytes, 0, bytes.length)).isEqualTo(valid);
        Run run = new Run(new LabelValueDecoder(), bytes, 0);
        boolean reportedUtf8 = run.errors.stream().anyMatch(e -> e.reason() == DecodeErrorReason.INVALID_UTF8);
        assertThat(reportedUtf8).isEqualTo(!valid);
    }

    @Provide
    Arbitrary<List<byte[]>> garbageFrames() {
        return garbage().list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        Arbitrary<byte[]> utf8ish = Arbitraries.bytes().array(byte[].class).ofMaxSize(8)
                .map(tail -> concat("é€𝄞".getBytes(StandardCharsets.UTF_8), tail));
        Arbitrary<byte[]> mutated = Arbitraries.integers().between(0, VALID.length() - 1).list().ofMaxSize(6)
                .flatMap(positions -> Arbitraries.bytes().array(byte[].class).ofSize(positions.size())
                        .map(values -> mutate(VALID.getBytes(StandardCharsets.UTF_8), positions, values)));
        Arbitrary<byte[]> tokens = Arbitraries.of("a:", ":", "1", "-", "e", ".", " ", ",", "\t", "nan", "x:1", "1e999",
                        "\u00ff", "\r", "::", "9".repeat(70))
                .list().ofMaxSize(20).map(parts -> String.join("", parts).getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(random, utf8ish, mutated, tokens);
    }

    static byte[] mutate(byte[] valid, List<Integer> positions, byte[] values) {
        for (int k = 0; k < positions.size(); k++) {
            valid[positions.get(k)] = values[k];
        }
        return valid;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
