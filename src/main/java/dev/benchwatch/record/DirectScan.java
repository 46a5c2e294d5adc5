package dev.benchwatch.record;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.sqlite.core.Codes;
import org.sqlite.core.CoreStatement;

/**
 * Steps a two-column query (an INTEGER, then a REAL) straight through the SQLite driver's native
 * statement instead of its JDBC {@code ResultSet}, taking the driver's statement lock once for the whole
 * scan rather than for every call.
 *
 * <p>Why: streaming a recording is bound by the cost of each driver call per row; the JDBC layer adds
 * column bookkeeping and a lock to every {@code next()} and getter, which made it about 1.5 times slower
 * than this on ten million readings. {@code org.sqlite.core} is public API of xerial sqlite-jdbc, but not
 * JDBC: should a driver version change it, {@link #scan} falls back to the {@code ResultSet}.
 */
final class DirectScan {
    /** Receives each row. */
    @FunctionalInterface
    interface Row {
        /** False to stop. */
        boolean accept(long first, double second);
    }

    private DirectScan() {
    }

    /** Runs {@code statement} (no parameters) and hands each row to {@code row}; returns the rows handed. */
    static long scan(PreparedStatement statement, Row row) throws SQLException {
        if (statement instanceof CoreStatement core && core.pointer != null) {
            long[] count = {0};
            core.pointer.safeRunConsume((db, pointer) -> {
                int rc;
                while ((rc = db.step(pointer)) == Codes.SQLITE_ROW) {
                    count[0]++;
                    if (!row.accept(db.column_long(pointer, 0), db.column_double(pointer, 1))) {
                        rc = Codes.SQLITE_DONE;
                        break;
                    }
                }
                db.reset(pointer);
                if (rc != Codes.SQLITE_DONE) {
                    throw org.sqlite.core.DB.newSQLException(rc, "reading the recording failed (SQLite code " + rc + ")");
                }
            });
            return count[0];
        }
        long count = 0;
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                count++;
                if (!row.accept(rs.getLong(1), rs.getDouble(2))) {
                    break;
                }
            }
        }
        return count;
    }
}
