package dev.benchwatch.workspace.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchwatch.engine.trigger.ComparisonOp;
import dev.benchwatch.engine.window.Stat;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TriggerTextTest {
    private static final OperandModel OVEN_MEAN_10S =
            OperandModel.of(Stat.MEAN, "oven_temp", WindowRef.sliding(Duration.ofSeconds(10)));

    @Test
    void theIssueExampleParsesIntoTheFormModelAndPrintsBackUnchanged() {
        String text = "mean(oven_temp, 10s) > 180 for 5s clear < 175 cooldown 1m";
        TriggerExpression e = TriggerText.parse(text);
        assertThat(e).isEqualTo(new TriggerExpression(
                new ConditionNode.Leaf(OVEN_MEAN_10S, ComparisonOp.GT, 180),
                Duration.ofSeconds(5),
                new ConditionNode.Leaf(OVEN_MEAN_10S, ComparisonOp.LT, 175),
                Duration.ofMinutes(1)));
        assertThat(TriggerText.print(e)).isEqualTo(text);
    }

    @Test
    void aFullClearConditionIsAllowed() {
        TriggerExpression e = TriggerText.parse(
                "mean(oven_temp, 10s) > 180 clear mean(oven_temp, 10s) < 175 and latest(door) == 0");
        assertThat(e.clear()).isEqualTo(new ConditionNode.Group(ConditionNode.Joiner.AND, List.of(
                new ConditionNode.Leaf(OVEN_MEAN_10S, ComparisonOp.LT, 175),
                new ConditionNode.Leaf(OperandModel.latest("door"), ComparisonOp.EQ, 0))));
        assertThat(e.forDuration()).isZero();
        assertThat(e.cooldown()).isZero();
        assertThat(TriggerText.print(e))
                .isEqualTo("mean(oven_temp, 10s) > 180 clear mean(oven_temp, 10s) < 175 and door == 0");
    }

    @Test
    void aClearComparisonOnTheWhenOperandPrintsAsTheShorthand() {
        assertThat(TriggerText.canonical("oven_temp > 180 clear oven_temp <= 175"))
                .isEqualTo("oven_temp > 180 clear <= 175");
        assertThat(TriggerText.canonical("oven_temp > 180 clear latest(oven_temp) outside [170, 175]"))
                .isEqualTo("oven_temp > 180 clear outside [170, 175]");
        assertThat(TriggerText.canonical("oven_temp > 180 clear door < 1")).isEqualTo("oven_temp > 180 clear door < 1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            MEAN(oven_temp,10S)>180.0 FOR 90s Clear mean(oven_temp, 10s) <175 COOLDOWN 60000ms | mean(oven_temp, 10s) > 180 for 1m30s clear < 175 cooldown 1m
            t > 1 for 0s cooldown 0ms                              | t > 1
            latest(t) >= 2                                         | t >= 2
            ((t > 1))                                              | t > 1
            (t > 1 and u > 2)                                      | t > 1 and u > 2
            a > 1 or b > 2 and c > 3                               | a > 1 or b > 2 and c > 3
            a > 1 or (b > 2 and c > 3)                             | a > 1 or b > 2 and c > 3
            (a > 1 or b > 2) and c > 3                             | (a > 1 or b > 2) and c > 3
            a > 1 and (b > 2 and c > 3)                            | a > 1 and (b > 2 and c > 3)
            a > 1 or (b > 2 or c > 3)                              | a > 1 or (b > 2 or c > 3)
            NOT (a > 1 OR b > 2)                                   | not (a > 1 or b > 2)
            not not a != 1                                         | not not a != 1
            max(t, tumbling 1m) >= 5                               | max(t, tumbling 1m) >= 5
            std(t, 100 readings) < 0.5                             | stddev(t, 100 readings) < 0.5
            rate(t, 1 readings) > 0                                | rate_of_change(t, 1 reading) > 0
            span(t, 1h30m) > 60                                    | time_span(t, 1h30m) > 60
            count(t, 2s500ms) == 0                                 | count(t, 2s500ms) == 0
            t in [10, 20.25]                                       | t in [10, 20.25]
            t OUTSIDE [-5,+5]                                      | t outside [-5, 5]
            t > 1.50                                               | t > 1.5
            t > 1E3                                                | t > 1000
            t > 1e21                                               | t > 1e21
            t > .5                                                 | t > 0.5
            t > 1e-7                                               | t > 1e-7
            t > -0                                                 | t > -0
            "for" > 1 and latest("and") < 2                         | "for" > 1 and "and" < 2
            mean(t, 1000ms) > 1 for 3600s                          | mean(t, 1s) > 1 for 1h
            t > 1 for 1us cooldown 1ns                             | t > 1 for 1us cooldown 1ns
            """)
    void printsTheCanonicalForm(String text, String canonical) {
        assertThat(TriggerText.canonical(text)).isEqualTo(canonical);
        assertThat(TriggerText.canonical(canonical)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            oven_temp > 180
            oven_temp > 180 for 5s
            max(psu_volts, tumbling 1m) >= 12.6
            stddev(flow, 100 readings) > 0.5 cooldown 10m
            rate_of_change(oven_temp, 30s) > 2 and door == 0
            (psu_volts < 11.5 or psu_amps > 3) and not relay == 0
            pressure outside [0.9, 1.1] for 500ms clear in [0.95, 1.05]
            mean(oven_temp, 10s) > 180 clear mean(oven_temp, 10s) < 175 and door == 0
            oven_temp outside [20, 180] clear in [30, 170]
            """)
    void theExamplesOfTheReferenceAreCanonical(String text) {
        assertThat(TriggerText.canonical(text)).isEqualTo(text);
    }

    @Test
    void precedenceAndParenthesesShapeTheTree() {
        ConditionNode a = leaf("a", 1);
        ConditionNode b = leaf("b", 2);
        ConditionNode c = leaf("c", 3);
        assertThat(TriggerText.parse("a > 1 or b > 2 and c > 3").when())
                .isEqualTo(ConditionNode.or(a, ConditionNode.and(b, c)));
        assertThat(TriggerText.parse("(a > 1 or b > 2) and c > 3").when())
                .isEqualTo(ConditionNode.and(ConditionNode.or(a, b), c));
        assertThat(TriggerText.parse("a > 1 and b > 2 and c > 3").when())
                .isEqualTo(new ConditionNode.Group(ConditionNode.Joiner.AND, List.of(a, b, c)));
        assertThat(TriggerText.parse("a > 1 and (b > 2 and c > 3)").when())
                .isEqualTo(ConditionNode.and(a, ConditionNode.and(b, c)));
    }

    @Test
    void numbersKeepEveryBit() {
        for (double value : new double[] {0.1, 1.0 / 3, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MIN_NORMAL,
                123456789012345680.0, 9007199254740993.0, 2.5e-300}) {
            String text = TriggerText.print(TriggerExpression.of(leaf("t", value)));
            double back = ((ConditionNode.Leaf) TriggerText.parse(text).when()).threshold();
            assertThat(Double.doubleToRawLongBits(back)).as(text).isEqualTo(Double.doubleToRawLongBits(value));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            mean(oven_temp, 10s) > abc           | column 24: expected a number after '>', found 'abc'
            mean2(oven_temp, 10s) > 1            | column 1: unknown statistic 'mean2'; expected latest or one of count, sum, mean, min, max, stddev, first, last, rate_of_change, time_span (or std, rate, span)
            t > 1 for -5s                        | column 11: the 'for' duration must not be negative, found '-5s'
            t > 1 cooldown -1m                   | column 16: the cooldown must not be negative, found '-1m'
            mean(t, -10s) > 1                    | column 9: a window size must not be negative, found '-10s'
            mean(t, 0s) > 1                      | column 9: a window size must be positive, found '0s'
            t in [20, 10]                        | column 7: the range [20, 10] has its low bound above its high bound
            t > 1 and                            | column 10: expected a condition (a channel, a statistic such as mean(channel, 10s), 'not' or '('), found the end of the text
            ``                                   | column 1: expected a condition (a channel, a statistic such as mean(channel, 10s), 'not' or '('), found the end of the text
            t > 1 for 5                          | column 11: expected a duration after 'for' (e.g. 500ms, 5s, 1m), found '5': add a unit (h, m, s, ms, us or ns)
            t > 1 for 5x                         | column 11: unknown time unit 'x' in '5x'; use h, m, s, ms, us or ns
            t > 1 for 1.5s                       | column 11: '1.5s' is not a duration; write whole numbers with units h, m, s, ms, us or ns, e.g. 500ms, 10s, 1h30m
            t > 1 for 5s30m                      | column 11: duration '5s30m' must give its units largest first, each once (e.g. 1h30m, 2s500ms)
            t > 1 for 99999999999h               | column 11: duration '99999999999h' is too long (at most 2562047h47m16s854ms775us807ns)
            mean(t, 10) > 1                      | column 11: expected 'readings' after '10' for a count window, or a unit for a time window (e.g. 10s), found ')'
            mean(t, 1.5 readings) > 1            | column 9: a count window needs a whole number of readings, found '1.5'
            mean(t, 0 readings) > 1              | column 9: window.count: must be between 1 and 10000000 readings, got 0
            mean(t, sliding 1s) > 1              | column 9: expected a window (a duration such as 10s, 'tumbling 1m' or '100 readings') after ',', found 'sliding'
            mean(t) > 1                          | column 7: expected ',' and a window after 't', found ')'
            t = 5                                | column 3: '=' is not an operator; compare with '=='
            t > 1 && u > 2                       | column 7: unexpected character '&'; join conditions with 'and'
            t > 1 § 2                            | column 7: unexpected character '§'
            t 5                                  | column 3: expected a comparison (>, >=, <, <=, ==, !=, in or outside) after 't', found '5'
            mean(t, 1s) 5                        | column 13: expected a comparison (>, >=, <, <=, ==, !=, in or outside) after 'mean(t, 1s)', found '5'
            (t > 1 or u > 2) and v > 3 clear < 1 | column 34: 'clear < ...' reuses the operand of the condition, which needs the condition to be a single comparison; write the operand too, e.g. 'clear mean(oven_temp, 10s) < 175'
            t > 1 clear < 0 for 5s               | column 17: 'for' is out of place: the order is condition, for, clear, cooldown
            t > 1 for 1s for 2s                  | column 14: 'for' is given twice
            t > 1 u                              | column 7: expected 'and', 'or', 'for', 'clear', 'cooldown' or the end of the text, found 'u'
            t > 1 cooldown 1s u                  | column 19: expected the end of the text, found 'u'
            (t > 1                               | column 7: expected ')' to close the '(' at column 1, found the end of the text
            and > 1                              | column 1: expected a condition (a channel, a statistic such as mean(channel, 10s), 'not' or '('), found 'and' (a channel named like a keyword is written in double quotes: "and")
            t > 1e999                            | column 5: the number '1e999' is too large
            t > 1 clear                          | column 12: expected a comparison (>, >=, <, <=, ==, !=, in or outside) or a condition (a channel, a statistic such as mean(channel, 10s), 'not' or '(') after 'clear', found the end of the text
            "oven > 1                            | column 1: the quoted channel name starting here has no closing '"'
            "o v" > 1                            | column 1: invalid channel name 'o v': expected a letter or '_' followed by up to 127 letters, digits, '_', '.' or '-'
            t in [1 2]                           | column 9: expected ',' after '1', found '2'
            """)
    void syntaxErrorsSayWhereAndWhat(String text, String message) {
        assertThatThrownBy(() -> TriggerText.parse(text))
                .isInstanceOf(TriggerSyntaxException.class)
                .hasMessage(message);
    }

    @Test
    void errorsOnLaterLinesGiveTheLineToo() {
        assertThatThrownBy(() -> TriggerText.parse("t > 1\nand u > abc"))
                .isInstanceOfSatisfying(TriggerSyntaxException.class, e -> {
                    assertThat(e).hasMessage("line 2, column 9: expected a number after '>', found 'abc'");
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(9);
                    assertThat(e.offset()).isEqualTo(14);
                    assertThat(e.length()).isEqualTo(3);
                    assertThat(e.found()).isEqualTo("abc");
                    assertThat(e.detail()).isEqualTo("expected a number after '>', found 'abc'");
                });
    }

    @Test
    void theLanguageHasNoWayToRunCode() {
        for (String attempt : List.of("exec(\"rm -rf /\") > 0", "t > 1; System.exit(0)", "t > `id`",
                "t > ${x}", "java.lang.Runtime.getRuntime() > 0")) {
            assertThatThrownBy(() -> TriggerText.parse(attempt)).as(attempt)
                    .isInstanceOf(TriggerSyntaxException.class);
        }
    }

    private static ConditionNode leaf(String channel, double threshold) {
        return new ConditionNode.Leaf(OperandModel.latest(channel), ComparisonOp.GT, threshold);
    }
}
