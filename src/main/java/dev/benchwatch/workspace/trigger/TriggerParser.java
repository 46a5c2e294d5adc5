package dev.benchwatch.workspace.trigger;

import dev.benchwatch.engine.trigger.ComparisonOp;
import dev.benchwatch.engine.detect.DetectorKind;
import dev.benchwatch.engine.window.Stat;
import dev.benchwatch.workspace.trigger.TriggerLexer.Token;
import dev.benchwatch.workspace.trigger.TriggerLexer.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Recursive descent over the grammar in {@link TriggerText}. Every loop consumes a token and nesting is
 * bounded, so any input ends in a result or a {@link TriggerSyntaxException}.
 */
final class TriggerParser {
    /** Words that cannot be a bare channel name (write such a channel in double quotes). */
    static final Set<String> RESERVED = Set.of("and", "or", "not", "for", "clear", "cooldown", "in", "outside");
    private static final String CONDITION_SHAPES =
            "a condition (a channel, a statistic such as mean(channel, 10s), 'not' or '(')";
    private static final String COMPARISONS = "a comparison (>, >=, <, <=, ==, !=, in or outside)";
    private static final String WINDOW_SHAPES = "a window (a duration such as 10s, 'tumbling 1m' or '100 readings')";

    private final String text;
    private final List<Token> tokens;
    private int pos;
    private int nesting;

    private TriggerParser(String text) {
        this.text = text;
        this.tokens = TriggerLexer.tokens(text);
    }

    static TriggerExpression parse(String text) {
        if (text == null) {
            throw new TriggerSyntaxException("", 0, 0, "", "expected " + CONDITION_SHAPES + ", found no text");
        }
        return new TriggerParser(text).trigger();
    }

    private TriggerExpression trigger() {
        ConditionNode when = condition();
        boolean endsInCondition = true;
        Duration forDuration = Duration.ZERO;
        ConditionNode clear = null;
        Duration cooldown = Duration.ZERO;
        boolean sawFor = false;
        boolean sawClear = false;
        boolean sawCooldown = false;
        if (peek().is("for")) {
            forDuration = duration(next(), "the 'for' duration");
            sawFor = true;
            endsInCondition = false;
        }
        if (peek().is("clear")) {
            Token clearToken = next();
            clear = clearClause(clearToken, when);
            sawClear = true;
            endsInCondition = true;
        }
        if (peek().is("cooldown")) {
            cooldown = duration(next(), "the cooldown");
            sawCooldown = true;
            endsInCondition = false;
        }
        Token end = peek();
        if (end.type() != Type.EOF) {
            throw trailing(end, endsInCondition, sawFor, sawClear, sawCooldown);
        }
        ConditionNode finalClear = clear;
        Duration finalFor = forDuration;
        Duration finalCooldown = cooldown;
        return build(tokens.get(0), () -> new TriggerExpression(when, finalFor, finalClear, finalCooldown));
    }

    private TriggerSyntaxException trailing(Token end, boolean endsInCondition, boolean sawFor, boolean sawClear,
                                            boolean sawCooldown) {
        for (String clause : List.of("for", "clear", "cooldown")) {
            if (end.is(clause)) {
                boolean twice = clause.equals("for") ? sawFor : clause.equals("clear") ? sawClear : sawCooldown;
                return error(end, twice ? "'" + clause + "' is given twice"
                        : "'" + clause + "' is out of place: the order is condition, for, clear, cooldown");
            }
        }
        List<String> expected = new ArrayList<>();
        if (endsInCondition) {
            expected.addAll(List.of("'and'", "'or'"));
        }
        if (!sawFor && !sawClear && !sawCooldown) {
            expected.add("'for'");
        }
        if (!sawClear && !sawCooldown) {
            expected.add("'clear'");
        }
        if (!sawCooldown) {
            expected.add("'cooldown'");
        }
        expected.add("the end of the text");
        String list = expected.size() == 1 ? expected.get(0)
                : String.join(", ", expected.subList(0, expected.size() - 1)) + " or " + expected.getLast();
        return error(end, "expected " + list + ", found " + end.shown());
    }

    private ConditionNode clearClause(Token clearToken, ConditionNode when) {
        Token t = peek();
        if (t.type() == Type.OP || t.is("in") || t.is("outside")) {
            if (!when.isComparison()) {
                throw error(t, "'clear " + t.raw() + " ...' reuses the operand of the condition, which needs the "
                        + "condition to be a single comparison; write the operand too, e.g. "
                        + "'clear mean(oven_temp, 10s) < 175'");
            }
            return comparisonTail(when.comparisonOperand(), clearToken.raw());
        }
        if (t.type() == Type.EOF) {
            throw error(t, "expected " + COMPARISONS + " or " + CONDITION_SHAPES + " after 'clear', found "
                    + t.shown());
        }
        return condition();
    }

