package dev.benchwatch.workspace.trigger;

import dev.benchwatch.engine.window.Stat;

/**
 * What a condition looks at: a channel's latest value ({@code stat} and {@code window} null) or a
 * statistic of the channel over a window.
 *
 * @param channel the channel's name (the engine's rule: a letter or '_', then letters, digits, '_', '.', '-')
 * @param stat    the window statistic, or null for the latest value
 * @param window  the window, or null for the latest value
 */
public record OperandModel(String channel, Stat stat, WindowRef window) {
    public OperandModel {
        FieldChecks.name(channel, "channel", "channel name");
        if (stat == null && window != null) {
            throw new InvalidFieldException("aggregate", "choose a statistic for the window, or no window for the "
                    + "latest value");
        }
        if (stat != null && window == null) {
            throw new InvalidFieldException("window", "the statistic " + stat.key() + " needs a window");
        }
    }

    public static OperandModel latest(String channel) {
        return new OperandModel(channel, null, null);
    }

    public static OperandModel of(Stat stat, String channel, WindowRef window) {
        return new OperandModel(channel, stat, window);
    }

    public boolean isLatest() {
        return stat == null;
    }
}
