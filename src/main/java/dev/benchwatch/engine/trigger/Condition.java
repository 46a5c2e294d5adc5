package dev.benchwatch.engine.trigger;

import dev.benchwatch.engine.event.EventType;
import java.util.List;
import java.util.Objects;

/**
 * A trigger's condition: a tree of AND / OR / NOT over leaves. The tree is plain data (what a workspace
 * file and the editor hold); {@link ConditionCompiler} turns it into something the engine evaluates
 * without allocation.
 */
public sealed interface Condition {

    /** True when every term is. */
    record All(List<Condition> terms) implements Condition {
        public All {
            terms = nonEmpty(terms, "AND");
        }
    }

    /** True when any term is. */
    record Any(List<Condition> terms) implements Condition {
        public Any {
            terms = nonEmpty(terms, "OR");
        }
    }

    record Not(Condition term) implements Condition {
        public Not {
            Objects.requireNonNull(term, "NOT needs a condition");
        }
    }

    /** {@code operand op threshold}, e.g. {@code mean(oven_10s) > 180}. */
    record Compare(Operand operand, ComparisonOp op, double threshold) implements Condition {
        public Compare {
            Objects.requireNonNull(operand, "operand");
            Objects.requireNonNull(op, "comparison");
            if (!Double.isFinite(threshold)) {
                throw new IllegalArgumentException("threshold for " + operand + " must be a finite number, got "
                        + threshold);
            }
        }
    }

    /** Value inside [low, high] (or outside it, when {@code inside} is false). */
    record Range(Operand operand, boolean inside, double low, double high) implements Condition {
        public Range {
            Objects.requireNonNull(operand, "operand");
            if (!Double.isFinite(low) || !Double.isFinite(high)) {
                throw new IllegalArgumentException("range bounds for " + operand + " must be finite numbers");
            }
            if (low > high) {
                throw new IllegalArgumentException("range for " + operand + ": low " + low + " is above high " + high);
            }
        }
    }

    /**
     * True when an event of {@code type} from {@code device} ("" for any device) happened within
     * {@code withinNanos} before the evaluation (0: only at the evaluation the event itself causes).
     */
    record EventMatch(EventType type, String device, long withinNanos) implements Condition {
        public EventMatch {
            Objects.requireNonNull(type, "event type");
            device = device == null ? "" : device;
            if (withinNanos < 0) {
                throw new IllegalArgumentException("event match window must be >= 0, got " + withinNanos);
            }
        }
    }

    static Condition and(Condition... terms) {
        return new All(List.of(terms));
    }

    static Condition or(Condition... terms) {
        return new Any(List.of(terms));
    }

    static Condition not(Condition term) {
        return new Not(term);
    }

    static Condition compare(Operand operand, ComparisonOp op, double threshold) {
        return new Compare(operand, op, threshold);
    }

    private static List<Condition> nonEmpty(List<Condition> terms, String what) {
        if (terms == null || terms.isEmpty()) {
            throw new IllegalArgumentException(what + " needs at least one condition");
        }
        for (Condition term : terms) {
            Objects.requireNonNull(term, what + " term");
        }
        return List.copyOf(terms);
    }
}
