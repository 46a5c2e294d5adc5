package dev.benchwatch.workspace.trigger;

/**
 * Trigger text that does not parse, with where and why: the 1-based line and column of the offending
 * token, the token itself and what was expected, e.g.
 * {@code column 18: expected a number after '>', found 'abc'}. Single-line text reports only the column.
 */
public final class TriggerSyntaxException extends IllegalArgumentException {
    private final int offset;
    private final int length;
    private final int line;
    private final int column;
    private final String found;
    private final String detail;

    TriggerSyntaxException(String text, int offset, int length, String found, String detail) {
        super(location(text, offset) + ": " + detail);
        this.offset = offset;
        this.length = length;
        this.found = found;
        this.detail = detail;
        int l = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                l++;
                lineStart = i + 1;
            }
        }
        this.line = l;
        this.column = offset - lineStart + 1;
    }

    private static String location(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = offset - lineStart + 1;
        return text.indexOf('\n') < 0 ? "column " + column : "line " + line + ", column " + column;
    }

    /** 0-based offset of the offending token in the whole text (for underlining it). */
    public int offset() {
        return offset;
    }

    /** Length of the offending token (0 at the end of the text). */
    public int length() {
        return length;
    }

    /** 1-based line. */
    public int line() {
        return line;
    }

    /** 1-based column within the line. */
    public int column() {
        return column;
    }

    /** The offending token as written, or empty at the end of the text. */
    public String found() {
        return found;
    }

    /** The message without the position, e.g. {@code expected a number after '>', found 'abc'}. */
    public String detail() {
        return detail;
    }
}
