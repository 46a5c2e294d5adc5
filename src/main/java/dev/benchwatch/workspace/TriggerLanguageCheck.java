package dev.benchwatch.workspace;

import dev.benchwatch.workspace.file.TriggerTextCheck;
import dev.benchwatch.workspace.trigger.ConditionNode;
import dev.benchwatch.workspace.trigger.InvalidFieldException;
import dev.benchwatch.workspace.trigger.TriggerExpression;
import dev.benchwatch.workspace.trigger.TriggerSyntaxException;
import dev.benchwatch.workspace.trigger.TriggerText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a workspace trigger's condition text with the trigger language: the syntax (with the column of the
 * token in error) and that every channel it names exists in the workspace. A {@code clear} written as the
 * shorthand tail ({@code < 175}, meaning the WHEN operand) is accepted here; the reader pairs it with WHEN.
 */
public final class TriggerLanguageCheck implements TriggerTextCheck {
    private static final Pattern SHORTHAND_TAIL = Pattern.compile("\\s*(<|>|=|!|(?i:in|outside)\\b).*", Pattern.DOTALL);

    @Override
    public List<Problem> check(String text, Set<String> channels, Set<String> windows) {
        if (SHORTHAND_TAIL.matcher(text).matches()) {
            try {
                TriggerText.parse("x " + text); // the tail after a stand-in operand
                return List.of();
            } catch (TriggerSyntaxException e) {
                return List.of(new Problem(Math.max(0, e.offset() - 2), e.detail()));
            } catch (InvalidFieldException e) {
                return List.of(new Problem(0, e.getMessage()));
            }
        }
        TriggerExpression expression;
        try {
            expression = TriggerText.parse(text);
        } catch (TriggerSyntaxException e) {
            return List.of(new Problem(e.offset(), e.detail()));
        } catch (InvalidFieldException e) {
            return List.of(new Problem(0, e.getMessage()));
        }
        List<Problem> problems = new ArrayList<>();
        if (expression.forDuration() != null && !expression.forDuration().isZero() || expression.clear() != null
                || expression.cooldown() != null && !expression.cooldown().isZero()) {
            problems.add(new Problem(0, "a condition only here: 'for', 'clear' and 'cooldown' have fields of their own"));
        }
        checkChannels(expression.when(), text, channels, problems);
        return problems;
    }

    private static void checkChannels(ConditionNode node, String text, Set<String> channels, List<Problem> problems) {
        switch (node) {
            case ConditionNode.Group group -> group.terms().forEach(t -> checkChannels(t, text, channels, problems));
            case ConditionNode.Not not -> checkChannels(not.term(), text, channels, problems);
            case ConditionNode.Leaf leaf -> checkChannel(leaf.operand().channel(), text, channels, problems);
            case ConditionNode.RangeLeaf range -> checkChannel(range.operand().channel(), text, channels, problems);
        }
    }

    private static void checkChannel(String channel, String text, Set<String> channels, List<Problem> problems) {
        if (!channels.contains(channel)) {
            problems.add(new Problem(Math.max(0, text.indexOf(channel)), "unknown channel '" + channel
                    + "'; expected a channel declared in channels, defined by a device, or created by a pipeline"));
        }
    }
}
