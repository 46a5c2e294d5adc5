package dev.benchwatch.codec.decode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class DecimalTextTest {
    static final Pattern GRAMMAR = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    static double parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return DecimalText.parse(bytes, 0, bytes.length);
    }

    @Test
    void acceptsPlainDecimals() {
        assertThat(parse("0")).isEqualTo(0.0);
        assertThat(parse("-12.5")).isEqualTo(-12.5);
        assertThat(parse("+3")).isEqualTo(3.0);
        assertThat(parse("5.")).isEqualTo(5.0);
        assertThat(parse(".25")).isEqualTo(0.25);
        assertThat(parse("1E3")).isEqualTo(1000.0);
        assertThat(parse("2.5e-3")).isEqualTo(0.0025);
    }

    @Test
    void rejectsWhatASensorShouldNotSend() {
        for (String text : new String[] {"", "-", "+", ".", "e5", "1e", "1e+", "NaN", "nan", "Infinity", "-inf",
                "0x1p3", "1d", "1f", " 1", "1 ", "1..2", "1e999", "--1", "1,5", "٣"}) {
            assertThat(parse(text)).as(text).isNaN();
        }
        assertThat(parse("1".repeat(DecimalText.MAX_LENGTH + 1))).isNaN();
    }

    @Property(tries = 1000)
    void roundTripsEveryFiniteDouble(@ForAll double value) {
        if (Double.isFinite(value)) {
            assertThat(parse(Double.toString(value))).isEqualTo(value);
        }
    }

    @Property(tries = 2000)
    void acceptsExactlyTheGrammar(@ForAll("numberish") String text) {
        double parsed = parse(text);
        boolean grammar = GRAMMAR.matcher(text).matches() && text.length() <= DecimalText.MAX_LENGTH;
        if (!grammar) {
            assertThat(parsed).isNaN();
        } else {
            double reference = Double.parseDouble(text);
            if (Double.isFinite(reference)) {
                assertThat(parsed).isEqualTo(reference);
            } else {
                assertThat(parsed).isNaN();
            }
        }
    }

    @Provide
    Arbitrary<String> numberish() {
        return Arbitraries.strings().withChars("0123456789+-.eE xdfNaInity").ofMaxLength(12);
    }
}
