package dev.benchwatch.workspace.file;

import java.util.List;

/**
 * One step of the schema's history: rewrites a document of version {@link #from()} into version
 * {@code from() + 1}, working on the located tree (so errors found later still point into the original
 * file). A step never fails: what it cannot convert it leaves for validation to report.
 */
public interface Migration {
    int from();

    /** What changed, for the documentation and the log. */
    String description();

    /** Rewrites {@code root} in place (the caller updates {@code schemaVersion}). */
    void apply(Json.Obj root);

    /** Every step, in order: step i migrates version i to i + 1. */
    static List<Migration> all() {
        return List.of(new MigrationV0ToV1());
    }
}
