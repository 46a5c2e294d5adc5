package dev.benchwatch.app;

import dev.benchwatch.workspace.TriggerLanguageCheck;
import dev.benchwatch.workspace.file.Workspace;
import dev.benchwatch.workspace.file.WorkspaceReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Reads a workspace for a command, or prints why not the way {@code validate} does. */
final class WorkspaceLoading {
    private WorkspaceLoading() {
    }

    /**
     * The valid workspace in {@code file}; null after printing each error as {@code FILE:LINE:COLUMN: PATH:
     * MESSAGE} and a summary ending in {@code refusal} (e.g. "not run"), or why the file cannot be read.
     */
    static Workspace readOrExplain(Path file, PrintWriter err, String refusal) {
        try {
            WorkspaceReader.Result result = new WorkspaceReader(new TriggerLanguageCheck()).read(file);
            if (!result.valid()) {
                result.errors().forEach(e -> err.println(e.format(file.toString())));
                err.println(file + ": " + result.errors().size() + " error(s); " + refusal
                        + " (check it with: benchwatch validate " + file + ")");
                err.flush();
                return null;
            }
            return result.workspace();
        } catch (IOException e) {
            err.println("benchwatch: cannot read workspace " + file + ": " + e.getMessage());
            err.flush();
            return null;
        }
    }
}
