package dev.benchwatch.record;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link SessionRecorder} buffers and writes.
 *
 * @param bufferCapacity  readings the hand-off from the engine holds (a power of two); at 500,000 readings/s
 *                        the default holds 2 s, enough to ride out a slow commit or a WAL checkpoint
 * @param commitInterval  longest time a written reading waits for its commit; after a crash (kill -9) the
 *                        file holds everything up to the last commit (docs/RECORDING.md)
 * @param rowsPerInsert   readings per multi-row INSERT statement (fewer statement executions per reading)
 * @param maxFileBytes    a size limit for the database file (SQLite's {@code max_page_count}), 0 for none;
 *                        reaching it behaves like a full disk: alert, then the rest is counted as lost
 */
public record RecordingSettings(int bufferCapacity, Duration commitInterval, int rowsPerInsert, long maxFileBytes) {
    public static final int DEFAULT_BUFFER_CAPACITY = 1 << 20;
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(200);
    public static final int DEFAULT_ROWS_PER_INSERT = 256;
    /** The commit interval may not exceed this: it is the crash bound the docs promise (at most 1 s). */
    public static final Duration MAX_COMMIT_INTERVAL = Duration.ofMillis(250);

    public RecordingSettings {
        if (bufferCapacity < 2 || Integer.bitCount(bufferCapacity) != 1) {
            throw new IllegalArgumentException("buffer capacity must be a power of two >= 2, got " + bufferCapacity);
        }
        Objects.requireNonNull(commitInterval, "commit interval");
        if (commitInterval.isNegative() || commitInterval.isZero() || commitInterval.compareTo(MAX_COMMIT_INTERVAL) > 0) {
            throw new IllegalArgumentException("commit interval must be > 0 and at most " + MAX_COMMIT_INTERVAL.toMillis()
                    + " ms, got " + commitInterval.toMillis() + " ms");
        }
        if (rowsPerInsert < 1 || rowsPerInsert > 10_000) {
            throw new IllegalArgumentException("rows per insert must be 1..10000 (SQLite allows 32766 parameters), got "
                    + rowsPerInsert);
        }
        if (maxFileBytes < 0) {
            throw new IllegalArgumentException("max file bytes must be >= 0 (0: no limit), got " + maxFileBytes);
        }
    }

    public static RecordingSettings defaults() {
        return new RecordingSettings(DEFAULT_BUFFER_CAPACITY, DEFAULT_COMMIT_INTERVAL, DEFAULT_ROWS_PER_INSERT, 0);
    }

    public RecordingSettings withBufferCapacity(int value) {
        return new RecordingSettings(value, commitInterval, rowsPerInsert, maxFileBytes);
    }

    public RecordingSettings withCommitInterval(Duration value) {
        return new RecordingSettings(bufferCapacity, value, rowsPerInsert, maxFileBytes);
    }

    public RecordingSettings withRowsPerInsert(int value) {
        return new RecordingSettings(bufferCapacity, commitInterval, value, maxFileBytes);
    }

    public RecordingSettings withMaxFileBytes(long value) {
        return new RecordingSettings(bufferCapacity, commitInterval, rowsPerInsert, value);
    }
}
