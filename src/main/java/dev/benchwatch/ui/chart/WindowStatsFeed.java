package dev.benchwatch.ui.chart;

import dev.benchwatch.engine.EngineSnapshot;
import dev.benchwatch.engine.window.Stat;
import dev.benchwatch.engine.window.WindowResult;

/**
 * Samples one engine window's statistics from each {@link EngineSnapshot} into a
 * {@link WindowStatsSeries}: one sample per new result (a sliding window's statistics at its newest
 * reading, a tumbling bucket when it closes), stamped with the result's end time. Call once per frame.
 */
public final class WindowStatsFeed {
    private final String windowId;
    private final WindowStatsSeries target;
    private long lastEnd = Long.MIN_VALUE;

    public WindowStatsFeed(String windowId, WindowStatsSeries target) {
        this.windowId = windowId;
        this.target = target;
    }

    /** Appends the window's result when it is newer than the last one taken; returns whether it did. */
    public boolean pull(EngineSnapshot snapshot) {
        WindowResult result = snapshot == null ? null : snapshot.window(windowId);
        if (result == null || result.count() == 0 || result.endNanos() <= lastEnd) {
            return false;
        }
        lastEnd = result.endNanos();
        target.append(result.endNanos(), result.get(Stat.MEAN), result.get(Stat.MIN), result.get(Stat.MAX),
                result.get(Stat.STDDEV));
        return true;
    }

    public String windowId() {
        return windowId;
    }

    public WindowStatsSeries target() {
        return target;
    }
}
