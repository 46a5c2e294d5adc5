package dev.benchwatch.record;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Writes rows into the {@code reading} table as fast as SQLite takes them: parameters go straight into a
 * multi-row {@code INSERT ... VALUES (?,?,?),(?,?,?),...} statement of {@code rowsPerInsert} rows, executed
 * each time it is full (one statement step per many readings instead of one per reading); {@link #flush()}
 * writes the remainder with a single-row statement in a JDBC batch.
 */
final class ReadingInserter implements AutoCloseable {
    private final PreparedStatement multi;
    private final PreparedStatement single;
    private final int rowsPerInsert;
    private final int[] channels;
    private final long[] timestamps;
    private final double[] values;
    private int pending;

    ReadingInserter(Connection connection, int rowsPerInsert) throws SQLException {
        this.rowsPerInsert = rowsPerInsert;
        StringBuilder sql = new StringBuilder("INSERT INTO reading (channel_id, ts_ns, value) VALUES (?,?,?)");
        for (int i = 1; i < rowsPerInsert; i++) {
            sql.append(",(?,?,?)");
        }
        multi = connection.prepareStatement(sql.toString());
        single = connection.prepareStatement("INSERT INTO reading (channel_id, ts_ns, value) VALUES (?,?,?)");
        channels = new int[rowsPerInsert];
        timestamps = new long[rowsPerInsert];
        values = new double[rowsPerInsert];
    }

    /** Adds one row; executes the multi-row statement when it is full. */
    void add(int channelRowId, long timestampNanos, double value) throws SQLException {
        int i = pending++;
        channels[i] = channelRowId;
        timestamps[i] = timestampNanos;
        values[i] = value;
        if (pending == rowsPerInsert) {
            int p = 1;
            for (int k = 0; k < rowsPerInsert; k++) {
                multi.setInt(p++, channels[k]);
                multi.setLong(p++, timestamps[k]);
                multi.setDouble(p++, values[k]);
            }
            multi.executeUpdate();
            pending = 0;
        }
    }

    /** Writes the rows still buffered (before a commit). */
    void flush() throws SQLException {
        if (pending == 0) {
            return;
        }
        for (int k = 0; k < pending; k++) {
            single.setInt(1, channels[k]);
            single.setLong(2, timestamps[k]);
            single.setDouble(3, values[k]);
            single.addBatch();
        }
        single.executeBatch();
        pending = 0;
    }

    /** Forgets buffered rows (after a failed write, when the transaction was rolled back). */
    void discard() {
        pending = 0;
    }

    @Override
    public void close() throws SQLException {
        try {
            multi.close();
        } finally {
            single.close();
        }
    }
}
