package dev.benchwatch.engine.trigger;

import dev.benchwatch.engine.window.Stat;

/**
 * What a condition looks at: a channel's latest value, or a statistic of one of the engine's windows.
 *
 * @param channel  the channel's name (for a window operand, filled in from the window when compiled; may be null)
 * @param windowId the window's id, or null for the latest value
 * @param stat     the window statistic, or null for the latest value
 */
public record Operand(String channel, String windowId, Stat stat) {
    public Operand {
        if (windowId == null && (channel == null || channel.isBlank())) {
            throw new IllegalArgumentException("a latest-value operand needs a channel");
        }
        if (windowId != null && stat == null) {
            throw new IllegalArgumentException("window operand '" + windowId + "' needs a statistic");
        }
    }

    public static Operand latest(String channel) {
        return new Operand(channel, null, null);
    }

    public static Operand window(String windowId, Stat stat) {
        return new Operand(null, windowId, stat);
    }

    public boolean isLatest() {
        return windowId == null;
    }

    @Override
    public String toString() {
        return isLatest() ? channel : stat.key() + "(" + windowId + ")";
    }
}
