package dev.benchwatch.engine;

import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.metrics.ChannelValue;
import dev.benchwatch.engine.metrics.EngineMetrics;
import dev.benchwatch.engine.metrics.TriggerStatus;
import dev.benchwatch.engine.window.WindowResult;
import java.util.List;

/**
 * An immutable picture of the engine, published by the engine thread at most once per snapshot interval.
 * Consumers (the UI, the CLI's status line) read the latest one whenever they like; none is pushed.
 *
 * @param sequence     increases with every published snapshot
 * @param windows      each window's statistics as triggers see them
 * @param recentEvents the most recent events, oldest first
 */
public record EngineSnapshot(long sequence, long takenAtNanoTime, EngineMetrics metrics, List<ChannelValue> channels,
                             List<WindowResult> windows, List<TriggerStatus> triggers, List<Event> recentEvents) {
    public EngineSnapshot {
        channels = List.copyOf(channels);
        windows = List.copyOf(windows);
        triggers = List.copyOf(triggers);
        recentEvents = List.copyOf(recentEvents);
    }

    public TriggerStatus trigger(String id) {
        return triggers.stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no trigger '" + id + "' in snapshot"));
    }

    public ChannelValue channel(String name) {
        return channels.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no channel '" + name + "' in snapshot"));
    }

    public WindowResult window(String id) {
        return windows.stream().filter(w -> w.windowId().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no window '" + id + "' in snapshot"));
    }
}
