package dev.benchwatch.engine.trigger;

import java.util.List;
import java.util.Set;
import java.util.function.DoubleSupplier;

/** Turns a {@link Condition} tree into a {@link CompiledCondition}, collecting what it depends on. */
public final class ConditionCompiler {
    private final ConditionContext context;
    private final Set<Integer> channels;
    private boolean eventSensitive;
    private DoubleSupplier primaryProbe;

    /** @param channels receives the ids of every channel the condition reads */
    public ConditionCompiler(ConditionContext context, Set<Integer> channels) {
        this.context = context;
        this.channels = channels;
    }

    public CompiledCondition compile(Condition condition) {
        return switch (condition) {
            case Condition.All all -> new CompiledCondition.AllOf(compileAll(all.terms()));
            case Condition.Any any -> new CompiledCondition.AnyOf(compileAll(any.terms()));
            case Condition.Not not -> new CompiledCondition.NotOf(compile(not.term()));
            case Condition.Compare compare -> new CompiledCondition.CompareLeaf(probe(compare.operand()),
                    compare.op(), compare.threshold());
            case Condition.Range range -> new CompiledCondition.RangeLeaf(probe(range.operand()), range.inside(),
                    range.low(), range.high());
            case Condition.EventMatch match -> {
                eventSensitive = true;
                yield new CompiledCondition.EventLeaf(context.lastEventCell(match.type(), match.device()),
                        match.withinNanos());
            }
        };
    }

    /** True when the condition has an event leaf, so events must re-evaluate it. */
    public boolean isEventSensitive() {
        return eventSensitive;
    }

    /** The first operand's probe: the value reported with the trigger's transitions; null if none. */
    public DoubleSupplier primaryProbe() {
        return primaryProbe;
    }

    private CompiledCondition[] compileAll(List<Condition> terms) {
        CompiledCondition[] out = new CompiledCondition[terms.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = compile(terms.get(i));
        }
        return out;
    }

    private DoubleSupplier probe(Operand operand) {
        DoubleSupplier probe = context.probe(operand);
        channels.add(context.channelOf(operand));
        if (primaryProbe == null) {
            primaryProbe = probe;
        }
        return probe;
    }
}
