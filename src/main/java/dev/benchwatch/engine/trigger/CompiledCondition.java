package dev.benchwatch.engine.trigger;

import java.util.function.DoubleSupplier;

/** A condition ready to evaluate on the engine thread: no allocation, no lookups by name. */
public interface CompiledCondition {
    boolean test(long nowNanos);

    record AllOf(CompiledCondition[] terms) implements CompiledCondition {
        @Override
        public boolean test(long nowNanos) {
            for (CompiledCondition term : terms) {
                if (!term.test(nowNanos)) {
                    return false;
                }
            }
            return true;
        }
    }

    record AnyOf(CompiledCondition[] terms) implements CompiledCondition {
        @Override
        public boolean test(long nowNanos) {
            for (CompiledCondition term : terms) {
                if (term.test(nowNanos)) {
                    return true;
                }
            }
            return false;
        }
    }

    record NotOf(CompiledCondition term) implements CompiledCondition {
        @Override
        public boolean test(long nowNanos) {
            return !term.test(nowNanos);
        }
    }

    record CompareLeaf(DoubleSupplier probe, ComparisonOp op, double threshold) implements CompiledCondition {
        @Override
        public boolean test(long nowNanos) {
            return op.test(probe.getAsDouble(), threshold);
        }
    }

    record RangeLeaf(DoubleSupplier probe, boolean inside, double low, double high) implements CompiledCondition {
        @Override
        public boolean test(long nowNanos) {
            double v = probe.getAsDouble();
            if (v != v) {
                return false;
            }
            boolean within = v >= low && v <= high;
            return within == inside;
        }
    }

    record EventLeaf(long[] lastEventCell, long withinNanos) implements CompiledCondition {
        @Override
        public boolean test(long nowNanos) {
            long last = lastEventCell[0];
            return last != Long.MIN_VALUE && nowNanos >= last && nowNanos - last <= withinNanos;
        }
    }
}
