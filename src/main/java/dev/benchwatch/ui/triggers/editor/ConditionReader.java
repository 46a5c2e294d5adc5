package dev.benchwatch.ui.triggers.editor;

import dev.benchwatch.workspace.trigger.ConditionNode;
import dev.benchwatch.workspace.trigger.FieldText;
import dev.benchwatch.workspace.trigger.InvalidFieldException;
import dev.benchwatch.workspace.trigger.OperandModel;
import dev.benchwatch.workspace.trigger.WindowRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link ConditionForm} tree into a {@link ConditionNode}, checking every field rather than stopping
 * at the first, so each one in error gets its own message under its {@link ConditionPath#key key}
 * ({@code when[0].threshold}: "enter a number, e.g. 180"). A channel missing from the workspace is a
 * warning, not an error: its device may simply not be connected yet.
 */
final class ConditionReader {
    private final Set<String> channels;
    private final Map<String, String> errors;
    private final Map<String, String> warnings;

    ConditionReader(Collection<String> channels, Map<String, String> errors, Map<String, String> warnings) {
        this.channels = Set.copyOf(channels);
        this.errors = errors;
        this.warnings = warnings;
    }

    /** The condition of a root group, or null after recording why not. */
    ConditionNode readRoot(ConditionForm.Group root, ConditionPath path, String emptyMessage) {
        if (root.terms().isEmpty()) {
            errors.put(path.key(null), emptyMessage);
            return null;
        }
        return read(root, path);
    }

    private ConditionNode read(ConditionForm node, ConditionPath path) {
        return switch (node) {
            case ConditionForm.Group g -> group(g, path);
            case ConditionForm.Not n -> {
                ConditionNode term = read(n.term(), path.child(0));
                yield term == null ? null : build(path, () -> new ConditionNode.Not(term));
            }
            case ConditionForm.Row r -> row(r, path);
        };
    }

    private ConditionNode group(ConditionForm.Group g, ConditionPath path) {
        if (g.terms().isEmpty()) {
            errors.put(path.key(null), "add a condition to this group, or remove the group");
            return null;
        }
        List<ConditionNode> terms = new ArrayList<>();
        boolean failed = false;
        for (int i = 0; i < g.terms().size(); i++) {
            ConditionNode term = read(g.terms().get(i), path.child(i));
            failed |= term == null;
            terms.add(term);
        }
        return failed ? null : build(path, () -> ConditionNode.group(g.joiner(), terms));
    }

    private ConditionNode row(ConditionForm.Row r, ConditionPath path) {
        OperandModel operand = operand(r, path);
        if (r.op().isRange()) {
            Double low = number(r.low(), path.key("low"));
            Double high = number(r.high(), path.key("high"));
            if (operand == null || low == null || high == null) {
                return null;
            }
            if (low > high) {
                errors.put(path.key("low"), "the low bound " + FieldText.number(low) + " is above the high bound "
                        + FieldText.number(high));
                return null;
            }
            return build(path, () -> new ConditionNode.RangeLeaf(operand, r.op() == RowOperator.INSIDE, low, high));
        }
        Double threshold = number(r.threshold(), path.key("threshold"));
        if (operand == null || threshold == null) {
            return null;
        }
        return build(path, () -> new ConditionNode.Leaf(operand, r.op().comparison(), threshold));
    }

    private OperandModel operand(ConditionForm.Row r, ConditionPath path) {
        String channel = r.channel().strip();
        String channelKey = path.key("channel");
        if (channel.isEmpty()) {
            errors.put(channelKey, "choose a channel");
            return null;
        }
        if (r.detector() != null) {
            return detectorOperand(r, channel, path);
        }
        WindowRef window = null;
        if (r.stat() != null) {
            try {
                window = FieldText.parseWindow(r.window(), path.key("window"));
            } catch (InvalidFieldException e) {
                errors.put(e.field(), e.problem());
            }
        }
        OperandModel operand;
        try {
            operand = OperandModel.latest(channel);
        } catch (InvalidFieldException e) {
            errors.put(channelKey, e.problem());
            return null;
        }
        if (!channels.isEmpty() && !channels.contains(channel)) {
            warnings.put(channelKey, "no channel '" + channel + "' in this workspace (yet)");
        }
        if (r.stat() == null) {
            return operand;
        }
        return window == null ? null : OperandModel.of(r.stat(), channel, window);
    }

    /** A detector's score; an empty window is the detector's default time. */
    private OperandModel detectorOperand(ConditionForm.Row r, String channel, ConditionPath path) {
        WindowRef window = null;
        if (!r.window().isBlank()) {
            try {
                window = FieldText.parseWindow(r.window(), path.key("window"));
            } catch (InvalidFieldException e) {
                errors.put(e.field(), e.problem());
                return null;
            }
        }
        if (!channels.isEmpty() && !channels.contains(channel)) {
            warnings.put(path.key("channel"), "no channel '" + channel + "' in this workspace (yet)");
        }
        try {
            return OperandModel.detector(r.detector(), channel, window);
        } catch (InvalidFieldException e) {
            errors.put(path.key(e.field()), e.problem());
            return null;
        }
    }

    private Double number(String text, String key) {
        try {
            return FieldText.parseNumber(text, key);
        } catch (InvalidFieldException e) {
            errors.put(key, e.problem());
            return null;
        }
    }

    private ConditionNode build(ConditionPath path, java.util.function.Supplier<ConditionNode> builder) {
        try {
            return builder.get();
        } catch (InvalidFieldException e) {
            errors.put(path.key(null), e.problem());
            return null;
        }
    }
}
