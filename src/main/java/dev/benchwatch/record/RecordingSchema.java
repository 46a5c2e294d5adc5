package dev.benchwatch.record;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables of a session recording (docs/RECORDING.md). One SQLite file may hold several sessions; every
 * row names its session. Times are nanoseconds since the Unix epoch (UTC) in INTEGER columns, so nothing is
 * rounded; values are REAL (IEEE doubles, as the engine holds them).
 *
 * <ul>
 *   <li>{@code meta}: the file's format version ({@link #FORMAT_VERSION}) and the writing program.</li>
 *   <li>{@code session}: when it started and stopped, the workspace it ran, and the recorder's counts at the
 *   last commit: readings the engine accepted, readings written, readings lost (with the reason).</li>
 *   <li>{@code device}, {@code channel}: names, kinds, units; {@code channel.derived} is 1 for a pipeline's
 *   output (recorded too, so exports and backtests see it; a replay feeds only the devices' channels and
 *   lets the workspace's pipelines derive the rest again).</li>
 *   <li>{@code reading}: one row per accepted reading, in the order the engine accepted them.</li>
 *   <li>{@code event}: trigger transitions, device status changes, anomalies, actions and user actions.</li>
 *   <li>{@code marker}: labels a person or a trigger put on the timeline.</li>
 * </ul>
 */
public final class RecordingSchema {
    /** Bumped when a table or column changes meaning; readers refuse newer formats. */
    public static final int FORMAT_VERSION = 1;

    static final List<String> TABLES = List.of(
            """
            CREATE TABLE IF NOT EXISTS meta (
              key   TEXT PRIMARY KEY,
              value TEXT NOT NULL
            )""",
            """
            CREATE TABLE IF NOT EXISTS session (
              id          INTEGER PRIMARY KEY,
              started_ns  INTEGER NOT NULL,
              stopped_ns  INTEGER,
              workspace   TEXT,
              accepted    INTEGER NOT NULL DEFAULT 0,
              recorded    INTEGER NOT NULL DEFAULT 0,
              lost        INTEGER NOT NULL DEFAULT 0,
              lost_reason TEXT
            )""",
            """
            CREATE TABLE IF NOT EXISTS device (
              id         INTEGER PRIMARY KEY,
              session_id INTEGER NOT NULL REFERENCES session(id),
              name       TEXT NOT NULL,
              kind       TEXT NOT NULL DEFAULT '',
              UNIQUE (session_id, name)
            )""",
            """
            CREATE TABLE IF NOT EXISTS channel (
              id         INTEGER PRIMARY KEY,
              session_id INTEGER NOT NULL REFERENCES session(id),
              name       TEXT NOT NULL,
              unit       TEXT NOT NULL DEFAULT '',
              device     TEXT NOT NULL DEFAULT '',
              derived    INTEGER NOT NULL DEFAULT 0,
              UNIQUE (session_id, name)
            )""",
            """
            CREATE TABLE IF NOT EXISTS reading (
              channel_id INTEGER NOT NULL REFERENCES channel(id),
              ts_ns      INTEGER NOT NULL,
              value      REAL NOT NULL
            )""",
            """
            CREATE TABLE IF NOT EXISTS event (
              id         INTEGER PRIMARY KEY,
              session_id INTEGER NOT NULL REFERENCES session(id),
              ts_ns      INTEGER NOT NULL,
              type       TEXT NOT NULL,
              device     TEXT NOT NULL DEFAULT '',
              severity   INTEGER NOT NULL DEFAULT 0,
              message    TEXT NOT NULL DEFAULT '',
              data       TEXT NOT NULL DEFAULT '{}'
            )""",
            """
            CREATE TABLE IF NOT EXISTS marker (
              id         INTEGER PRIMARY KEY,
              session_id INTEGER NOT NULL REFERENCES session(id),
              ts_ns      INTEGER NOT NULL,
              label      TEXT NOT NULL,
              source     TEXT NOT NULL DEFAULT 'user'
            )""");

    /**
     * Built after recording (by the recorder when it stops, or by a reader of a file a crash left without
     * it): readings by channel and time, for export, replay and backtests. Not kept while recording, where
     * it would slow every insert.
     */
    static final String READING_INDEX =
            "CREATE INDEX IF NOT EXISTS reading_by_channel_time ON reading (channel_id, ts_ns)";

    private RecordingSchema() {
    }

    /** Creates the tables that are missing and records the format version. */
    public static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.executeUpdate(table);
            }
            statement.executeUpdate("INSERT OR IGNORE INTO meta (key, value) VALUES ('format_version', '"
                    + FORMAT_VERSION + "')");
        }
    }

    /** Adds the reading index when it is missing (a file from a crashed recording has none). */
    public static void index(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(READING_INDEX);
        }
    }
}
