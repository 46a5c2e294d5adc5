package dev.benchwatch.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The console launcher's class-data-sharing archive ({@code bin/benchwatch-console}, docs/PACKAGING.md): the
 * JVM maps it at start when it is there and valid, and otherwise writes it when the process exits
 * ({@code -XX:+AutoCreateSharedArchive}). The launcher names it in {@code benchwatch.startupArchive}; other
 * launchers have none, and then this class does nothing.
 *
 * <p>Two things the JVM leaves to us. It does not create the archive's directory, and a JVM that cannot write
 * the archive exits with status 1, so the directory is made first thing. And the archive holds the classes
 * of whichever run wrote it: one written by {@code benchwatch-console --version} would leave the console slow
 * for good. A mark beside the archive says a console session wrote it; a console session that finds an
 * archive without the mark deletes it, so the next console session writes a whole one.
 */
final class StartupArchive {
    static final String PROPERTY = "benchwatch.startupArchive";
    private static final String CONSOLE_MARK = ".made-by-console";

    private StartupArchive() {
    }

    /** The archive's file, or null when this launcher has none. */
    static Path file() {
        String name = System.getProperty(PROPERTY);
        return name == null || name.isBlank() ? null : Path.of(name);
    }

    /**
     * Called first by every run of the program. Makes the archive's directory so the JVM can write the archive
     * at exit, and when there is none yet, takes away the console's mark: this run writes the archive, and it
     * may not be a console session.
     */
    static void prepareDirectory() {
        Path file = file();
        if (file == null || file.getParent() == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.deleteIfExists(mark(file));
            }
        } catch (IOException | SecurityException e) {
            // an unwritable home: the JVM will say so at exit; nothing here depends on the archive
        }
    }

    /**
     * Called by a console session before it shows anything. No archive: this session writes it, so it gets the
     * console's mark. An archive without the mark was written by another kind of run: it is deleted (this
     * process mapped it already, or could not, and writes nothing either way that is not the console's) and the
     * next console session writes a whole one.
     */
    static void consoleSession() {
        Path file = file();
        if (file == null) {
            return;
        }
        Path mark = mark(file);
        try {
            if (Files.exists(file) && !Files.exists(mark)) {
                Files.delete(file);
            }
            Files.writeString(mark, "the archive beside this file is written at the end of a console session\n");
        } catch (IOException | SecurityException e) {
            // the cache is an optimisation: a console that cannot keep it still runs
        }
    }

    private static Path mark(Path file) {
        return file.resolveSibling(file.getFileName() + CONSOLE_MARK);
    }
}
