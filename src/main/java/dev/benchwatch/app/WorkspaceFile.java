package dev.benchwatch.app;

import dev.benchwatch.workspace.TriggerLanguageCheck;
import dev.benchwatch.workspace.file.Workspace;
import dev.benchwatch.workspace.file.WorkspaceError;
import dev.benchwatch.workspace.file.WorkspaceReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a workspace file for a headless command, printing its errors as {@code validate} does; null when
 * it cannot be used.
 */
final class WorkspaceFile {
    private WorkspaceFile() {
    }

    static Workspace read(Path file, String command, PrintWriter err) {
        WorkspaceReader.Result result;
        try {
            result = new WorkspaceReader(new TriggerLanguageCheck()).read(file);
        } catch (IOException e) {
            err.println("benchwatch " + command + ": " + file + ": cannot read the workspace: "
                    + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()));
            err.flush();
            return null;
        }
        if (!result.valid()) {
            for (WorkspaceError error : result.errors()) {
                err.println(error.format(file.toString()));
            }
            err.println("benchwatch " + command + ": " + file + ": not a valid workspace, "
                    + (command.equals("console") ? "the console did not open it" : "not run")
                    + " (check it with: benchwatch validate " + file + ")");
            err.flush();
            return null;
        }
        return result.workspace();
    }
}
