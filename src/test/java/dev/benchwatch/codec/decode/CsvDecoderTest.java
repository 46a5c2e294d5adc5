package dev.benchwatch.codec.decode;

import dev.benchwatch.codec.DecodeError;
import dev.benchwatch.codec.DecodeErrorReason;
import dev.benchwatch.codec.DecodeErrorSink;
import dev.benchwatch.codec.Decoder;
import dev.benchwatch.codec.FieldSink;
import com.sun.management.ThreadMXBean;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvDecoderTest {

    static final class Run extends DecodeRun {
        Run(Decoder decoder, byte[] frame, long streamOffset) {
            super(decoder, "csv0", '9', '9', frame, streamOffset);
        }

        Run(Decoder decoder, String frame) {
            this(decoder, frame.getBytes(StandardCharsets.UTF_8), 42);
        }
    }

    static DecodeError error(DecodeErrorReason reason, String snippet, String message) {
        return new DecodeError("csv0", 42, reason, snippet, message);
    }

    @Test
    void configuredColumns() {
        CsvDecoder decoder = CsvDecoder.withColumns(List.of("t", "temp", "hum"));
        assertThat(decoder.fields().all()).containsExactly("t", "temp", "hum");
        Run run = new Run(decoder, " 12 ,21.5,\t-4e2 \r");
        assertThat(run.errors).isEmpty();
        assertThat(run.fields).containsExactly(Map.entry("t", 12.0), Map.entry("temp", 21.5), Map.entry("hum", -400.0));
    }

    @Test
    void configurableSeparator() {
        CsvDecoder decoder = CsvDecoder.withColumns(List.of("a", "b"), ';', 8);
        assertThat(new Run(decoder, "1.5;2").fields).containsExactly(Map.entry("a", 1.5), Map.entry("b", 2.0));
        CsvDecoder tabs = CsvDecoder.withColumns(List.of("a", "b"), '\t', 8);
        assertThat(new Run(tabs, " 1\t 2 ").fields).containsExactly(Map.entry("a", 1.0), Map.entry("b", 2.0));
    }

    @Test
    void headerLineNamesTheColumns() {
        CsvDecoder decoder = CsvDecoder.withHeaderLine();
        assertThat(decoder.hasColumns()).isFalse();
        Run header = new Run(decoder, "time, temp °C ,hum\r");
        assertThat(header.fields).isEmpty();
        assertThat(header.errors).isEmpty();
        assertThat(decoder.hasColumns()).isTrue();
        assertThat(decoder.fields().all()).containsExactly("time", "temp °C", "hum");
        Run data = new Run(decoder, "1,2,3");
        assertThat(data.fields).containsExactly(Map.entry("time", 1.0), Map.entry("temp °C", 2.0), Map.entry("hum", 3.0));
    }

    @Test
    void repeatedHeaderIsIgnoredAndNamesNeverChange() {
        CsvDecoder decoder = CsvDecoder.withHeaderLine();
        new Run(decoder, "a,b");
        Run again = new Run(decoder, "a , b");
        assertThat(again.errors).isEmpty();
        assertThat(again.fields).isEmpty();
        Run other = new Run(decoder, "c,d");
        assertThat(other.errors).extracting(DecodeError::reason)
                .containsExactly(DecodeErrorReason.MALFORMED_NUMBER, DecodeErrorReason.MALFORMED_NUMBER);
        assertThat(decoder.fields().all()).containsExactly("a", "b");
    }

    @Test
    void dataBeforeHeaderIsNoMatch() {
        CsvDecoder decoder = CsvDecoder.withHeaderLine();
        Run run = new Run(decoder, "1,2");
        assertThat(run.fields).isEmpty();
        assertThat(run.errors).containsExactly(error(DecodeErrorReason.NO_MATCH, "1,2",
                "no header line seen yet; a header has no numeric field"));
        Run mixed = new Run(decoder, "1,x");
        assertThat(mixed.errors).extracting(DecodeError::reason).containsExactly(DecodeErrorReason.NO_MATCH);
        assertThat(decoder.hasColumns()).isFalse();
    }

    @Test
    void badHeaderLinesAreRejected() {
        CsvDecoder decoder = CsvDecoder.withHeaderLine(',', 3);
        assertThat(new Run(decoder, "a,,b").errors).containsExactly(error(DecodeErrorReason.NO_MATCH, "a,,b",
                "header line rejected: column 2 has no name"));
        assertThat(new Run(decoder, "a,a").errors).containsExactly(error(DecodeErrorReason.NO_MATCH, "a,a",
                "header line rejected: duplicate column 'a'"));
        assertThat(new Run(decoder, "a,b,c,d").errors).containsExactly(error(DecodeErrorReason.NO_MATCH, "a,b,c,d",
                "header line has 4 columns, at most 3 allowed"));
        assertThat(decoder.hasColumns()).isFalse();
        assertThat(decoder.fields().size()).isZero();
        assertThat(new Run(decoder, "x,y").errors).isEmpty();
        assertThat(decoder.fields().all()).containsExactly("x", "y");
    }

    @Test
    void wrongFieldCountIsNoMatch() {
        CsvDecoder decoder = CsvDecoder.withColumns(List.of("a", "b"));
        Run run = new Run(decoder, "1,2,3");
        assertThat(run.fields).isEmpty();
        assertThat(run.errors).containsExactly(error(DecodeErrorReason.NO_MATCH, "1,2,3", "expected 2 fields, got 3"));
        assertThat(new Run(decoder, "1").errors).containsExactly(
                error(DecodeErrorReason.NO_MATCH, "1", "expected 2 fields, got 1"));
    }

    @Test
    void malformedNumbersAreReportedAndGoodFieldsKept() {
        CsvDecoder decoder = CsvDecoder.withColumns(List.of("a", "b", "c"));
        Run run = new Run(decoder, "1,abc,nan");
        assertThat(run.fields).containsExactly(Map.entry("a", 1.0));
        assertThat(run.errors).containsExactly(
                error(DecodeErrorReason.MALFORMED_NUMBER, "1,abc,nan", "field 'b': 'abc' is not a number"),
                error(DecodeErrorReason.MALFORMED_NUMBER, "1,abc,nan", "field 'c': 'nan' is not a number"));
    }

    @Test
    void sensorLineOfEightFields() {
        CsvDecoder decoder = CsvDecoder.withColumns(List.of("t", "temp", "hum", "p", "ax", "ay", "lux", "i"));
        Run run = new Run(decoder, "1732665600,21.53,-0.25,1013.2,+2,.5,5.,1.2e-3\r");
        assertThat(run.errors).isEmpty();
        assertThat(run.fields).containsExactly(Map.entry("t", 1732665600.0), Map.entry("temp", 21.53),
                Map.entry("hum", -0.25), Map.entry("p", 1013.2), Map.entry("ax", 2.0), Map.entry("ay", 0.5),
                Map.entry("lux", 5.0), Map.entry("i", 0.0012));
    }

    @Test
    void javaNumberSyntaxOutsideTheGrammarIsMalformed() {
        CsvDecoder decoder = CsvDecoder.withColumns(List.of("a", "b", "c", "d", "e"), ';', 8);
        Run run = new Run(decoder, "1,5; 0x10 ;Infinity;1d;1e3");
        assertThat(run.fields).containsExactly(Map.entry("e", 1000.0));
        String frame = "1,5; 0x10 ;Infinity;1d;1e3";
        assertThat(run.errors).containsExactly(
                error(DecodeErrorReason.MALFORMED_NUMBER, frame, "field 'a': '1,5' is not a number"),
                error(DecodeErrorReason.MALFORMED_NUMBER, frame, "field 'b': '0x10' is not a number"),
                error(DecodeErrorReason.MALFORMED_NUMBER, frame, "field 'c': 'Infinity' is not a number"),
                error(DecodeErrorReason.MALFORMED_NUMBER, frame, "field 'd': '1d' is not a number"));
    }

    @Test
    void outOfRangeAndOverlongNumbersAreMalformed() {
        CsvDecoder decoder = CsvDecoder.withColumns(List.of("a", "b", "c"));
        String overlong = "1".repeat(DecimalText.MAX_LENGTH + 1);
        String longest = "2".repeat(DecimalText.MAX_LENGTH);
        Run run = new Run(decoder, "1e999," + overlong + "," + longest);
        assertThat(run.fields).containsExactly(Map.entry("c", Double.parseDouble(longest)));
        assertThat(run.errors).extracting(DecodeError::message).containsExactly(
                "field 'a': '1e999' is not a number",
                "field 'b': '" + DecodeError.snippet(overlong.getBytes(StandardCharsets.US_ASCII), 0, overlong.length())
                        + "' is not a number");
    }

    @Test
    void dataFramesAllocateNothing() {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        CsvDecoder decoder = CsvDecoder.withHeaderLine();
        byte[] header = "t,temp,hum,p,ax,ay,lux,i".getBytes(StandardCharsets.UTF_8);
        decoder.decode(header, 0, header.length, "csv0", 0, (index, value) -> { }, error -> { });
        byte[] frame = "x 1732665600, 21.53,-0.25,1013.2,+2,.5,5.,1.2e-3\r y".getBytes(StandardCharsets.UTF_8);
        double[] sum = new double[1];
        List<DecodeError> errors = new ArrayList<>();
        FieldSink sink = (index, value) -> sum[0] += value;
        DecodeErrorSink errorSink = errors::add;
        for (int round = 0; round < 20_000; round++) { // warm up, so the JIT is done compiling this path
            decoder.decode(frame, 2, frame.length - 4, "csv0", round, sink, errorSink);
        }
        int frames = 10_000;
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int round = 0; round < frames; round++) {
            decoder.decode(frame, 2, frame.length - 4, "csv0", round, sink, errorSink);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(errors).isEmpty();
        assertThat(sum[0]).isGreaterThan(0);
        assertThat(allocated).as("bytes allocated by %d frames", frames).isLessThan(frames);
    }

    @Test
    void emptyFieldIsAMissingValue() {
        Run run = new Run(CsvDecoder.withColumns(List.of("a", "b", "c")), "1, ,3");
        assertThat(run.errors).isEmpty();
        assertThat(run.fields).containsExactly(Map.entry("a", 1.0), Map.entry("c", 3.0));
    }

    @Test
    void blankFrameIsIgnored() {
        Run run = new Run(CsvDecoder.withColumns(List.of("a")), " \r");
        assertThat(run.errors).isEmpty();
        assertThat(run.fields).isEmpty();
    }

    @Test
    void invalidUtf8IsReportedForTheFrame() {
        byte[] frame = {'1', ',', (byte) 0xFF};
        Run run = new Run(CsvDecoder.withColumns(List.of("a", "b")), frame, 5);
        assertThat(run.fields).isEmpty();
        assertThat(run.errors).containsExactly(new DecodeError("csv0", 5, DecodeErrorReason.INVALID_UTF8, "1,\\xFF",
                "frame is not valid UTF-8"));
    }

    @Test
    void configurationIsValidated() {
        assertThatThrownBy(() -> CsvDecoder.withColumns(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("CSV columns: at least one");
        assertThatThrownBy(() -> CsvDecoder.withColumns(List.of("a", "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("CSV columns: name #2 is empty");
        assertThatThrownBy(() -> CsvDecoder.withColumns(List.of("a", "a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("CSV columns: duplicate name 'a'");
        for (char bad : new char[] {'.', '-', '+', '"', ' ', 'x', '5', '\n', 'é'}) {
            assertThatThrownBy(() -> CsvDecoder.withColumns(List.of("a"), bad, 8)).as("separator %s", bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("CSV separator must be");
        }
        assertThatThrownBy(() -> CsvDecoder.withHeaderLine(',', 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxFields must be >= 1, got 0");
    }

    // ---- properties ----

    static final String VALID = "1.5,-2,3e1";

    @Property(tries = 300)
    void garbageNeverThrowsAndAValidFrameAfterItStillDecodes(@ForAll("garbage") byte[] garbage) {
        CsvDecoder decoder = CsvDecoder.withColumns(List.of("a", "b", "c"));
        Run bad = new Run(decoder, garbage, 0);
        assertThat(bad.errors).allSatisfy(error -> assertThat(error.byteOffset()).isZero());
        assertThat(bad.fields.keySet()).isSubsetOf("a", "b", "c");
        Run good = new Run(decoder, VALID);
        assertThat(good.errors).isEmpty();
        assertThat(good.fields).containsExactly(Map.entry("a", 1.5), Map.entry("b", -2.0), Map.entry("c", 30.0));
    }

    @Property(tries = 200)
    void headerDiscoveryStaysBoundedAndDataAfterGarbageDecodes(@ForAll("garbageFrames") List<byte[]> frames) {
        CsvDecoder decoder = CsvDecoder.withHeaderLine(',', 4);
        new Run(decoder, "x,y,z");
        for (byte[] frame : frames) {
            new Run(decoder, frame, 0);
            assertThat(decoder.fields().all()).containsExactly("x", "y", "z");
        }
        assertThat(new Run(decoder, VALID).fields)
                .containsExactly(Map.entry("x", 1.5), Map.entry("y", -2.0), Map.entry("z", 30.0));
    }

    @Property(tries = 200)
    void headerFromGarbageNeverExceedsCapacity(@ForAll("garbageFrames") List<byte[]> frames) {
        CsvDecoder decoder = CsvDecoder.withHeaderLine(',', 4);
        for (byte[] frame : frames) {
            new Run(decoder, frame, 0);
            assertThat(decoder.fields().size()).isLessThanOrEqualTo(4);
        }
    }

    @Provide
    Arbitrary<List<byte[]>> garbageFrames() {
        return garbage().list().ofMaxSize(20);
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        Arbitrary<byte[]> mutated = Arbitraries.integers().between(0, VALID.length() - 1).list().ofMaxSize(4)
                .flatMap(positions -> Arbitraries.bytes().array(byte[].class).ofSize(positions.size())
                        .map(values -> LabelValueDecoderTest.mutate(VALID.getBytes(StandardCharsets.UTF_8),
                                positions, values)));
        Arbitrary<byte[]> tokens = Arbitraries.of("a", ",", "1", "-", "e", ".", " ", "\t", "nan", "\r", "x,y,z",
                        "\u00e9", "1e999", ",,")
                .list().ofMaxSize(20).map(parts -> String.join("", parts).getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(random, mutated, tokens);
    }
}