    private ConditionNode condition() {
        Token first = peek();
        List<ConditionNode> terms = new ArrayList<>();
        terms.add(and());
        while (peek().is("or")) {
            next();
            terms.add(and());
        }
        return terms.size() == 1 ? terms.get(0)
                : build(first, () -> new ConditionNode.Group(ConditionNode.Joiner.OR, terms));
    }

    private ConditionNode and() {
        Token first = peek();
        List<ConditionNode> terms = new ArrayList<>();
        terms.add(unary());
        while (peek().is("and")) {
            next();
            terms.add(unary());
        }
        return terms.size() == 1 ? terms.get(0)
                : build(first, () -> new ConditionNode.Group(ConditionNode.Joiner.AND, terms));
    }

    private ConditionNode unary() {
        Token t = peek();
        if (t.is("not") || t.type() == Type.LPAREN) {
            next();
            if (++nesting > ConditionNode.MAX_DEPTH) {
                throw error(t, "conditions nest deeper than " + ConditionNode.MAX_DEPTH + " levels");
            }
            ConditionNode node;
            if (t.type() == Type.LPAREN) {
                node = condition();
                Token close = next();
                if (close.type() != Type.RPAREN) {
                    throw error(close, "expected ')' to close the '(' at column " + column(t) + ", found "
                            + close.shown());
                }
            } else {
                ConditionNode term = unary();
                node = build(t, () -> new ConditionNode.Not(term));
            }
            nesting--;
            return node;
        }
        return comparison();
    }

    private ConditionNode comparison() {
        int start = peek().offset();
        OperandModel operand = operand();
        return comparisonTail(operand, text.substring(start, previous().end()));
    }

    private ConditionNode comparisonTail(OperandModel operand, String after) {
        Token t = next();
        if (t.type() == Type.OP) {
            ComparisonOp op = ComparisonOp.fromSymbol(t.raw());
            double threshold = number(t);
            return new ConditionNode.Leaf(operand, op, threshold);
        }
        if (t.is("in") || t.is("outside")) {
            expect(Type.LBRACKET, "'['", t);
            Token lowToken = peek();
            double low = number(previous());
            expect(Type.COMMA, "','", previous());
            double high = number(previous());
            expect(Type.RBRACKET, "']'", previous());
            if (low > high) {
                throw error(lowToken, "the range [" + NumberText.format(low) + ", " + NumberText.format(high)
                        + "] has its low bound above its high bound");
            }
            return new ConditionNode.RangeLeaf(operand, t.is("in"), low, high);
        }
        throw error(t, "expected " + COMPARISONS + " after '" + after + "', found " + t.shown());
    }

    private OperandModel operand() {
        Token t = next();
        if (t.type() == Type.QUOTED) {
            return OperandModel.latest(channel(t));
        }
        if (t.type() != Type.IDENT) {
            throw error(t, "expected " + CONDITION_SHAPES + ", found " + t.shown());
        }
        if (peek().type() != Type.LPAREN) {
            if (RESERVED.contains(t.text().toLowerCase(java.util.Locale.ROOT))) {
                throw error(t, "expected " + CONDITION_SHAPES + ", found " + t.shown()
                        + " (a channel named like a keyword is written in double quotes: \"" + t.raw() + "\")");
            }
            return OperandModel.latest(channel(t));
        }
        Token open = next();
        if (t.is("latest")) {
            String channel = channel(channelToken(open));
            expect(Type.RPAREN, "')'", previous());
            return OperandModel.latest(channel);
        }
        DetectorKind detector = detectorNamed(t.text());
        if (detector != null) {
            String channel = channel(channelToken(open));
            WindowRef window = null;
            if (peek().type() == Type.COMMA) {
                next();
                window = window(previous());
            }
            expect(Type.RPAREN, "')'", previous());
            WindowRef finalWindow = window;
            return build(t, () -> OperandModel.detector(detector, channel, finalWindow));
        }
        Stat stat;
        try {
            stat = Stat.fromKey(t.text());
        } catch (IllegalArgumentException e) {
            throw error(t, "unknown statistic '" + t.raw() + "'; expected latest or one of "
                    + String.join(", ", Arrays.stream(Stat.values()).map(Stat::key).toList())
                    + " (or std, rate, span)");
        }
        String channel = channel(channelToken(open));
        expect(Type.COMMA, "',' and a window", previous());
        WindowRef window = window(previous());
        expect(Type.RPAREN, "')'", previous());
        return OperandModel.of(stat, channel, window);
    }

