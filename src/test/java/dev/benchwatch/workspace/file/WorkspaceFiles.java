package dev.benchwatch.workspace.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The workspace fixtures in src/test/resources/workspaces. */
final class WorkspaceFiles {
    private WorkspaceFiles() {
    }

    static Path path(String name) {
        try {
            return Path.of(WorkspaceFiles.class.getResource("/workspaces/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String name) {
        try {
            return Files.readString(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WorkspaceReader.Result read(String name) {
        try {
            return new WorkspaceReader().read(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The errors as validate prints them, with the file name given. */
    static List<String> messages(String name) {
        return read(name).errors().stream().map(e -> e.format(name)).toList();
    }
}
