package dev.benchwatch.workspace.trigger;

/**
 * The text form of a trigger's WHEN / FOR / CLEAR / COOLDOWN, a small language of conditions that
 * evaluates nothing else (no scripts, no code). Name, severity, actions and armed/shadow are form fields,
 * not text. The full reference, with examples, is docs/TRIGGERS.md.
 *
 * <pre>
 * trigger    := condition [ "for" duration ] [ "clear" ( tail | condition ) ] [ "cooldown" duration ]
 * condition  := and { "or" and }                      -- "and" binds tighter than "or"
 * and        := unary { "and" unary }
 * unary      := "not" unary | "(" condition ")" | comparison
 * comparison := operand tail
 * tail       := op number | ( "in" | "outside" ) "[" number "," number "]"     -- bounds included
 * op         := "&gt;" | "&gt;=" | "&lt;" | "&lt;=" | "==" | "!="
 * operand    := channel                               -- the latest value
 *             | "latest" "(" channel ")"
 *             | stat "(" channel "," window ")"
 * stat       := count | sum | mean | min | max | stddev | first | last | rate_of_change | time_span
 *               (aliases: std, rate, span)
 * window     := duration                              -- sliding time window
 *             | "tumbling" duration                   -- the last closed bucket
 *             | integer ( "readings" | "reading" )    -- the last N readings
 * channel    := name | '"' name '"'                   -- name: [A-Za-z_][A-Za-z0-9_.-]*, up to 128 characters;
 *                                                        quotes for a channel named like a keyword
 * duration   := { integer unit }+                     -- units h m s ms us ns, largest first, each once: 1h30m
 * number     := [ "+" | "-" ] digits [ "." digits ] [ ( "e" | "E" ) [ "+" | "-" ] digits ]
 * </pre>
 *
 * <p>Keywords, statistics and units are case-insensitive; channel names are not. {@code clear} followed
 * directly by a tail ({@code clear < 175}) compares the operand of the WHEN condition, which must then be a
 * single comparison. A FOR or COOLDOWN of zero is the same as none. Reserved words (a channel with one of
 * these names is written in quotes): {@code and or not for clear cooldown in outside}.
 *
 * <p>{@link #print} writes the canonical form: lower-case keywords, single spaces, the latest value as the
 * bare channel name, statistics by their {@link dev.benchwatch.engine.window.Stat#key() key}, durations with
 * every non-zero unit ({@code 1m30s}), numbers as the shortest text that reads back to the same double
 * ({@code 180}, {@code 0.1}, {@code 1e-7}), the clear shorthand whenever the clear comparison has the WHEN
 * comparison's operand, and parentheses only where the structure needs them: around an OR group inside an
 * AND, around a group nested in a group of the same joiner, and around a group under NOT. For every valid
 * expression {@code parse(print(e)).equals(e)}, and {@code print(parse(text))} is idempotent.
 */
public final class TriggerText {
    private TriggerText() {
    }

    /**
     * Parses trigger text.
     *
     * @throws TriggerSyntaxException with the line, column and token in error and what was expected
     */
    public static TriggerExpression parse(String text) {
        return TriggerParser.parse(text);
    }

    /** The canonical text of {@code expression}. */
    public static String print(TriggerExpression expression) {
        return TriggerPrinter.print(expression);
    }

    /** The canonical text of one condition, e.g. for a field that shows the CLEAR condition alone. */
    public static String print(ConditionNode condition) {
        return TriggerPrinter.print(condition);
    }

    /** The canonical form of {@code text}, e.g. to reformat what a person typed. */
    public static String canonical(String text) {
        return print(parse(text));
    }
}
