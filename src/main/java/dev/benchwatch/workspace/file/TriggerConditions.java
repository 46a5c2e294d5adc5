package dev.benchwatch.workspace.file;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The trigger conditions met while binding, checked (through the {@link TriggerTextCheck}) once every channel and
 * window is known; a problem is located at its character inside the condition's string.
 */
final class TriggerConditions {
    private record Condition(Json.Str text, String path) {
    }

    private final String source;
    private final TriggerTextCheck triggerCheck;
    private final Problems problems;
    private final List<Condition> conditions = new ArrayList<>();

    TriggerConditions(String source, TriggerTextCheck triggerCheck, Problems problems) {
        this.source = source;
        this.triggerCheck = triggerCheck;
        this.problems = problems;
    }

    void add(Json.Str text, String path) {
        conditions.add(new Condition(text, path));
    }

    /** Checks every condition against the workspace's {@code knownChannels} and {@code windowIds}. */
    void check(Set<String> knownChannels, Set<String> windowIds) {
        Set<String> channels = Collections.unmodifiableSet(knownChannels);
        Set<String> windows = Collections.unmodifiableSet(windowIds);
        for (Condition condition : conditions) {
            for (TriggerTextCheck.Problem problem : triggerCheck.check(condition.text().value(), channels, windows)) {
                problems.at(locateInside(condition.text(), problem.offset()), condition.path(), problem.message());
            }
        }
    }

    /**
     * The file location of character {@code offset} of a string value: walks the literal in the source,
     * counting escapes ({@code \n}, {@code \u00b0}) as the one character they stand for.
     */
    Json.Location locateInside(Json.Str string, int offset) {
        Json.Location start = string.location();
        long at = start.charOffset();
        if (at < 0 || at >= source.length() || source.charAt((int) at) != '"') {
            return start;
        }
        int i = (int) at + 1;
        int column = start.column() + 1;
        for (int decoded = 0; decoded < offset && i < source.length() && source.charAt(i) != '"'; decoded++) {
            int width = 1;
            if (source.charAt(i) == '\\') {
                width = i + 1 < source.length() && source.charAt(i + 1) == 'u' ? 6 : 2;
            }
            i += width;
            column += width;
        }
        return new Json.Location(start.line(), column, i);
    }
}
