package dev.benchwatch.workspace.trigger;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What a trigger reads: its channels, and the thresholds it compares one channel against. */
public final class TriggerChannels {
    private TriggerChannels() {
    }

    /** Every channel the WHEN and CLEAR conditions read, WHEN's first operand first. */
    public static Set<String> of(TriggerModel trigger) {
        Set<String> channels = new LinkedHashSet<>();
        collect(trigger.when(), channels);
        if (trigger.clear() != null) {
            collect(trigger.clear(), channels);
        }
        return channels;
    }

    /** The channel the preview draws: the one WHEN's first comparison reads. */
    public static String primary(TriggerModel trigger) {
        return of(trigger).iterator().next();
    }

    /** The thresholds (and range bounds) that WHEN and CLEAR compare {@code channel} against, without repeats. */
    public static List<Double> thresholds(TriggerModel trigger, String channel) {
        Set<Double> values = new LinkedHashSet<>();
        thresholds(trigger.when(), channel, values);
        if (trigger.clear() != null) {
            thresholds(trigger.clear(), channel, values);
        }
        return new ArrayList<>(values);
    }

    private static void collect(ConditionNode node, Set<String> channels) {
        switch (node) {
            case ConditionNode.Group group -> group.terms().forEach(t -> collect(t, channels));
            case ConditionNode.Not not -> collect(not.term(), channels);
            case ConditionNode.Leaf leaf -> channels.add(leaf.operand().channel());
            case ConditionNode.RangeLeaf range -> channels.add(range.operand().channel());
        }
    }

    private static void thresholds(ConditionNode node, String channel, Set<Double> values) {
        switch (node) {
            case ConditionNode.Group group -> group.terms().forEach(t -> thresholds(t, channel, values));
            case ConditionNode.Not not -> thresholds(not.term(), channel, values);
            case ConditionNode.Leaf leaf -> {
                if (leaf.operand().channel().equals(channel)) {
                    values.add(leaf.threshold());
                }
            }
            case ConditionNode.RangeLeaf range -> {
                if (range.operand().channel().equals(channel)) {
                    values.add(range.low());
                    values.add(range.high());
                }
            }
        }
    }
}
