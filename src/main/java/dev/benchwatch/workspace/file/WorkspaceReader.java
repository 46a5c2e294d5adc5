package dev.benchwatch.workspace.file;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads and validates workspace files. Every problem is reported, not only the first, each with line,
 * column, path ({@code triggers[2].for}) and what was expected; a file with any error gives no workspace.
 *
 * <pre>{@code
 * WorkspaceReader.Result result = new WorkspaceReader().read(Path.of("bench.json"));
 * if (result.valid()) { Workspace w = result.workspace(); } else { result.errors().forEach(...); }
 * }</pre>
 *
 * Steps: parse (bad JSON is one error with the parser's location), check the schema version, migrate older
 * versions step by step ({@link Migration}), refuse secrets, then bind and cross-check ({@link WorkspaceBinder}).
 */
public final class WorkspaceReader {
    private final TriggerTextCheck triggerCheck;

    /** A reader that checks trigger conditions for structure only ({@link TriggerTextCheck#NONE}). */
    public WorkspaceReader() {
        this(TriggerTextCheck.NONE);
    }

    /** A reader that hands trigger condition texts to {@code triggerCheck}. */
    public WorkspaceReader(TriggerTextCheck triggerCheck) {
        this.triggerCheck = Objects.requireNonNull(triggerCheck, "triggerCheck");
    }

    /**
     * The outcome of reading one document.
     *
     * @param workspace    the workspace, or null when there are errors
     * @param errors       sorted by line and column; empty when valid
     * @param migratedFrom the document's schema version before migration (-1 if it could not be read)
     */
    public record Result(Workspace workspace, List<WorkspaceError> errors, int migratedFrom) {
        public Result {
            errors = List.copyOf(errors);
        }

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** Reads a file (UTF-8). IOException when it cannot be read at all; a file that is not UTF-8 is an error result. */
    public Result read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new Result(null, List.of(new WorkspaceError(1, 1, WorkspaceError.ROOT,
                    "the file is not UTF-8 text; expected a JSON document in UTF-8")), -1);
        }
        return read(text);
    }

    /** Reads a document from text. */
    public Result read(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<WorkspaceError> syntax = new ArrayList<>();
        Json root = JsonSource.parse(body, syntax);
        if (root == null) {
            return new Result(null, syntax, -1);
        }
        Problems problems = new Problems();
        problems.addAll(syntax);
        if (!(root instanceof Json.Obj object)) {
            problems.at(root, WorkspaceError.ROOT, "expected the workspace as a JSON object, got " + root.show());
            return new Result(null, problems.sorted(), -1);
        }
        int version = schemaVersion(object, problems);
        if (version < 0) {
            return new Result(null, problems.sorted(), -1);
        }
        migrate(object, version);
        SecretsCheck.check(object, WorkspaceError.ROOT, problems);
        Workspace workspace = new WorkspaceBinder(body, triggerCheck, problems).bind(object);
        return new Result(problems.isEmpty() ? workspace : null, problems.sorted(), version);
    }

    /** The document's schema version, or -1 after reporting why it cannot be used. */
    private static int schemaVersion(Json.Obj root, Problems problems) {
        Json node = root.get("schemaVersion");
        String path = WorkspaceError.member(WorkspaceError.ROOT, "schemaVersion");
        int current = Workspace.CURRENT_SCHEMA_VERSION;
        if (node == null) {
            problems.at(root, path, "missing field 'schemaVersion'; expected a whole number (this Benchwatch writes "
                    + current + ")");
            return -1;
        }
        if (!(node instanceof Json.Num n) || !n.integral() || n.text().startsWith("-") || n.text().length() > 9) {
            problems.at(node, path, "expected a whole number of 0-" + current + ", got " + node.show());
            return -1;
        }
        int version = Integer.parseInt(n.text());
        if (version > current) {
            problems.at(node, path, "schema version " + version + " is newer than this Benchwatch understands (up to "
                    + current + "); open the file with a newer Benchwatch");
            return -1;
        }
        return version;
    }

    /** Applies the migrations from {@code version} to the current one, in place. */
    static void migrate(Json.Obj root, int version) {
        List<Migration> steps = Migration.all();
        for (int v = version; v < Workspace.CURRENT_SCHEMA_VERSION; v++) {
            Migration step = steps.get(v);
            if (step.from() != v) {
                throw new IllegalStateException("migration " + v + " is registered as migrating from " + step.from());
            }
            step.apply(root);
            Json old = root.get("schemaVersion");
            root.put("schemaVersion", Json.Num.of(v + 1, old == null ? root.location() : old.location()));
        }
    }
}
