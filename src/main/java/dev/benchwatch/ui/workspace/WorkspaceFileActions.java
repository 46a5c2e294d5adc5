package dev.benchwatch.ui.workspace;

import dev.benchwatch.workspace.TriggerLanguageCheck;
import dev.benchwatch.workspace.file.Workspace;
import dev.benchwatch.workspace.file.WorkspaceReader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The File menu's workspace commands: open (with the file's errors shown when it is not valid), open
 * recent, save, save as, and the question asked before unsaved changes would be lost (opening another
 * workspace, quitting, closing the window). JavaFX thread only.
 */
public final class WorkspaceFileActions {
    /** Replaces the console's workspace with one that was read and validated. */
    @FunctionalInterface
    public interface Opener {
        void open(Path file, Workspace workspace);
    }

    /** What the engineer answered when asked about unsaved changes. */
    public enum Answer { SAVE, DISCARD, CANCEL }

    /** Asks about unsaved changes; a dialog in the console, a stub in tests. */
    @FunctionalInterface
    public interface UnsavedQuestion {
        Answer ask(String workspaceName, String whatNext);
    }

    private final Stage owner;
    private final WorkspaceDocument document;
    private final RecentFiles recent;
    private final Opener opener;
    private UnsavedQuestion question = this::askInDialog;
    private final Menu recentMenu = new Menu("Open recent");
    private String lastMessage = "";

    public WorkspaceFileActions(Stage owner, WorkspaceDocument document, RecentFiles recent, Opener opener) {
        this.owner = owner;
        this.document = document;
        this.recent = recent;
        this.opener = opener;
        recentMenu.setId("openRecent");
        refreshRecent();
    }

    /** Replaces the dialog that asks about unsaved changes (tests answer without a dialog). */
    public void askWith(UnsavedQuestion value) {
        question = value;
    }

    public WorkspaceDocument document() {
        return document;
    }

    /** What the last command did or why it failed, for the status line. */
    public String lastMessage() {
        return lastMessage;
    }

    /** Open…, Open recent, Save, Save as…, in that order. */
    public List<MenuItem> menuItems() {
        MenuItem open = new MenuItem("Open workspace…");
        open.setId("openWorkspace");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> chooseAndOpen());
        MenuItem save = new MenuItem("Save workspace");
        save.setId("saveWorkspace");
        save.setAccelerator(KeyCombination.keyCombination("Shortcut+S"));
        save.setOnAction(e -> save());
        MenuItem saveAs = new MenuItem("Save workspace as…");
        saveAs.setId("saveWorkspaceAs");
        saveAs.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+S"));
        saveAs.setOnAction(e -> chooseAndSaveAs());
        return List.of(open, recentMenu, new SeparatorMenuItem(), save, saveAs);
    }

    /**
     * Whether the console may go on to {@code whatNext} (e.g. "quitting"): true when there are no unsaved
     * changes, or they were saved, or the engineer chose to discard them.
     */
    public boolean confirmDiscard(String whatNext) {
        if (!document.dirtyProperty().get()) {
            return true;
        }
        String name = document.titleProperty().get().replaceFirst("^\\*", "");
        return switch (question.ask(name, whatNext)) {
            case SAVE -> save();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    /**
     * Opens {@code file} in place of the current workspace, after asking about unsaved changes. A file that
     * does not read or validate is not opened: its errors are shown and the current workspace stays.
     *
     * @return true when the workspace was handed to the opener
     */
    public boolean open(Path file) {
        WorkspaceReader.Result result;
        try {
            result = new WorkspaceReader(new TriggerLanguageCheck()).read(file);
        } catch (IOException e) {
            lastMessage = "cannot read " + file + ": " + e.getMessage();
            error("Workspace not opened", lastMessage);
            return false;
        }
        if (!result.valid()) {
            lastMessage = file.getFileName() + ": " + result.errors().size() + " error(s); not opened";
            new WorkspaceErrorsDialog(owner, file, result.errors()).show();
            return false;
        }
        if (!confirmDiscard("opening " + file.getFileName())) {
            return false;
        }
        recent.add(file);
        refreshRecent();
        lastMessage = "opened " + file;
        opener.open(file.toAbsolutePath().normalize(), result.workspace());
        return true;
    }

    /** Saves to the workspace's file, or asks for one when it has none yet. */
    public boolean save() {
        Path file = document.fileProperty().get();
        return file == null ? chooseAndSaveAs() : saveTo(file);
    }

    /** Saves to {@code file}, which becomes the workspace's file. */
    public boolean saveTo(Path file) {
        try {
            document.saveAs(file);
        } catch (IOException | RuntimeException e) {
            lastMessage = "could not save " + file + ": " + e.getMessage();
            error("Workspace not saved", lastMessage + "\nThe workspace is still open with its changes.");
            return false;
        }
        recent.add(file);
        refreshRecent();
        lastMessage = "saved " + file;
        return true;
    }

    private void chooseAndOpen() {
        File chosen = chooser("Open workspace").showOpenDialog(owner);
        if (chosen != null) {
            open(chosen.toPath());
        }
    }

    private boolean chooseAndSaveAs() {
        FileChooser chooser = chooser("Save workspace as");
        Path current = document.fileProperty().get();
        chooser.setInitialFileName(current == null ? "workspace.json" : current.getFileName().toString());
        File chosen = chooser.showSaveDialog(owner);
        return chosen != null && saveTo(chosen.toPath());
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Benchwatch workspaces", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        Path current = document.fileProperty().get();
        Path folder = current != null ? current.getParent()
                : recent.paths().stream().findFirst().map(Path::getParent).orElse(null);
        if (folder != null && folder.toFile().isDirectory()) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return chooser;
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (Path path : recent.paths()) {
            MenuItem item = new MenuItem(path.getFileName() + "  —  " + path.getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> open(path));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private Answer askInDialog(String name, String whatNext) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", save, discard, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Unsaved changes");
        alert.setHeaderText("Save the changes to " + name + " before " + whatNext + "?");
        alert.setContentText("Your changes to the triggers and the dashboard are lost if you don't save them.");
        alert.getDialogPane().setId("unsavedChangesDialog");
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return Answer.CANCEL;
        }
        return answer.get() == save ? Answer.SAVE : Answer.DISCARD;
    }

    private void error(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.show();
    }
}
