package dev.benchwatch.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchwatch.workspace.file.Workspace;
import dev.benchwatch.workspace.file.WorkspaceError;
import dev.benchwatch.workspace.file.WorkspaceReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code benchwatch validate FILE [--json]}: checks a workspace file without a display. Prints
 * {@code FILE:LINE:COLUMN: PATH: MESSAGE} per error (as compilers do, so editors can jump to it) and a
 * summary; exit status 0 when valid, 2 when not or when the file cannot be read.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a workspace file: every error with line, column, path and what is expected. "
                + "Exit status 0 when valid, 2 when not.")
public final class ValidateCommand implements Callable<Integer> {
    static final int INVALID = 2;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The workspace file (JSON).")
    Path file;

    @Option(names = "--json", description = "Print one JSON object per error (JSON Lines); the summary goes to stderr.")
    boolean json;

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String name = file.toString();
        WorkspaceReader.Result result;
        try {
            result = new WorkspaceReader(new dev.benchwatch.workspace.TriggerLanguageCheck()).read(file);
        } catch (IOException e) {
            String reason = e instanceof NoSuchFileException ? "no such file"
                    : e instanceof AccessDeniedException ? "permission denied"
                    : java.nio.file.Files.isDirectory(file) ? "it is a directory, expected a workspace file" : e.getMessage();
            if (json) {
                out.println(errorJson(name, new WorkspaceError(0, 0, WorkspaceError.ROOT, "cannot read the file: " + reason)));
            }
            err.println(name + ": cannot read the file: " + reason);
            out.flush();
            err.flush();
            return INVALID;
        }
        for (WorkspaceError error : result.errors()) {
            out.println(json ? errorJson(name, error) : error.format(name));
        }
        PrintWriter summaryTo = json ? err : out;
        summaryTo.println(summary(name, result));
        out.flush();
        err.flush();
        return result.valid() ? 0 : INVALID;
    }

    static String summary(String name, WorkspaceReader.Result result) {
        int n = result.errors().size();
        if (n > 0) {
            return name + ": " + n + (n == 1 ? " error" : " errors") + ", not a valid workspace";
        }
        Workspace w = result.workspace();
        String migrated = result.migratedFrom() < Workspace.CURRENT_SCHEMA_VERSION
                ? "; migrated from schema version " + result.migratedFrom() + ", saving it writes version "
                + Workspace.CURRENT_SCHEMA_VERSION : "";
        return name + ": valid workspace (schema version " + Workspace.CURRENT_SCHEMA_VERSION + migrated + "): "
                + count(w.devices().size(), "device") + ", " + count(w.channels().size(), "channel") + ", "
                + count(w.pipelines().size(), "pipeline") + ", " + count(w.windows().size(), "window") + ", "
                + count(w.triggers().size(), "trigger") + ", "
                + (w.detectors().isEmpty() ? "" : count(w.detectors().size(), "detector") + ", ")
                + count(w.layout().charts().size(), "chart");
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private String errorJson(String name, WorkspaceError error) {
        ObjectNode node = mapper.createObjectNode();
        node.put("file", name);
        node.put("line", error.line());
        node.put("column", error.column());
        node.put("path", error.path());
        node.put("message", error.message());
        return node.toString();
    }
}
