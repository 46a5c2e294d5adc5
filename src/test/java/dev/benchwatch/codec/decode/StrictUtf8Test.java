package dev.benchwatch.codec.decode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class StrictUtf8Test {

    static boolean charsetDecoderAccepts(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void knownCases() {
        assertThat(StrictUtf8.isValid(bytes(), 0, 0)).isTrue();
        assertThat(StrictUtf8.isValid("aé€𝄞".getBytes(StandardCharsets.UTF_8), 0, 10)).isTrue();
        assertThat(StrictUtf8.isValid(bytes(0xC0, 0x80), 0, 2)).as("overlong NUL").isFalse();
        assertThat(StrictUtf8.isValid(bytes(0xE0, 0x80, 0x80), 0, 3)).as("overlong 3-byte").isFalse();
        assertThat(StrictUtf8.isValid(bytes(0xED, 0xA0, 0x80), 0, 3)).as("surrogate").isFalse();
        assertThat(StrictUtf8.isValid(bytes(0xF4, 0x90, 0x80, 0x80), 0, 4)).as("above U+10FFFF").isFalse();
        assertThat(StrictUtf8.isValid(bytes(0xE2, 0x82), 0, 2)).as("truncated").isFalse();
        assertThat(StrictUtf8.isValid(bytes(0x80), 0, 1)).as("lone continuation").isFalse();
        assertThat(StrictUtf8.isValid(bytes('a', 0xE2, 0x82, 0xAC, 0xFF), 1, 3)).as("range only").isTrue();
    }

    @Property(tries = 2000)
    void agreesWithCharsetDecoder(@ForAll("utf8ish") byte[] bytes) {
        assertThat(StrictUtf8.isValid(bytes, 0, bytes.length)).isEqualTo(charsetDecoderAccepts(bytes));
    }

    @Provide
    Arbitrary<byte[]> utf8ish() {
        Arbitrary<Byte> interesting = Arbitraries.of(0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1,
                0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF).map(i -> (byte) (int) i);
        Arbitrary<byte[]> valid = Arbitraries.strings().all().ofMaxLength(20).map(s -> s.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(interesting.array(byte[].class).ofMaxSize(8), valid,
                Arbitraries.bytes().array(byte[].class).ofMaxSize(12));
    }
}
