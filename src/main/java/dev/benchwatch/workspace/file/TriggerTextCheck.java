package dev.benchwatch.workspace.file;

import java.util.List;
import java.util.Set;

/**
 * HOOK for the trigger language: checks the text of a trigger's {@code when} and {@code clear} conditions,
 * e.g. {@code mean(oven_temp, 10s) > 180}. The trigger model and its parser live elsewhere
 * ({@code dev.benchwatch.workspace.trigger}, in progress); until they are wired in, {@link #NONE} accepts any
 * text that is not blank. The reader reports each problem at {@code triggers[i].when} (or {@code .clear}) with
 * the line and column of the offending character in the file.
 */
@FunctionalInterface
public interface TriggerTextCheck {
    /** Accepts every condition text (the reader itself rejects blank ones). */
    TriggerTextCheck NONE = (text, channels, windows) -> List.of();

    /**
     * @param text     the condition as written
     * @param channels every channel name the workspace knows (declared, device-defined, pipeline outputs)
     * @param windows  every window id of the workspace
     * @return problems, empty when the text is fine
     */
    List<Problem> check(String text, Set<String> channels, Set<String> windows);

    /**
     * One problem in a condition text.
     *
     * @param offset  0-based index of the offending character in the text
     * @param message what is wrong and what was expected
     */
    record Problem(int offset, String message) {
    }
}
