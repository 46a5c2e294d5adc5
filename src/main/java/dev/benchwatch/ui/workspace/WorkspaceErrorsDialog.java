package dev.benchwatch.ui.workspace;

import dev.benchwatch.workspace.file.WorkspaceError;
import java.nio.file.Path;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Why a workspace was not opened: the same located messages as {@code benchwatch validate} prints
 * ({@code file:line:column: path: message}), one per row, so the engineer can fix the file and try again.
 */
public final class WorkspaceErrorsDialog extends Dialog<Void> {
    public WorkspaceErrorsDialog(Window owner, Path file, List<WorkspaceError> errors) {
        initOwner(owner);
        setTitle("Workspace not opened");
        setHeaderText(file.getFileName() + " has " + errors.size() + (errors.size() == 1 ? " error" : " errors")
                + "; the workspace was not opened");
        ListView<String> list = new ListView<>(FXCollections.observableArrayList(
                errors.stream().map(e -> e.format(file.getFileName().toString())).toList()));
        list.setId("workspaceErrors");
        list.setPrefSize(760, Math.min(360, 40 + 26 * errors.size()));
        Label hint = new Label("Check it without a display: benchwatch validate " + file);
        hint.getStyleClass().add("hint");
        VBox content = new VBox(8, list, hint);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().setId("workspaceErrorsDialog");
    }
}
