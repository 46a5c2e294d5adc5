package dev.benchwatch.ui.triggers;

import dev.benchwatch.engine.ChannelHistory;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.ui.triggers.editor.TriggerPreviewChart;
import dev.benchwatch.workspace.trigger.BacktestResult;
import dev.benchwatch.workspace.trigger.ChannelSeries;
import dev.benchwatch.workspace.trigger.TriggerBacktest;
import dev.benchwatch.workspace.trigger.TriggerChannels;
import dev.benchwatch.workspace.trigger.TriggerModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;

/**
 * Keeps the editor's preview in step with the trigger being edited: a short while after the last change it
 * copies the engine's in-memory history of the channels the trigger reads, backtests the draft over it on a
 * background thread (a million readings take a fraction of a second, too long for the JavaFX thread) and
 * shows the result. A newer draft supersedes a backtest still running. JavaFX thread only, but for the
 * backtest itself.
 */
public final class TriggerPreviewUpdater implements AutoCloseable {
    /** How long the draft must stay unchanged before it is backtested (typing does not start one per key). */
    static final Duration SETTLE = Duration.millis(250);

    private final Engine engine;
    private final TriggerPreviewChart chart;
    private final PauseTransition settle = new PauseTransition(SETTLE);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "trigger-preview");
        thread.setDaemon(true);
        return thread;
    });
    private TriggerModel pending;
    private long generation;
    private long shown;

    public TriggerPreviewUpdater(Engine engine, TriggerPreviewChart chart) {
        this.engine = engine;
        this.chart = chart;
        settle.setOnFinished(e -> start());
    }

    /** The trigger as the form holds it now; null while the form has an error. */
    public void draftChanged(TriggerModel draft) {
        pending = draft;
        generation++;
        if (draft == null) {
            settle.stop();
            chart.clear("fix the trigger's errors to see what it would have done");
            return;
        }
        settle.playFromStart();
    }

    /** How many backtests have been shown (tests wait for it). */
    public long shown() {
        return shown;
    }

    private void start() {
        TriggerModel draft = pending;
        long mine = generation;
        List<ChannelSeries> series;
        try {
            series = histories(draft);
        } catch (IllegalArgumentException unknownChannel) {
            chart.clear(unknownChannel.getMessage());
            shown++;
            return;
        }
        worker.execute(() -> {
            Runnable show;
            try {
                BacktestResult result = TriggerBacktest.run(List.of(draft), series);
                ChannelSeries primary = series.get(0);
                List<Double> thresholds = TriggerChannels.thresholds(draft, primary.channel());
                show = () -> chart.show(primary, thresholds, result.episodes(draft.id()));
            } catch (RuntimeException e) {
                show = () -> chart.clear("no preview: " + e.getMessage());
            }
            Runnable display = show;
            Platform.runLater(() -> {
                if (mine == generation) { // a newer draft is on its way: do not flash this one
                    display.run();
                    shown++;
                }
            });
        });
    }

    /** Copies of the histories the draft reads, its primary channel first. */
    private List<ChannelSeries> histories(TriggerModel draft) {
        List<ChannelSeries> series = new ArrayList<>();
        for (String channel : TriggerChannels.of(draft)) {
            ChannelHistory history = engine.history(channel); // throws for an unknown channel, with its name
            int capacity = history.capacity();
            long[] timestamps = new long[capacity];
            double[] values = new double[capacity];
            int length = history.copyTo(timestamps, values);
            String unit = engine.channels().find(channel).map(c -> c.unit()).orElse("");
            series.add(new ChannelSeries(channel, unit, timestamps, values, length));
        }
        return series;
    }

    @Override
    public void close() {
        settle.stop();
        worker.shutdownNow();
    }
}
