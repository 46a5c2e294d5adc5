package dev.benchwatch.workspace.trigger;

import java.util.Locale;

/** The canonical text of a trigger expression (see {@link TriggerText}). */
final class TriggerPrinter {
    private TriggerPrinter() {
    }

    static String print(TriggerExpression expression) {
        StringBuilder out = new StringBuilder();
        condition(out, expression.when());
        if (!expression.forDuration().isZero()) {
            out.append(" for ").append(DurationText.format(expression.forDuration()));
        }
        ConditionNode clear = expression.clear();
        if (clear != null) {
            out.append(" clear ");
            OperandModel whenOperand = expression.when().comparisonOperand();
            if (whenOperand != null && whenOperand.equals(clear.comparisonOperand())) {
                comparisonTail(out, clear);
            } else {
                condition(out, clear);
            }
        }
        if (!expression.cooldown().isZero()) {
            out.append(" cooldown ").append(DurationText.format(expression.cooldown()));
        }
        return out.toString();
    }

    static String print(ConditionNode node) {
        StringBuilder out = new StringBuilder();
        condition(out, node);
        return out.toString();
    }

    private static void condition(StringBuilder out, ConditionNode node) {
        switch (node) {
            case ConditionNode.Group group -> {
                String joiner = " " + group.joiner().keyword() + " ";
                for (int i = 0; i < group.terms().size(); i++) {
                    if (i > 0) {
                        out.append(joiner);
                    }
                    ConditionNode term = group.terms().get(i);
                    // AND binds tighter than OR; a group of the same joiner keeps its own parentheses
                    boolean bare = !(term instanceof ConditionNode.Group inner)
                            || (group.joiner() == ConditionNode.Joiner.OR
                            && inner.joiner() == ConditionNode.Joiner.AND);
                    parenthesised(out, term, !bare);
                }
            }
            case ConditionNode.Not not -> {
                out.append("not ");
                parenthesised(out, not.term(), not.term() instanceof ConditionNode.Group);
            }
            case ConditionNode.Leaf leaf -> {
                operand(out, leaf.operand());
                comparisonTail(out, leaf);
            }
            case ConditionNode.RangeLeaf range -> {
                operand(out, range.operand());
                comparisonTail(out, range);
            }
        }
    }

    private static void parenthesised(StringBuilder out, ConditionNode node, boolean parentheses) {
        if (parentheses) {
            out.append('(');
        }
        condition(out, node);
        if (parentheses) {
            out.append(')');
        }
    }

    /** What follows the operand: {@code > 180}, {@code in [1, 2]}; starts after a space it adds itself. */
    private static void comparisonTail(StringBuilder out, ConditionNode comparison) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
        switch (comparison) {
            case ConditionNode.Leaf leaf -> out.append(leaf.op().symbol()).append(' ')
                    .append(NumberText.format(leaf.threshold()));
            case ConditionNode.RangeLeaf range -> out.append(range.inside() ? "in [" : "outside [")
                    .append(NumberText.format(range.low())).append(", ").append(NumberText.format(range.high()))
                    .append(']');
            default -> throw new IllegalArgumentException("not a comparison: " + comparison);
        }
    }

    private static void operand(StringBuilder out, OperandModel operand) {
        if (operand.isLatest()) {
            channel(out, operand.channel());
            return;
        }
        if (operand.isDetector()) {
            out.append(operand.detector().id()).append('(');
            channel(out, operand.channel());
            if (operand.window() != null) {
                out.append(", ").append(DurationText.format(operand.window().size()));
            }
            out.append(')');
            return;
        }
        out.append(operand.stat().key()).append('(');
        channel(out, operand.channel());
        out.append(", ");
        WindowRef window = operand.window();
        switch (window.kind()) {
            case SLIDING -> out.append(DurationText.format(window.size()));
            case TUMBLING -> out.append("tumbling ").append(DurationText.format(window.size()));
            case COUNT -> out.append(window.count()).append(window.count() == 1 ? " reading" : " readings");
        }
        out.append(')');
    }

    private static void channel(StringBuilder out, String name) {
        if (TriggerParser.RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            out.append('"').append(name).append('"');
        } else {
            out.append(name);
        }
    }
}
