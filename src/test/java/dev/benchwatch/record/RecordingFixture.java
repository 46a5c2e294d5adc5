package dev.benchwatch.record;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes recordings for tests with plain JDBC against {@link RecordingSchema}, independent of the recorder:
 * the reader is tested against the schema, not against one writer of it.
 */
public final class RecordingFixture implements AutoCloseable {
    private final Connection connection;
    private final PreparedStatement reading;
    private int batched;

    private RecordingFixture(Connection connection) throws SQLException {
        this.connection = connection;
        this.reading = connection.prepareStatement("INSERT INTO reading (channel_id, ts_ns, value) VALUES (?, ?, ?)");
    }

    /** A new recording file with the schema (and, unless {@link #withoutIndex} is called, the index). */
    public static RecordingFixture create(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = OFF");
        }
        RecordingSchema.create(c);
        c.setAutoCommit(false);
        return new RecordingFixture(c);
    }

    public Connection connection() {
        return connection;
    }

    public long session(long startedNs, Long stoppedNs) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO session (started_ns, stopped_ns, workspace) VALUES (?, ?, 'test.json')",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, startedNs);
            if (stoppedNs == null) {
                s.setNull(2, java.sql.Types.INTEGER);
            } else {
                s.setLong(2, stoppedNs);
            }
            s.executeUpdate();
            return key(s);
        }
    }

    public int channel(long session, String name, String unit, String device, boolean derived) throws SQLException {
        if (!device.isEmpty()) {
            try (PreparedStatement s = connection.prepareStatement(
                    "INSERT OR IGNORE INTO device (session_id, name, kind) VALUES (?, ?, 'sim')")) {
                s.setLong(1, session);
                s.setString(2, device);
                s.executeUpdate();
            }
        }
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO channel (session_id, name, unit, device, derived) VALUES (?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, session);
            s.setString(2, name);
            s.setString(3, unit);
            s.setString(4, device);
            s.setInt(5, derived ? 1 : 0);
            s.executeUpdate();
            return (int) key(s);
        }
    }

    public RecordingFixture reading(int channel, long ts, double value) throws SQLException {
        reading.setInt(1, channel);
        reading.setLong(2, ts);
        reading.setDouble(3, value);
        reading.addBatch();
        if (++batched == 10_000) {
            reading.executeBatch();
            batched = 0;
        }
        return this;
    }

    public void counts(long session, long accepted, long recorded, long lost, String reason) throws SQLException {
        flush();
        try (PreparedStatement s = connection.prepareStatement(
                "UPDATE session SET accepted = ?, recorded = ?, lost = ?, lost_reason = ? WHERE id = ?")) {
            s.setLong(1, accepted);
            s.setLong(2, recorded);
            s.setLong(3, lost);
            s.setString(4, reason);
            s.setLong(5, session);
            s.executeUpdate();
        }
    }

    public void formatVersion(String version) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("UPDATE meta SET value = '" + version + "' WHERE key = 'format_version'");
        }
    }

    private void flush() throws SQLException {
        if (batched > 0) {
            reading.executeBatch();
            batched = 0;
        }
    }

    /** Leaves the file as a crashed recorder does: without the reading index. */
    public void closeWithoutIndex() throws SQLException {
        finish(false);
    }

    @Override
    public void close() throws SQLException {
        finish(true);
    }

    private void finish(boolean index) throws SQLException {
        flush();
        if (index) {
            RecordingSchema.index(connection);
        }
        connection.commit();
        reading.close();
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        connection.close();
    }

    private static long key(PreparedStatement s) throws SQLException {
        try (ResultSet keys = s.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }
}
