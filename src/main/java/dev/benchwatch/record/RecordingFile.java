package dev.benchwatch.record;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** How a recording file is opened for writing: one place for the SQLite settings the recorder relies on. */
public final class RecordingFile {
    private static final int PAGE_SIZE = 16_384;
    private static final long WAL_CHECKPOINT_BYTES = 64L << 20;

    private RecordingFile() {
    }

    /**
     * Opens (or creates) a recording for writing, with the tables created, as {@link SessionRecorder} writes
     * it. Besides WAL and synchronous=NORMAL (a commit survives a killed process), the settings measured in docs/BENCHMARKS.md ("Recording") to write readings 1.3-1.5x faster: 16 KiB
     * pages for a new file (fewer page writes per reading; an existing file keeps its page size), a WAL
     * checkpoint every 64 MiB instead of every 4 MiB (fewer, longer checkpoints with their fsyncs), and a
     * 16 MiB page cache. {@code maxFileBytes} > 0 caps the file (SQLite's {@code max_page_count}): reaching
     * it fails like a full disk. The caller closes the connection.
     */
    public static Connection openForWriting(Path file, long maxFileBytes) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA page_size=" + PAGE_SIZE); // no effect on an existing file
            try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode=WAL")) {
                if (!mode.next() || !"wal".equalsIgnoreCase(mode.getString(1))) {
                    throw new SQLException("SQLite refused WAL mode for " + file);
                }
            }
            statement.execute("PRAGMA synchronous=NORMAL");
            statement.execute("PRAGMA temp_store=MEMORY");
            statement.execute("PRAGMA cache_size=-16384");
            long pageSize;
            try (ResultSet size = statement.executeQuery("PRAGMA page_size")) {
                size.next();
                pageSize = size.getLong(1);
            }
            statement.execute("PRAGMA wal_autocheckpoint=" + Math.max(1000, WAL_CHECKPOINT_BYTES / pageSize));
            if (maxFileBytes > 0) {
                statement.execute("PRAGMA max_page_count=" + Math.max(1, maxFileBytes / pageSize));
            }
            RecordingSchema.create(connection);
            return connection;
        } catch (SQLException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }
}
