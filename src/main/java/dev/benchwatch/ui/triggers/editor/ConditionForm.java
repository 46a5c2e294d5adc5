package dev.benchwatch.ui.triggers.editor;

import dev.benchwatch.engine.detect.DetectorKind;
import dev.benchwatch.engine.window.Stat;
import dev.benchwatch.workspace.trigger.ConditionNode;
import dev.benchwatch.workspace.trigger.FieldText;
import dev.benchwatch.workspace.trigger.OperandModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A WHEN or CLEAR condition as the form holds it while a person edits it: the same tree as
 * {@link ConditionNode}, but every field is the raw text typed so far ({@code "abc"} as a threshold is a
 * state the form must keep and point at), and groups may hold fewer than two terms for a moment. Immutable,
 * so a form state is a value an undo step can keep. {@link ConditionReader} turns it into a model.
 */
public sealed interface ConditionForm {

    /** Terms joined by AND or OR; the root of WHEN and CLEAR is always a group (one term: just that term). */
    record Group(ConditionNode.Joiner joiner, List<ConditionForm> terms) implements ConditionForm {
        public Group {
            Objects.requireNonNull(joiner, "joiner");
            terms = List.copyOf(terms);
        }

        public Group withTerms(List<ConditionForm> value) {
            return new Group(joiner, value);
        }

        public Group withJoiner(ConditionNode.Joiner value) {
            return new Group(value, terms);
        }

        /** This group with {@code term} added at the end. */
        public Group plus(ConditionForm term) {
            List<ConditionForm> next = new ArrayList<>(terms);
            next.add(term);
            return new Group(joiner, next);
        }
    }

    /** NOT around one term. */
    record Not(ConditionForm term) implements ConditionForm {
        public Not {
            Objects.requireNonNull(term, "term");
        }
    }

    /**
     * One comparison: {@code [channel] [value | stat over window] [operator] [threshold | low, high]}.
     *
     * @param stat null for the channel's latest value
     */
    record Row(String channel, Stat stat, String window, RowOperator op, String threshold, String low,
               String high, DetectorKind detector) implements ConditionForm {
        public Row {
            channel = channel == null ? "" : channel;
            window = window == null ? "" : window;
            Objects.requireNonNull(op, "op");
            threshold = threshold == null ? "" : threshold;
            low = low == null ? "" : low;
            high = high == null ? "" : high;
            if (detector != null) {
                stat = null; // a detector's score is not a statistic
            }
        }

        /** A row on a channel's value or a statistic (no detector). */
        public Row(String channel, Stat stat, String window, RowOperator op, String threshold, String low,
                   String high) {
            this(channel, stat, window, op, threshold, low, high, null);
        }

        /** A new row on {@code channel}: latest value, {@code >}, no threshold yet. */
        public static Row blank(String channel) {
            return new Row(channel, null, "", RowOperator.GT, "", "", "");
        }

        public Row withChannel(String value) {
            return new Row(value, stat, window, op, threshold, low, high, detector);
        }

        /** Another statistic; a first aggregate gets a 10 s window so the row reads as a whole at once. */
        public Row withStat(Stat value) {
            String w = value != null && (window.isBlank() || detector != null) ? "10s" : value == null ? "" : window;
            return new Row(channel, value, w, op, threshold, low, high, null);
        }

        /** A detector's score (docs/DETECTORS.md); the window starts empty: the detector's default time. */
        public Row withDetector(DetectorKind value) {
            return new Row(channel, null, "", op, threshold, low, high, value);
        }

        public Row withWindow(String value) {
            return new Row(channel, stat, value, op, threshold, low, high, detector);
        }

        public Row withOp(RowOperator value) {
            return new Row(channel, stat, window, value, threshold, low, high, detector);
        }

        public Row withThreshold(String value) {
            return new Row(channel, stat, window, op, value, low, high, detector);
        }

        public Row withLow(String value) {
            return new Row(channel, stat, window, op, threshold, value, high, detector);
        }

        public Row withHigh(String value) {
            return new Row(channel, stat, window, op, threshold, low, value, detector);
        }
    }

    /** The form of a model condition, fields in their canonical text. */
    static ConditionForm of(ConditionNode node) {
        return switch (node) {
            case ConditionNode.Group g -> new Group(g.joiner(), g.terms().stream().map(ConditionForm::of).toList());
            case ConditionNode.Not n -> new Not(of(n.term()));
            case ConditionNode.Leaf l -> new Row(l.operand().channel(), l.operand().stat(), window(l.operand()),
                    RowOperator.of(l.op()), FieldText.number(l.threshold()), "", "", l.operand().detector());
            case ConditionNode.RangeLeaf r -> new Row(r.operand().channel(), r.operand().stat(), window(r.operand()),
                    r.inside() ? RowOperator.INSIDE : RowOperator.OUTSIDE, "", FieldText.number(r.low()),
                    FieldText.number(r.high()), r.operand().detector());
        };
    }

    /**
     * The root group the form shows for a condition: a group stays itself; anything else becomes a group of
     * one, so the form always offers "add a condition" and reading it back gives the same node.
     */
    static Group root(ConditionNode node) {
        if (node == null) {
            return new Group(ConditionNode.Joiner.AND, List.of());
        }
        ConditionForm form = of(node);
        return form instanceof Group g ? g : new Group(ConditionNode.Joiner.AND, List.of(form));
    }

    private static String window(OperandModel operand) {
        return operand.window() == null ? "" : FieldText.window(operand.window());
    }

    /** A string that differs between two trees exactly when their layout (kinds, nesting, sizes) does. */
    default String shape() {
        return switch (this) {
            case Group g -> "G(" + String.join(",", g.terms().stream().map(ConditionForm::shape).toList()) + ")";
            case Not n -> "N(" + n.term().shape() + ")";
            case Row r -> "R";
        };
    }
}
