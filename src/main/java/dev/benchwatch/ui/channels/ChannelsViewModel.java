package dev.benchwatch.ui.channels;

import dev.benchwatch.engine.EngineSnapshot;
import dev.benchwatch.engine.metrics.ChannelValue;
import dev.benchwatch.engine.window.Stat;
import dev.benchwatch.engine.window.WindowResult;
import dev.benchwatch.ui.FrameListener;
import java.util.HashMap;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Every channel of the engine with its latest value, rate and window statistics, refreshed from the
 * snapshot at most {@link #UPDATES_PER_SECOND} times a second (numbers that change faster cannot be read).
 * New channels appear as the engine registers them.
 */
public final class ChannelsViewModel implements FrameListener {
    private dev.benchwatch.ui.FrameTurns turns = new dev.benchwatch.ui.FrameTurns();
    public static final int UPDATES_PER_SECOND = 4;
    private static final long UPDATE_INTERVAL_NANOS = 1_000_000_000L / UPDATES_PER_SECOND;

    private final ObservableList<ChannelRow> rows = FXCollections.observableArrayList();
    private final Map<Integer, ChannelRow> byId = new HashMap<>();
    private long lastUpdate = Long.MIN_VALUE;
    private final Map<String, Integer> chartPlan;

    /** Plots the first channels as they appear. */
    public ChannelsViewModel() {
        this(Map.of());
    }

    /** @param chartPlan channel name to the chart (1-based) that draws it; others are not plotted */
    public ChannelsViewModel(Map<String, Integer> chartPlan) {
        this.chartPlan = Map.copyOf(chartPlan);
    }
    private long lastSequence = -1;

    public ObservableList<ChannelRow> rows() {
        return rows;
    }

    /** Repaints only in frames no other view of {@code shared} repaints in (see {@link dev.benchwatch.ui.FrameTurns}). */
    public void takeTurnsWith(dev.benchwatch.ui.FrameTurns shared) {
        this.turns = shared;
    }

    @Override
    public void onFrame(EngineSnapshot snapshot, long nowNanos) {
        if (snapshot.sequence() == lastSequence || lastUpdate != Long.MIN_VALUE
                && (nowNanos - lastUpdate < UPDATE_INTERVAL_NANOS || !turns.take(nowNanos))) {
            return;
        }
        lastSequence = snapshot.sequence();
        lastUpdate = nowNanos;
        for (ChannelValue value : snapshot.channels()) {
            ChannelRow row = byId.get(value.id());
            if (row == null) {
                row = new ChannelRow(value.id(), value.name(), value.device(), value.unit());
                byId.put(value.id(), row);
                // placed before the row is listed, so whoever watches the rows sees only the user's changes
                int position = rows.size() + 1;
                if (chartPlan.isEmpty()) {
                    row.onChartProperty().set(position <= DEFAULT_CHANNELS_ON_CHART);
                    row.chartProperty().set(position == 1 ? 1 : 2); // the first apart: scales rarely match
                } else { // a workspace's layout says which channel goes on which chart
                    row.onChartProperty().set(chartPlan.containsKey(row.name()));
                    row.chartProperty().set(chartPlan.getOrDefault(row.name(), 1));
                }
                rows.add(row);
            }
            row.latest.set(value.latest());
            if (row.lastCount >= 0 && nowNanos > row.lastCountNanos) {
                long delta = Math.max(0, value.count() - row.lastCount);
                row.rate.set(delta * 1e9 / (nowNanos - row.lastCountNanos));
            }
            row.lastCount = value.count();
            row.lastCountNanos = nowNanos;
        }
        for (WindowResult window : snapshot.windows()) {
            ChannelRow row = byId.get(window.channel());
            if (row == null || row.windowId != null && !row.windowId.equals(window.windowId())) {
                continue; // one window per row: the first the engine lists for the channel
            }
            row.windowId = window.windowId();
            row.mean.set(window.get(Stat.MEAN));
            row.min.set(window.get(Stat.MIN));
            row.max.set(window.get(Stat.MAX));
            row.stddev.set(window.get(Stat.STDDEV));
        }
    }

    /** The first channels are drawn from the start, so a first launch shows data without any clicks. */
    static final int DEFAULT_CHANNELS_ON_CHART = 4;

    /** The row of a channel, or null. */
    public ChannelRow row(String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }
}
