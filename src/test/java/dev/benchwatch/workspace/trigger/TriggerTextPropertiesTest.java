package dev.benchwatch.workspace.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The text form round-trips every valid model exactly, and nothing else it is fed escapes as another error. */
class TriggerTextPropertiesTest {

    @Provide
    Arbitrary<TriggerModel> models() {
        return TriggerArbitraries.models();
    }

    @Provide
    Arbitrary<TriggerExpression> expressions() {
        return TriggerArbitraries.expressions();
    }

    @Property(tries = 1500)
    void modelToTextToModelIsTheSameModel(@ForAll("models") TriggerModel model) {
        String text = TriggerText.print(model.expression());
        TriggerModel back = model.withExpression(TriggerText.parse(text));
        assertThat(back).as(text).isEqualTo(model);
    }

    @Property(tries = 1000)
    void printingIsStable(@ForAll("expressions") TriggerExpression expression) {
        String text = TriggerText.print(expression);
        assertThat(TriggerText.canonical(text)).isEqualTo(text);
        assertThat(text).doesNotContain("  ").isEqualTo(text.strip());
    }

    @Property(tries = 500)
    void keywordCaseAndSpacingDoNotMatter(@ForAll("expressions") TriggerExpression expression) {
        String text = TriggerText.print(expression);
        String shouted = shout(text).replace(" ", "  \n\t").replace("(", "( ").replace(",", " ,");
        assertThat(TriggerText.parse(shouted)).as(shouted).isEqualTo(expression);
    }

    /** Changes the case of keywords and units (not of channel names, which are case-sensitive). */
    private static String shout(String text) {
        String name = "A-Za-z0-9_.\\-\"";
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "(?<![" + name + "])(and|or|not|for|clear|cooldown|in|outside)(?![" + name + "(])"
                        + "|(?<=, )tumbling|(?<=\\d )readings?"
                        + "|(?<![" + name + "])(\\d+(ms|us|ns|h|m|s))+(?![" + name + "])").matcher(text);
        StringBuilder out = new StringBuilder();
        int n = 0;
        while (m.find()) {
            String word = m.group();
            String changed = switch (n++ % 3) {
                case 0 -> word.toUpperCase(java.util.Locale.ROOT);
                case 1 -> Character.toUpperCase(word.charAt(0)) + word.substring(1);
                default -> word;
            };
            m.appendReplacement(out, changed);
        }
        m.appendTail(out);
        return out.toString();
    }

    @Provide
    Arbitrary<String> garbage() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcmeanforclearcooldownotandinoutside()[],.<>=!-+0123456789 ehsmu\"_")
                        .ofMaxLength(60),
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("(not ").ofMaxLength(300));
    }

    @Property(tries = 1500)
    void garbageFailsOnlyWithALocatedSyntaxError(@ForAll("garbage") String text) {
        parsesOrFailsCleanly(text);
    }

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> inserts = Arbitraries.of("(", ")", "[", "]", ",", " ", "-", "+", ".", "e", "s", "ms", "not ",
                "and ", " or", " for ", " clear ", " cooldown ", "10s", "1e999", "99999999999999999999", "\"",
                "readings", "tumbling", "mean(", "latest(", "==", "!", "=", "<", ">", "in [", "0", "\n", "é", "😀");
        return Combinators.combine(TriggerArbitraries.expressions().map(TriggerText::print),
                        Arbitraries.integers().between(0, 3), Arbitraries.doubles().between(0, 1),
                        Arbitraries.doubles().between(0, 1), inserts)
                .as((String text, Integer kind, Double at, Double length, String insert) -> {
                    int i = (int) (at * text.length());
                    int j = Math.min(text.length(), i + (int) (length * 6));
                    return switch (kind.intValue()) {
                        case 0 -> text.substring(0, i) + text.substring(j);
                        case 1 -> text.substring(0, i) + insert + text.substring(i);
                        case 2 -> text.substring(0, i) + insert + text.substring(j);
                        default -> text.substring(0, i) + text.substring(i, j) + text.substring(i);
                    };
                });
    }

    @Property(tries = 1500)
    void mutatedTextsFailOnlyWithALocatedSyntaxError(@ForAll("mutated") String text) {
        parsesOrFailsCleanly(text);
    }

    private static void parsesOrFailsCleanly(String text) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> { // catches a loop; generous for loaded CI machines
            try {
                TriggerExpression parsed = TriggerText.parse(text);
                assertThat(TriggerText.parse(TriggerText.print(parsed))).isEqualTo(parsed);
            } catch (TriggerSyntaxException e) {
                assertThat(e.offset()).isBetween(0, text.length());
                assertThat(e.column()).isPositive();
                assertThat(e.getMessage()).matches("(?s)(line \\d+, )?column \\d+: .+");
            }
        });
    }

    @Property(tries = 200)
    void deepNestingIsRefusedNotOverflowed(@ForAll("depths") int depth) {
        String text = "(".repeat(depth) + "x > 1" + ")".repeat(depth);
        String nots = "not ".repeat(depth) + "x > 1";
        for (String t : List.of(text, nots)) {
            try {
                TriggerText.parse(t);
                assertThat(depth).isLessThanOrEqualTo(ConditionNode.MAX_DEPTH);
            } catch (TriggerSyntaxException e) {
                assertThat(depth).isGreaterThanOrEqualTo(ConditionNode.MAX_DEPTH);
            }
        }
    }

    @Provide
    Arbitrary<Integer> depths() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 40), Arbitraries.of(10_000, 100_000));
    }
}
