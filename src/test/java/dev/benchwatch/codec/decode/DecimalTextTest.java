package dev.benchwatch.codec.decode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
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

    @Test
    void signsPointsAndExponents() {
        assertThat(parse("1e3")).isEqualTo(1000.0);
        assertThat(parse("-0.5")).isEqualTo(-0.5);
        assertThat(parse("+2")).isEqualTo(2.0);
        assertThat(parse(".5")).isEqualTo(0.5);
        assertThat(parse("-.5")).isEqualTo(-0.5);
        assertThat(parse("5.")).isEqualTo(5.0);
        assertThat(parse("5.e2")).isEqualTo(500.0);
        assertThat(parse("1E+2")).isEqualTo(100.0);
        assertThat(parse("-1.25e-2")).isEqualTo(-0.0125);
        assertThat(parse("007")).isEqualTo(7.0);
        assertThat(Double.doubleToRawLongBits(parse("-0"))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(Double.doubleToRawLongBits(parse("-0.0e5"))).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void rejectsJavaSyntaxOutsideTheGrammar() {
        // Double.parseDouble (and FastDoubleParser's Java grammar) would take most of these
        for (String text : new String[] {"0x10", "0X1.8p1", "0x1P-2", "1D", "1F", "1.5d", "+Infinity", "-Infinity",
                "inf", "Inf", "INF", "infinity", "+NaN", "NAN", "\t1", "1\n", "1\r", "1\t", "\u00001", "1\u0000",
                "1e5.", "1e-", "+-1", "1_000", "1 000", "1,5", "1;5", "e", "E3", ".e3", "-.e3", "１"}) {
            assertThat(parse(text)).as(text).isNaN();
        }
    }

    @Test
    void rangeLimits() {
        assertThat(parse("1.7976931348623157e308")).isEqualTo(Double.MAX_VALUE);
        assertThat(parse("-1.7976931348623157e308")).isEqualTo(-Double.MAX_VALUE);
        assertThat(parse("1.7976931348623159e308")).as("rounds to infinity").isNaN();
        assertThat(parse("4.9e-324")).isEqualTo(Double.MIN_VALUE);
        assertThat(parse("2.2250738585072014E-308")).isEqualTo(Double.MIN_NORMAL);
        // underflow is a finite zero, as Double.parseDouble gives it
        assertThat(parse("1e-400")).isEqualTo(0.0);
        assertThat(parse("1e-99999999999")).isEqualTo(0.0);
        assertThat(parse("0e99999999999")).isEqualTo(0.0);
        assertThat(parse("1e99999999999")).isNaN();
    }

    @Test
    void longDigitStringsRoundExactlyAsDoubleParseDouble() {
        String[] texts = {
            "9007199254740993", // 2^53 + 1: halfway, rounds to even
            "9007199254740995",
            "12345678901234567890", // more digits than a long holds
            "123456789012345678901234567890.5",
            "0.1000000000000000055511151231257827021181583404541015625", // the exact value of 0.1
            "0.1000000000000000055511151231257827021181583404541015626",
            "2.4703282292062327e-324", // just below half the smallest subnormal: zero
            "2.4703282292062328e-324", // just above: the smallest subnormal
            "1" + "0".repeat(DecimalText.MAX_LENGTH - 1),
            "0." + "0".repeat(DecimalText.MAX_LENGTH - 3) + "1",
            "." + "9".repeat(DecimalText.MAX_LENGTH - 1),
        };
        for (String text : texts) {
            assertThat(text.length()).as(text).isLessThanOrEqualTo(DecimalText.MAX_LENGTH);
            assertThat(Double.doubleToRawLongBits(parse(text))).as(text)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
        }
        assertThat(parse("1".repeat(DecimalText.MAX_LENGTH))).isEqualTo(Double.parseDouble("1".repeat(64)));
        assertThat(parse("1".repeat(DecimalText.MAX_LENGTH + 1))).isNaN();
    }

    @Test
    void readsOnlyItsRangeOfALargerBuffer() {
        byte[] buffer = "9-12.5e1 7".getBytes(StandardCharsets.US_ASCII);
        assertThat(DecimalText.parse(buffer, 1, 7)).isEqualTo(-125.0);
        assertThat(DecimalText.parse(buffer, 2, 4)).isEqualTo(12.5);
        assertThat(DecimalText.parse(buffer, 0, 1)).isEqualTo(9.0);
        assertThat(DecimalText.parse(buffer, 0, 3)).isNaN(); // "9-1"
        assertThat(DecimalText.parse(buffer, 9, 1)).isEqualTo(7.0);
        assertThat(DecimalText.parse(buffer, 9, 0)).isNaN();
    }

    @Property(tries = 1000)
    void longDecimalsMatchDoubleParseDoubleToTheBit(@ForAll("longDecimals") String text) {
        double reference = Double.parseDouble(text);
        if (Double.isFinite(reference)) {
            assertThat(Double.doubleToRawLongBits(parse(text))).isEqualTo(Double.doubleToRawLongBits(reference));
        } else {
            assertThat(parse(text)).isNaN(); // beyond the double range
        }
    }

    @Property(tries = 500)
    void parsesInsideAnyBuffer(@ForAll double value, @ForAll("padding") String before, @ForAll("padding") String after) {
        if (Double.isFinite(value)) {
            String text = Double.toString(value);
            byte[] buffer = (before + text + after).getBytes(StandardCharsets.US_ASCII);
            assertThat(DecimalText.parse(buffer, before.length(), text.length())).isEqualTo(value);
        }
    }

    @Provide
    Arbitrary<String> longDecimals() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(28);
        Arbitrary<String> exponent = Arbitraries.integers().between(-340, 320).map(e -> "e" + e);
        return Combinators.combine(Arbitraries.of("", "-", "+"), digits, digits, exponent)
                .as((sign, intPart, fraction, exp) -> sign + intPart + "." + fraction + exp);
    }

    @Provide
    Arbitrary<String> padding() {
        return Arbitraries.strings().withChars("0123456789+-.eE, ").ofMaxLength(4);
    }

    @Property(tries = 1000)
    void roundTripsEveryFiniteDouble(@ForAll double value) {
        if (Double.isFinite(value)) {
            assertThat(parse(Double.toString(value))).isEqualTo(value);
        }
    }

    @Property(tries = 5000)
    void acceptsExactlyTheGrammar(@ForAll("numberish") String text) {
        double parsed = parse(text);
        boolean grammar = GRAMMAR.matcher(text).matches() && text.length() <= DecimalText.MAX_LENGTH;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(DecimalText.isWellFormed(bytes, 0, bytes.length)).isEqualTo(grammar);
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
        return Arbitraries.strings().withChars("0123456789+-.eE xXpdDfFNaInity\t").ofMaxLength(12);
    }

    @net.jqwik.api.Property(tries = 5000)
    void shortDecimalsAreBitExact(@net.jqwik.api.ForAll @net.jqwik.api.constraints.LongRange(min = 0, max = 999_999_999_999_999L) long digits,
                                  @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 15) int point,
                                  @net.jqwik.api.ForAll boolean negative) {
        String text = Long.toString(digits);
        int at = Math.max(0, text.length() - point);
        String decimal = (negative ? "-" : "") + text.substring(0, at) + (point > 0 ? "." : "") + text.substring(at);
        byte[] bytes = decimal.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        double expected = Double.parseDouble(decimal);
        org.assertj.core.api.Assertions.assertThat(Double.doubleToRawLongBits(DecimalText.parse(bytes, 0, bytes.length)))
                .as(decimal).isEqualTo(Double.doubleToRawLongBits(expected));
    }
}
