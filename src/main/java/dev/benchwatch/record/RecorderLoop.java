package dev.benchwatch.record;

import dev.benchwatch.engine.NanoClock;
import dev.benchwatch.engine.event.Event;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recorder thread's duty cycle: drains the {@link ReadingRing} in batches, writes readings, events and
 * markers inside one transaction and commits it once the oldest uncommitted row has waited the commit
 * interval. It alone touches the SQLite connection.
 *
 * <p>The first SQLite error (disk full, file size limit, I/O error) ends writing for the session: the
 * uncommitted readings and everything after them are counted as lost ({@link LossReason#WRITE_FAILED}),
 * an alert names the file and the error, and the loop keeps draining the ring so the engine never notices.
 */
final class RecorderLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(RecorderLoop.class);
    private static final int DRAIN_BATCH = 8_192;
    private static final long IDLE_PARK_NANOS = 500_000;
    private static final long LOSS_ALERT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final String file;
    private final ReadingRing ring;
    private final Connection connection;
    private final SessionCatalog catalog;
    private final ReadingInserter inserter;
    private final EventWriter eventWriter;
    private final Queue<Event> events;
    private final Queue<EventWriter.Marker> markers;
    private final long commitIntervalNanos;
    private final Alerts alerts;
    private final NanoClock clock;

    private volatile boolean stopRequested;
    private volatile long recorded;
    private volatile long writeLost;
    private volatile String failure;
    private volatile long commits;

    private long uncommitted;        // readings written in the open transaction
    private boolean dirty;           // anything written in the open transaction
    private long dirtySince;
    private long lostAlerted;
    private long lastLossAlert = Long.MIN_VALUE / 2;

    /** Where the loop reports trouble; the recorder turns these into SYSTEM_ALERT events. */
    interface Alerts {
        void alert(int priority, String message, java.util.Map<String, String> details);
    }

    RecorderLoop(String file, ReadingRing ring, Connection connection, SessionCatalog catalog, int rowsPerInsert,
                 Queue<Event> events, Queue<EventWriter.Marker> markers, long commitIntervalNanos, Alerts alerts,
                 NanoClock clock) throws SQLException {
        this.file = file;
        this.ring = ring;
        this.connection = connection;
        this.catalog = catalog;
        this.inserter = new ReadingInserter(connection, rowsPerInsert);
        this.eventWriter = new EventWriter(connection, catalog.sessionId());
        this.events = events;
        this.markers = markers;
        this.commitIntervalNanos = commitIntervalNanos;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Asks the loop to write what is left, close the session and end; the tap must be removed first. */
    void requestStop() {
        stopRequested = true;
    }

    long recorded() {
        return recorded;
    }

    long writeLost() {
        return writeLost;
    }

    long commits() {
        return commits;
    }

    /** The SQLite error that ended writing, or null. */
    String failure() {
        return failure;
    }

    @Override
    public void run() {
        int[] channelWords = new int[DRAIN_BATCH];
        long[] timestamps = new long[DRAIN_BATCH];
        double[] values = new double[DRAIN_BATCH];
        while (true) {
            boolean stopping = stopRequested; // read first: a final pass then sees everything handed over before
            int n = ring.drainTo(channelWords, timestamps, values, DRAIN_BATCH);
            if (failure == null) {
                try {
                    write(n, channelWords, timestamps, values);
                    boolean due = dirty && System.nanoTime() - dirtySince >= commitIntervalNanos;
                    if (due || (stopping && dirty && ring.size() == 0)) {
                        commit();
                    }
                } catch (SQLException | RuntimeException e) {
                    fail(e);
                }
            } else {
                writeLost += n;
                events.clear();
                markers.clear();
            }
            alertOnBufferLoss();
            if (stopping && n == 0 && ring.size() == 0 && events.isEmpty() && markers.isEmpty()) {
                break;
            }
            if (n == 0) {
                LockSupport.parkNanos(IDLE_PARK_NANOS);
            }
        }
        finish();
    }

    private void write(int n, int[] channelWords, long[] timestamps, double[] values) throws SQLException {
        if (n > 0) {
            if (!dirty) {
                dirty = true;
                dirtySince = System.nanoTime();
            }
            uncommitted += n; // counted first: if a write fails half-way, the whole batch is lost, not forgotten
            for (int k = 0; k < n; k++) {
                int word = channelWords[k];
                boolean derived = word < 0;
                inserter.add(catalog.rowFor(derived ? ~word : word, derived), timestamps[k], values[k]);
            }
        }
        Event event;
        while ((event = events.poll()) != null) {
            markDirty();
            eventWriter.write(event);
        }
        EventWriter.Marker marker;
        while ((marker = markers.poll()) != null) {
            markDirty();
            eventWriter.write(marker);
        }
    }

    private void markDirty() {
        if (!dirty) {
            dirty = true;
            dirtySince = System.nanoTime();
        }
    }

    private void commit() throws SQLException {
        inserter.flush();
        catalog.addNewChannels();
        catalog.updateCounts(ring.offered(), recorded + uncommitted, ring.lost() + writeLost,
                lostReason(ring.lost(), writeLost));
        connection.commit();
        recorded += uncommitted;
        uncommitted = 0;
        dirty = false;
        commits++;
    }

    private void fail(Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        long notWritten = uncommitted;
        writeLost += uncommitted;
        uncommitted = 0;
        dirty = false;
        inserter.discard();
        failure = message;
        try {
            connection.rollback();
        } catch (SQLException rollback) {
            e.addSuppressed(rollback);
        }
        LOG.error("recording to {} failed", file, e);
        alerts.alert(9, "recording to " + file + " failed: " + message + "; " + notWritten
                        + " readings not written, the rest of the session is counted as lost",
                java.util.Map.of("file", file, "error", message, "recording", "stopped writing"));
    }

    private void alertOnBufferLoss() {
        long lost = ring.lost();
        long now = System.nanoTime();
        if (lost > lostAlerted && now - lastLossAlert >= LOSS_ALERT_INTERVAL_NANOS) {
            lostAlerted = lost;
            lastLossAlert = now;
            alerts.alert(8, "recording to " + file + " is losing readings: the recorder's buffer of " + ring.capacity()
                    + " readings was full; " + lost + " lost so far", java.util.Map.of("file", file,
                    "lost", Long.toString(lost), "reason", LossReason.BUFFER_FULL.label()));
        }
    }

    /** The last commit: counts and stop time, then the reading index for readers. */
    private void finish() {
        try {
            if (failure == null) {
                try {
                    inserter.flush();
                    catalog.updateCounts(ring.offered(), recorded + uncommitted, ring.lost() + writeLost,
                            lostReason(ring.lost(), writeLost));
                    catalog.stopped(clock.nowNanos());
                    connection.commit();
                    recorded += uncommitted;
                    uncommitted = 0;
                    commits++;
                } catch (SQLException | RuntimeException e) {
                    fail(e);
                }
            }
            if (failure == null) {
                try {
                    connection.setAutoCommit(true);
                    RecordingSchema.index(connection);
                } catch (SQLException e) {
                    // the readings are committed; a reader builds the index itself when it is missing
                    alerts.alert(6, "recording to " + file + ": could not build the reading index: " + e.getMessage(),
                            java.util.Map.of("file", file, "error", String.valueOf(e.getMessage())));
                }
            }
        } finally {
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            inserter.close();
            eventWriter.close();
            catalog.close();
        } catch (SQLException e) {
            LOG.warn("closing statements of {}: {}", file, e.toString());
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing {}: {}", file, e.toString());
        }
    }

    static String lostReason(long bufferFull, long writeFailed) {
        StringBuilder reason = new StringBuilder();
        if (bufferFull > 0) {
            reason.append(LossReason.BUFFER_FULL.label()).append(": ").append(bufferFull);
        }
        if (writeFailed > 0) {
            if (!reason.isEmpty()) {
                reason.append("; ");
            }
            reason.append(LossReason.WRITE_FAILED.label()).append(": ").append(writeFailed);
        }
        return reason.isEmpty() ? null : reason.toString();
    }
}