    private static DetectorKind detectorNamed(String name) {
        for (DetectorKind kind : DetectorKind.values()) {
            if (kind.id().equalsIgnoreCase(name)) {
                return kind;
            }
        }
        return null;
    }

    private Token channelToken(Token after) {
        Token t = next();
        if (t.type() != Type.IDENT && t.type() != Type.QUOTED) {
            throw error(t, "expected a channel after '" + after.raw() + "', found " + t.shown());
        }
        return t;
    }

    private String channel(Token t) {
        try {
            return FieldChecks.name(t.text(), "channel", "channel name");
        } catch (InvalidFieldException e) {
            throw error(t, e.problem());
        }
    }

    private WindowRef window(Token after) {
        Token t = next();
        if (t.is("tumbling")) {
            Duration size = duration(t, "a window size");
            return build(t, () -> WindowRef.tumbling(size));
        }
        if (t.type() == Type.DURATION) {
            pos--;
            Duration size = duration(after, "a window size");
            return build(t, () -> WindowRef.sliding(size));
        }
        if (t.type() == Type.NUMBER) {
            Token unit = peek();
            if (!unit.is("readings") && !unit.is("reading")) {
                throw error(unit, "expected 'readings' after '" + t.raw()
                        + "' for a count window, or a unit for a time window (e.g. " + t.raw() + "s), found "
                        + unit.shown());
            }
            if (!t.raw().chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw error(t, "a count window needs a whole number of readings, found '" + t.raw() + "'");
            }
            int count;
            try {
                count = Integer.parseInt(t.raw());
            } catch (NumberFormatException e) {
                count = Integer.MAX_VALUE;
            }
            next();
            int finalCount = count;
            return build(t, () -> WindowRef.count(finalCount));
        }
        throw error(t, "expected " + WINDOW_SHAPES + " after '" + after.raw() + "', found " + t.shown());
    }

    /** The duration after {@code keyword}; {@code what} names it in messages ("the cooldown"). */
    private Duration duration(Token keyword, String what) {
        Token t = next();
        String raw = t.raw();
        boolean negative = raw.startsWith("-");
        if (t.type() == Type.DURATION || t.type() == Type.NUMBER) {
            if (negative) {
                throw error(t, what + " must not be negative, found '" + raw + "'");
            }
            if (t.type() == Type.NUMBER) {
                throw error(t, "expected a duration after '" + keyword.raw() + "' (e.g. 500ms, 5s, 1m), found '"
                        + raw + "': add a unit (h, m, s, ms, us or ns)");
            }
            try {
                Duration d = DurationText.parse(raw.startsWith("+") ? raw.substring(1) : raw);
                if (d.isZero() && what.equals("a window size")) {
                    throw error(t, "a window size must be positive, found '" + raw + "'");
                }
                return d;
            } catch (IllegalArgumentException e) {
                if (e instanceof TriggerSyntaxException s) {
                    throw s;
                }
                throw error(t, e.getMessage());
            }
        }
        throw error(t, "expected a duration after '" + keyword.raw() + "' (e.g. 500ms, 5s, 1m), found " + t.shown());
    }

    private double number(Token after) {
        Token t = next();
        if (t.type() != Type.NUMBER) {
            throw error(t, "expected a number after '" + after.raw() + "', found " + t.shown());
        }
        double value = Double.parseDouble(t.raw());
        if (!Double.isFinite(value)) {
            throw error(t, "the number '" + t.raw() + "' is too large");
        }
        return value;
    }

    private void expect(Type type, String what, Token after) {
        Token t = next();
        if (t.type() != type) {
            throw error(t, "expected " + what + " after '" + after.raw() + "', found " + t.shown());
        }
    }

    /** Builds a model record, turning a rejected value into an error at {@code at}. */
    private <T> T build(Token at, Supplier<T> builder) {
        try {
            return builder.get();
        } catch (InvalidFieldException e) {
            throw error(at, e.getMessage());
        }
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.type() != Type.EOF) {
            pos++;
        }
        return t;
    }

    private Token previous() {
        return tokens.get(Math.max(0, pos - 1));
    }

    private int column(Token t) {
        return t.offset() - text.lastIndexOf('\n', t.offset() - 1);
    }

    private TriggerSyntaxException error(Token t, String detail) {
        return new TriggerSyntaxException(text, t.offset(), t.raw().length(), t.raw(), detail);
    }
}
