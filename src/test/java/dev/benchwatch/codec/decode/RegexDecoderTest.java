package dev.benchwatch.codec.decode;

import dev.benchwatch.codec.DecodeError;
import dev.benchwatch.codec.DecodeErrorReason;
import dev.benchwatch.codec.Decoder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegexDecoderTest {

    static final class Run extends DecodeRun {
        Run(Decoder decoder, byte[] frame, long streamOffset) {
            super(decoder, "ttyUSB0", 'T', '1', frame, streamOffset);
        }

        Run(Decoder decoder, String frame) {
            this(decoder, frame.getBytes(StandardCharsets.UTF_8), 64);
        }
    }

    static final String REGEX = "T=(?<temp>[-+\\d.eE]+)C(?: H=(?<hum>\\S+)%)?";
    static final String VALID = "reading T=21.5C H=40% ok";

    @Test
    void namedGroupsAreFieldsInOpeningOrder() {
        RegexDecoder decoder = new RegexDecoder(REGEX);
        assertThat(decoder.fields().all()).containsExactly("temp", "hum");
        Run run = new Run(decoder, VALID);
        assertThat(run.errors).isEmpty();
        assertThat(run.fields).containsExactly(Map.entry("temp", 21.5), Map.entry("hum", 40.0));
    }

    @Test
    void optionalGroupThatDidNotTakePartIsSkipped() {
        Run run = new Run(new RegexDecoder(REGEX), "T=-4C");
        assertThat(run.errors).isEmpty();
        assertThat(run.fields).containsExactly(Map.entry("temp", -4.0));
    }

    @Test
    void noMatch() {
        Run run = new Run(new RegexDecoder(REGEX), "hello");
        assertThat(run.fields).isEmpty();
        assertThat(run.errors).containsExactly(new DecodeError("ttyUSB0", 64, DecodeErrorReason.NO_MATCH, "hello",
                "frame does not match the pattern"));
    }

    @Test
    void malformedGroupIsReportedAndOthersKept() {
        Run run = new Run(new RegexDecoder(REGEX), "T=21.5C H=NaN%");
        assertThat(run.fields).containsExactly(Map.entry("temp", 21.5));
        assertThat(run.errors).containsExactly(new DecodeError("ttyUSB0", 64, DecodeErrorReason.MALFORMED_NUMBER,
                "T=21.5C H=NaN%", "field 'hum': 'NaN' is not a number"));
    }

    @Test
    void invalidUtf8() {
        byte[] frame = {'T', '=', '1', 'C', (byte) 0xC0, (byte) 0x80};
        Run run = new Run(new RegexDecoder(REGEX), frame, 9);
        assertThat(run.fields).isEmpty();
        assertThat(run.errors).containsExactly(new DecodeError("ttyUSB0", 9, DecodeErrorReason.INVALID_UTF8,
                "T=1C\\xC0\\x80", "frame is not valid UTF-8"));
    }

    @Test
    @Timeout(10)
    void runawayBacktrackingIsCutOffAndTheNextFrameStillDecodes() {
        RegexDecoder decoder = new RegexDecoder(Pattern.compile("^(?<v>\\d*\\d*\\d*\\d*\\d*\\d*)b"), 4);
        String evil = "1".repeat(200) + "c"; // polynomial backtracking: about 200^6 / 720 steps
        Run run = new Run(decoder, evil);
        assertThat(run.fields).isEmpty();
        assertThat(run.errors).singleElement().satisfies(error -> {
            assertThat(error.reason()).isEqualTo(DecodeErrorReason.NO_MATCH);
            assertThat(error.message()).isEqualTo("pattern gave up on this frame (too much backtracking)");
        });
        Run next = new Run(decoder, "17b");
        assertThat(next.errors).isEmpty();
        assertThat(next.fields).containsExactly(Map.entry("v", 17.0));
    }

    @Test
    void configurationIsValidated() {
        assertThatThrownBy(() -> new RegexDecoder("T=(\\d+)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("regex 'T=(\\d+)' has no named groups; name each field as (?<name>...)");
        assertThatThrownBy(() -> new RegexDecoder("T=(?<t>\\d+"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("bad regex: ");
        assertThatThrownBy(() -> new RegexDecoder(Pattern.compile("(?<a>1)(?<b>2)"), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("regex groups: 2 names but at most 1 fields allowed");
    }

    @Property(tries = 300)
    void garbageNeverThrowsAndAValidFrameAfterItStillDecodes(@ForAll("garbage") byte[] garbage) {
        RegexDecoder decoder = new RegexDecoder(REGEX);
        Run bad = new Run(decoder, garbage, 0);
        assertThat(bad.errors).allSatisfy(error -> assertThat(error.byteOffset()).isZero());
        assertThat(bad.fields.keySet()).isSubsetOf("temp", "hum");
        Run good = new Run(decoder, VALID);
        assertThat(good.errors).isEmpty();
        assertThat(good.fields).containsExactly(Map.entry("temp", 21.5), Map.entry("hum", 40.0));
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        Arbitrary<byte[]> mutated = Arbitraries.integers().between(0, VALID.length() - 1).list().ofMaxSize(4)
                .flatMap(positions -> Arbitraries.bytes().array(byte[].class).ofSize(positions.size())
                        .map(values -> LabelValueDecoderTest.mutate(VALID.getBytes(StandardCharsets.UTF_8),
                                positions, values)));
        Arbitrary<byte[]> tokens = Arbitraries.of("T=", "C", " H=", "%", "1", "-", "e", ".", " ", "nan", "\u00e9")
                .list().ofMaxSize(20).map(parts -> String.join("", parts).getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(random, mutated, tokens);
    }
}
