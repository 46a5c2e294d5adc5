package dev.benchwatch.ui.recording;

import dev.benchwatch.record.RecordedChannel;
import dev.benchwatch.record.RecordedSession;
import dev.benchwatch.record.RecordingBacktest;
import dev.benchwatch.record.RecordingReader;
import dev.benchwatch.ui.triggers.editor.TriggerPreviewChart;
import dev.benchwatch.workspace.trigger.BacktestResult;
import dev.benchwatch.workspace.trigger.ChannelSeries;
import dev.benchwatch.workspace.trigger.TriggerChannels;
import dev.benchwatch.workspace.trigger.TriggerModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The workspace's triggers backtested on a recording (docs/RECORDING.md, "Backtest"), drawn: for each
 * trigger, its first channel over the whole session with the thresholds and the spans where it would have
 * been PENDING and FIRING, and how often it would have fired. The backtest runs off the JavaFX thread on
 * the same engine code as a live run, so what it draws is what the live engine would have decided.
 */
public final class BacktestDialog extends Dialog<Void> {
    private final VBox results = new VBox(12);
    private final Label status = new Label();
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    public BacktestDialog(Window owner, Path recording, List<TriggerModel> triggers, boolean dark) {
        initOwner(owner);
        setTitle("Backtest on " + recording.getFileName());
        setHeaderText("The workspace's triggers over " + recording.getFileName());
        setResizable(true);
        status.setId("backtestStatus");
        status.setText("backtesting " + triggers.size() + " trigger(s)…");
        results.getChildren().add(status);
        ScrollPane scroll = new ScrollPane(results);
        scroll.setFitToWidth(true);
        scroll.setPrefSize(980, 620);
        getDialogPane().setContent(scroll);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().setId("backtestDialog");
        Thread.ofPlatform().daemon().name("backtest").start(() -> run(recording, triggers, dark));
    }

    /** Completes when the results (or the reason there are none) are on screen. */
    public CompletableFuture<Void> done() {
        return done;
    }

    private void run(Path recording, List<TriggerModel> triggers, boolean dark) {
        try (RecordingReader reader = RecordingReader.open(recording)) {
            RecordedSession session = reader.session(null);
            BacktestResult result = RecordingBacktest.run(reader, session.id(), triggers);
            List<ChannelSeries> shown = new ArrayList<>();
            for (TriggerModel trigger : triggers) {
                String channel = TriggerChannels.primary(trigger);
                RecordedChannel recorded = reader.channels(session.id()).stream()
                        .filter(c -> c.name().equals(channel)).findFirst().orElseThrow();
                RecordingReader.Series s = reader.load(recorded, Long.MIN_VALUE, Long.MAX_VALUE);
                shown.add(new ChannelSeries(channel, recorded.unit(), s.timestamps(), s.values(), s.length()));
            }
            Platform.runLater(() -> {
                status.setText(String.format(java.util.Locale.ROOT, "session %d: %,d readings backtested",
                        session.id(), result.readings()));
                for (int i = 0; i < triggers.size(); i++) {
                    TriggerModel trigger = triggers.get(i);
                    Label title = new Label((trigger.name().isEmpty() ? trigger.id() : trigger.name()) + "  —  "
                            + trigger.text());
                    title.getStyleClass().add("section-title");
                    TriggerPreviewChart chart = new TriggerPreviewChart();
                    chart.setId("backtest-" + trigger.id());
                    chart.setDark(dark);
                    chart.setRecorded(true);
                    chart.setPrefHeight(200);
                    ChannelSeries series = shown.get(i);
                    chart.show(series, TriggerChannels.thresholds(trigger, series.channel()),
                            result.episodes(trigger.id()));
                    results.getChildren().addAll(title, chart);
                }
                done.complete(null);
            });
        } catch (Exception e) {
            Platform.runLater(() -> {
                status.setText("no backtest: " + e.getMessage());
                status.getStyleClass().add("field-error");
                done.complete(null);
            });
        }
    }
}
