package dev.benchwatch.workspace.trigger;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.action.ActionSpec;
import dev.benchwatch.engine.trigger.Condition;
import dev.benchwatch.engine.trigger.Operand;
import dev.benchwatch.engine.trigger.TriggerSpec;
import dev.benchwatch.engine.window.WindowResult;
import dev.benchwatch.engine.window.WindowSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link TriggerModel} as the engine runs it: the windows its aggregates read and the trigger itself.
 *
 * <p>Each distinct (channel, window) becomes one engine window (engine windows keep every statistic), with
 * the deterministic id {@code <channel>.<kind>_<size>}: {@code oven_temp.sliding_10s},
 * {@code oven_temp.tumbling_1m}, {@code oven_temp.count_100}. Two triggers over the same window share it.
 *
 * @param windows the windows, in the order the condition (then the clear condition) first names them
 * @param trigger the engine trigger
 */
public record EngineTrigger(List<WindowSpec> windows, TriggerSpec trigger) {
    public EngineTrigger {
        windows = List.copyOf(windows);
    }

    public static EngineTrigger from(TriggerModel model) {
        Map<String, WindowSpec> windows = new LinkedHashMap<>();
        Condition condition = condition(model.when(), windows);
        Condition clear = model.clear() == null ? null : condition(model.clear(), windows);
        List<ActionSpec> actions = model.actions().stream().map(ActionModel::toSpec).toList();
        TriggerSpec spec = new TriggerSpec(model.id(), model.name(), model.severity(), condition,
                model.forDuration().toNanos(), clear, model.cooldown().toNanos(), actions,
                model.mode() == TriggerModel.Mode.SHADOW, model.enabled());
        return new EngineTrigger(new ArrayList<>(windows.values()), spec);
    }

    /** The engine window id for an aggregate over {@code window} of {@code channel}. */
    public static String windowId(String channel, WindowRef window) {
        return channel + "." + window.idSuffix();
    }

    /**
     * Adds the windows the engine does not have yet, then the trigger. Unknown channels and a duplicate
     * trigger id are rejected by the engine with its message.
     */
    public void install(Engine engine) {
        addMissingWindows(engine);
        engine.addTrigger(trigger);
    }

    /**
     * Adds the windows the engine does not have yet, then puts the trigger in place of {@code previousId} in
     * one step ({@link Engine#replaceTrigger}): when the engine refuses it, the old trigger keeps running, and
     * a detector both conditions read keeps what it has learned.
     */
    public void replace(Engine engine, String previousId) {
        addMissingWindows(engine);
        engine.replaceTrigger(previousId, trigger);
    }

    private void addMissingWindows(Engine engine) {
        Set<String> existing = new HashSet<>();
        for (WindowResult result : engine.snapshotNow().windows()) {
            existing.add(result.windowId());
        }
        for (WindowSpec window : windows) {
            if (!existing.contains(window.id())) {
                engine.addWindow(window);
            }
        }
    }

    private static Condition condition(ConditionNode node, Map<String, WindowSpec> windows) {
        return switch (node) {
            case ConditionNode.Group group -> {
                List<Condition> terms = group.terms().stream().map(t -> condition(t, windows)).toList();
                yield group.joiner() == ConditionNode.Joiner.AND ? new Condition.All(terms) : new Condition.Any(terms);
            }
            case ConditionNode.Not not -> new Condition.Not(condition(not.term(), windows));
            case ConditionNode.Leaf leaf -> new Condition.Compare(operand(leaf.operand(), windows), leaf.op(),
                    leaf.threshold());
            case ConditionNode.RangeLeaf range -> new Condition.Range(operand(range.operand(), windows),
                    range.inside(), range.low(), range.high());
        };
    }

    private static Operand operand(OperandModel operand, Map<String, WindowSpec> windows) {
        if (operand.isLatest()) {
            return Operand.latest(operand.channel());
        }
        if (operand.isDetector()) {
            return Operand.detector(operand.detector(), operand.channel(), operand.detectorWindowNanos());
        }
        WindowSpec spec = operand.window().toSpec(operand.channel());
        windows.putIfAbsent(spec.id(), spec);
        return Operand.window(spec.id(), operand.stat());
    }
}
