package dev.benchwatch.record;

import java.io.IOException;

/**
 * A file that cannot be read as a recording: not SQLite, not a recording, a newer format, or a session
 * that does not exist. The message names the file and says what was expected, for a person to act on.
 */
public final class RecordingException extends IOException {
    private static final long serialVersionUID = 1L;

    public RecordingException(String message) {
        super(message);
    }

    public RecordingException(String message, Throwable cause) {
        super(message, cause);
    }
}
