package dev.benchwatch.ui.recording;

import java.io.File;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;

/**
 * The recording controls in the console's top bar: a red "REC" indicator with the file, size, duration and
 * counts while recording; *Record…* (choose a file), *Stop*, and *Mark…* (a labelled marker now).
 */
public final class RecordingBar extends HBox {
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss");

    public RecordingBar(RecordingViewModel model) {
        super(8);
        getStyleClass().add("recording-bar");
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label indicator = new Label("● REC");
        indicator.setId("recordingIndicator");
        indicator.getStyleClass().add("recording-indicator");
        indicator.visibleProperty().bind(model.recordingProperty());
        indicator.managedProperty().bind(indicator.visibleProperty());
        Label status = new Label();
        status.setId("recordingStatus");
        status.getStyleClass().add("hint");
        status.textProperty().bind(model.statusProperty());
        model.losingProperty().addListener((o, was, losing) -> {
            status.getStyleClass().remove("recording-losing");
            if (losing) {
                status.getStyleClass().add("recording-losing");
            }
        });
        Tooltip why = new Tooltip();
        why.textProperty().bind(model.messageProperty());
        status.setTooltip(why);

        Button record = new Button("Record…");
        record.setId("startRecording");
        record.disableProperty().bind(model.recordingProperty());
        record.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Record the session to");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Benchwatch recordings (SQLite)", "*.db"));
            chooser.setInitialFileName("session_" + LocalDateTime.now().format(FILE_STAMP) + ".db");
            File file = chooser.showSaveDialog(getScene().getWindow());
            if (file != null) {
                model.start(file.toPath());
            }
        });
        Button stop = new Button("Stop");
        stop.setId("stopRecording");
        stop.disableProperty().bind(model.recordingProperty().not());
        stop.setOnAction(e -> model.stop());
        Button mark = new Button("Mark…");
        mark.setId("markRecording");
        mark.disableProperty().bind(model.recordingProperty().not());
        mark.setOnAction(e -> {
            TextInputDialog dialog = new TextInputDialog();
            dialog.initOwner(getScene().getWindow());
            dialog.setTitle("Marker");
            dialog.setHeaderText("Label for a marker at this moment");
            dialog.getEditor().setId("markerLabel");
            dialog.showAndWait().ifPresent(model::mark);
        });
        getChildren().addAll(indicator, status, record, stop, mark);
    }
}
