package dev.benchwatch.workspace.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The single-field pieces of the language accept what the text accepts and print what it prints. */
class FieldTextTest {

    @Test
    void durations() {
        assertThat(FieldText.parseDuration(" 90s ", "for")).isEqualTo(Duration.ofSeconds(90));
        assertThat(FieldText.parseDuration("", "for")).isEqualTo(Duration.ZERO);
        assertThat(FieldText.duration(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThatThrownBy(() -> FieldText.parseDuration("5", "for")).isInstanceOfSatisfying(
                InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("for");
                    assertThat(e.problem()).startsWith("enter a duration, e.g. 5s");
                });
        assertThatThrownBy(() -> FieldText.parseDuration("-5s", "cooldown"))
                .hasMessage("cooldown: must not be negative, got -5s");
    }

    @Test
    void numbersAndWindows() {
        assertThat(FieldText.parseNumber(" -0.5 ", "t")).isEqualTo(-0.5);
        assertThatThrownBy(() -> FieldText.parseNumber("abc", "when[0].threshold"))
                .hasMessage("when[0].threshold: enter a number, e.g. 180");
        assertThatThrownBy(() -> FieldText.parseNumber("1e999", "t")).hasMessageContaining("too large");
        assertThatThrownBy(() -> FieldText.parseNumber("NaN", "t")).hasMessageContaining("enter a number");
        assertThat(FieldText.parseWindow("10s", "w")).isEqualTo(WindowRef.sliding(Duration.ofSeconds(10)));
        assertThat(FieldText.parseWindow("Tumbling 1m", "w")).isEqualTo(WindowRef.tumbling(Duration.ofMinutes(1)));
        assertThat(FieldText.parseWindow("1 reading", "w")).isEqualTo(WindowRef.count(1));
        assertThat(FieldText.window(WindowRef.count(100))).isEqualTo("100 readings");
        assertThatThrownBy(() -> FieldText.parseWindow("0s", "w")).hasMessageContaining("longer than 0s");
        assertThatThrownBy(() -> FieldText.parseWindow("0 readings", "w")).isInstanceOfSatisfying(
                InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("w"));
        assertThatThrownBy(() -> FieldText.parseWindow("10s) > 0 or mean(x, 5s", "w"))
                .hasMessageContaining("enter a window");
    }

    @Property(tries = 300)
    void windowsAndNumbersReadBackExactly(@ForAll("windows") WindowRef window, @ForAll("numbers") double number) {
        assertThat(FieldText.parseWindow(FieldText.window(window), "w")).isEqualTo(window);
        assertThat(Double.doubleToRawLongBits(FieldText.parseNumber(FieldText.number(number), "n")))
                .isEqualTo(Double.doubleToRawLongBits(number));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<WindowRef> windows() {
        return TriggerArbitraries.windows();
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Double> numbers() {
        return TriggerArbitraries.numbers();
    }
}
