package dev.benchwatch.ui.recording;

import dev.benchwatch.device.DeviceBench;
import dev.benchwatch.record.CsvExport;
import dev.benchwatch.record.RecordingReplaySource;
import dev.benchwatch.workspace.trigger.TriggerModel;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The console's Recording menu: record, stop and mark (with the top bar), export a recording as CSV, replay
 * one into the console as a device (with pause and seek), and backtest the workspace's triggers on one.
 * JavaFX thread only; exports and backtests run on threads of their own.
 */
public final class RecordingMenu {
    private final Stage owner;
    private final DeviceBench bench;
    private final Supplier<List<TriggerModel>> triggers;
    private final BooleanSupplier dark;
    private final Menu menu = new Menu("Recording");

    public RecordingMenu(Stage owner, RecordingViewModel recording, DeviceBench bench,
                         Supplier<List<TriggerModel>> triggers, BooleanSupplier dark) {
        this.owner = owner;
        this.bench = bench;
        this.triggers = triggers;
        this.dark = dark;
        MenuItem stop = new MenuItem("Stop recording");
        stop.disableProperty().bind(recording.recordingProperty().not());
        stop.setOnAction(e -> recording.stop());
        MenuItem export = new MenuItem("Export a recording as CSV…");
        export.setOnAction(e -> chooseRecording("Export").ifPresent(this::chooseCsvAndExport));
        MenuItem replay = new MenuItem("Replay a recording…");
        replay.setOnAction(e -> chooseRecording("Replay").ifPresent(db -> chooseSpeed().ifPresent(speed -> replay(db, speed))));
        MenuItem backtest = new MenuItem("Backtest the triggers on a recording…");
        backtest.setOnAction(e -> chooseRecording("Backtest").ifPresent(this::backtest));
        menu.getItems().addAll(stop, new SeparatorMenuItem(), export, replay, backtest);
    }

    public Menu menu() {
        return menu;
    }

    /** Exports {@code db}'s latest session to {@code csv} off the JavaFX thread; the outcome is shown. */
    public void export(Path db, Path csv, CsvExport.Layout layout) {
        Thread.ofPlatform().daemon().name("csv-export").start(() -> {
            String outcome;
            boolean ok;
            try {
                outcome = CsvExportTask.export(db, csv, layout);
                ok = true;
            } catch (Exception e) {
                outcome = "could not export " + db.getFileName() + ": " + e.getMessage();
                ok = false;
            }
            String text = outcome;
            boolean success = ok;
            Platform.runLater(() -> inform(success ? Alert.AlertType.INFORMATION : Alert.AlertType.ERROR, text));
        });
    }

    /**
     * Adds {@code db}'s latest session to the bench as a device and starts it, with the times shifted to now
     * so the live charts show it; opens its controls. Empty (after saying why) when it cannot be opened.
     */
    public Optional<ReplayControls> replay(Path db, double speed) {
        RecordingReplaySource source;
        try {
            source = RecordingReplaySource.open(db, null, speed, RecordingReplaySource.Timestamps.SHIFTED);
        } catch (Exception e) {
            inform(Alert.AlertType.ERROR, "cannot replay " + db.getFileName() + ": " + e.getMessage());
            return Optional.empty();
        }
        String name = source.name();
        RecordingReplaySource[] current = {source};
        try {
            bench.add("recording", () -> {
                if (current[0] != null) { // the first adapter is the one opened above; a reconnect opens afresh
                    RecordingReplaySource first = current[0];
                    current[0] = null;
                    return first;
                }
                try {
                    return RecordingReplaySource.open(db, null, speed, RecordingReplaySource.Timestamps.SHIFTED);
                } catch (Exception e) {
                    throw new IllegalStateException("cannot replay " + db.getFileName() + ": " + e.getMessage(), e);
                }
            });
            bench.connect(name);
        } catch (RuntimeException e) {
            source.close();
            inform(Alert.AlertType.ERROR, e.getMessage());
            return Optional.empty();
        }
        ReplayControls controls = new ReplayControls(owner,
                (RecordingReplaySource) bench.find(name).orElseThrow().adapter());
        controls.show();
        return Optional.of(controls);
    }

    /** Backtests the workspace's triggers on {@code db}'s latest session and draws the outcome. */
    public BacktestDialog backtest(Path db) {
        BacktestDialog dialog = new BacktestDialog(owner, db, triggers.get(), dark.getAsBoolean());
        dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        dialog.show();
        return dialog;
    }

    private Optional<Path> chooseRecording(String what) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(what + " a recording");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Benchwatch recordings (SQLite)", "*.db"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(owner);
        return Optional.ofNullable(file).map(File::toPath);
    }

    private void chooseCsvAndExport(Path db) {
        ChoiceDialog<CsvExport.Layout> layout = new ChoiceDialog<>(CsvExport.Layout.LONG, CsvExport.Layout.values());
        layout.initOwner(owner);
        layout.setHeaderText("Long: one row per reading (time, device, channel, value, unit).\n"
                + "Wide: one row per time, one column per channel.");
        Optional<CsvExport.Layout> chosen = layout.showAndWait();
        if (chosen.isEmpty()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export as CSV");
        chooser.setInitialFileName(db.getFileName().toString().replaceFirst("\\.db$", "") + ".csv");
        File csv = chooser.showSaveDialog(owner);
        if (csv != null) {
            export(db, csv.toPath(), chosen.get());
        }
    }

    private Optional<Double> chooseSpeed() {
        ChoiceDialog<String> speed = new ChoiceDialog<>("1x", "1x", "2x", "10x", "100x", "max");
        speed.initOwner(owner);
        speed.setHeaderText("Replay speed (the times are shifted to now so the charts show it live)");
        return speed.showAndWait().map(s -> s.equals("max") ? RecordingReplaySource.MAX_SPEED
                : Double.parseDouble(s.replace("x", "")));
    }

    private void inform(Alert.AlertType type, String text) {
        Alert alert = new Alert(type, text, ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setHeaderText(type == Alert.AlertType.ERROR ? "Recording" : "Done");
        alert.getDialogPane().setId("recordingOutcome");
        alert.show();
    }
}
