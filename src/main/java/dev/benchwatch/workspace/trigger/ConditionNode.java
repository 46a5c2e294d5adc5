package dev.benchwatch.workspace.trigger;

import dev.benchwatch.engine.trigger.ComparisonOp;
import java.util.List;

/**
 * The WHEN (or CLEAR WHEN) part of a trigger as the editor holds it: comparisons joined into AND / OR
 * groups, which may nest, and NOT.
 *
 * <p>A group holds at least two conditions: a group of one is just its condition ({@link #group} collapses
 * it), so every tree has exactly one text form and back.
 */
public sealed interface ConditionNode {
    /** How far groups and NOTs may nest (the parser refuses deeper text, so nothing overflows the stack). */
    int MAX_DEPTH = 32;

    /** How a group's conditions combine. In the text, {@code and} binds tighter than {@code or}. */
    enum Joiner {
        AND, OR;

        public String keyword() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Conditions joined by AND or OR. */
    record Group(Joiner joiner, List<ConditionNode> terms) implements ConditionNode {
        public Group {
            if (joiner == null) {
                throw new InvalidFieldException("joiner", "choose AND or OR");
            }
            if (terms == null || terms.size() < 2) {
                throw new InvalidFieldException("terms", "an " + joiner + " group needs at least two conditions");
            }
            for (ConditionNode term : terms) {
                if (term == null) {
                    throw new InvalidFieldException("terms", "a condition of the group is missing");
                }
            }
            terms = List.copyOf(terms);
            checkDepth(terms);
        }
    }

    /** True when its condition is not. */
    record Not(ConditionNode term) implements ConditionNode {
        public Not {
            if (term == null) {
                throw new InvalidFieldException("term", "NOT needs a condition");
            }
            checkDepth(List.of(term));
        }
    }

    /** {@code operand op threshold}, e.g. {@code mean(oven_temp, 10s) > 180}. */
    record Leaf(OperandModel operand, ComparisonOp op, double threshold) implements ConditionNode {
        public Leaf {
            if (operand == null) {
                throw new InvalidFieldException("operand", "choose a channel");
            }
            if (op == null) {
                throw new InvalidFieldException("operator", "choose one of > >= < <= == !=");
            }
            FieldChecks.finite(threshold, "threshold");
        }
    }

    /** The operand inside {@code [low, high]} (bounds included), or outside it. */
    record RangeLeaf(OperandModel operand, boolean inside, double low, double high) implements ConditionNode {
        public RangeLeaf {
            if (operand == null) {
                throw new InvalidFieldException("operand", "choose a channel");
            }
            FieldChecks.finite(low, "low");
            FieldChecks.finite(high, "high");
            if (low > high) {
                throw new InvalidFieldException("low", "the low bound " + NumberText.format(low)
                        + " is above the high bound " + NumberText.format(high));
            }
        }
    }

    /** The group of {@code terms}, or the single term itself. */
    static ConditionNode group(Joiner joiner, List<ConditionNode> terms) {
        if (terms != null && terms.size() == 1 && terms.get(0) != null) {
            return terms.get(0);
        }
        return new Group(joiner, terms);
    }

    static ConditionNode and(ConditionNode... terms) {
        return group(Joiner.AND, List.of(terms));
    }

    static ConditionNode or(ConditionNode... terms) {
        return group(Joiner.OR, List.of(terms));
    }

    static ConditionNode not(ConditionNode term) {
        return new Not(term);
    }

    static ConditionNode compare(OperandModel operand, ComparisonOp op, double threshold) {
        return new Leaf(operand, op, threshold);
    }

    /** How deeply this tree nests: 1 for a comparison. */
    default int depth() {
        return switch (this) {
            case Group g -> 1 + g.terms().stream().mapToInt(ConditionNode::depth).max().orElse(0);
            case Not n -> 1 + n.term().depth();
            case Leaf l -> 1;
            case RangeLeaf r -> 1;
        };
    }

    /** True for a single comparison (a {@link Leaf} or a {@link RangeLeaf}). */
    default boolean isComparison() {
        return this instanceof Leaf || this instanceof RangeLeaf;
    }

    /** The operand of a single comparison; null for groups and NOT. */
    default OperandModel comparisonOperand() {
        return switch (this) {
            case Leaf l -> l.operand();
            case RangeLeaf r -> r.operand();
            default -> null;
        };
    }

    private static void checkDepth(List<ConditionNode> terms) {
        for (ConditionNode term : terms) {
            if (term.depth() >= MAX_DEPTH) {
                throw new InvalidFieldException("terms", "conditions nest deeper than " + MAX_DEPTH + " levels");
            }
        }
    }
}
