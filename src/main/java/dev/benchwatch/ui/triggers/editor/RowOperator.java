package dev.benchwatch.ui.triggers.editor;

import dev.benchwatch.engine.trigger.ComparisonOp;

/**
 * The operator choice of a condition row: the six comparisons with one threshold, and the two range tests
 * with a low and a high bound. One list, because a person picks "inside" from the same drop-down as "&gt;".
 */
public enum RowOperator {
    GT(">", ComparisonOp.GT), GE(">=", ComparisonOp.GE), LT("<", ComparisonOp.LT), LE("<=", ComparisonOp.LE),
    EQ("==", ComparisonOp.EQ), NE("!=", ComparisonOp.NE), INSIDE("inside", null), OUTSIDE("outside", null);

    private final String label;
    private final ComparisonOp comparison;

    RowOperator(String label, ComparisonOp comparison) {
        this.label = label;
        this.comparison = comparison;
    }

    /** What the drop-down shows: the symbol the text uses, or {@code inside} / {@code outside}. */
    public String label() {
        return label;
    }

    /** The comparison, or null for a range test. */
    public ComparisonOp comparison() {
        return comparison;
    }

    public boolean isRange() {
        return comparison == null;
    }

    public static RowOperator of(ComparisonOp op) {
        for (RowOperator value : values()) {
            if (value.comparison == op) {
                return value;
            }
        }
        throw new IllegalArgumentException("no operator for " + op);
    }

    @Override
    public String toString() {
        return label;
    }
}
