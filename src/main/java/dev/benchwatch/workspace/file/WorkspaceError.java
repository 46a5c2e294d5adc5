package dev.benchwatch.workspace.file;

import java.util.Comparator;

/**
 * One problem in a workspace file: where (1-based line and column; 0 when the file could not be read at
 * all), which value ({@code triggers[2].for}; {@code $} for the document itself) and what was expected.
 */
public record WorkspaceError(int line, int column, String path, String message) implements Comparable<WorkspaceError> {
    /** The path of the document as a whole. */
    public static final String ROOT = "$";

    private static final Comparator<WorkspaceError> ORDER = Comparator.comparingInt(WorkspaceError::line)
            .thenComparingInt(WorkspaceError::column).thenComparing(WorkspaceError::path)
            .thenComparing(WorkspaceError::message);

    /** {@code devices[1]} + {@code baud} is {@code devices[1].baud}; names that are not identifiers are quoted. */
    public static String member(String path, String name) {
        String part = name.matches("[A-Za-z_$][A-Za-z0-9_$]*") ? name : "[" + JsonText.quote(name) + "]";
        if (ROOT.equals(path)) {
            return part.startsWith("[") ? ROOT + part : part;
        }
        return part.startsWith("[") ? path + part : path + "." + part;
    }

    public static String index(String path, int index) {
        return (ROOT.equals(path) ? ROOT : path) + "[" + index + "]";
    }

    /** As compilers print it: {@code FILE:LINE:COLUMN: PATH: MESSAGE}. */
    public String format(String file) {
        return file + ":" + line + ":" + column + ": " + path + ": " + message;
    }

    @Override
    public int compareTo(WorkspaceError other) {
        return ORDER.compare(this, other);
    }
}
