package dev.benchwatch.record;

import dev.benchwatch.engine.Channel;
import dev.benchwatch.engine.ChannelRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The rows that describe one session: the {@code session} row itself, its devices and its channels. Maps
 * the engine's channel ids to the {@code channel} table's row ids (a file may hold several sessions, so the
 * two differ), adding channels the engine registered after the session began.
 *
 * <p>Whether a channel is derived is learned from its readings: a channel is written with {@code derived = 0}
 * and set to 1 when its first pipeline output arrives.
 */
final class SessionCatalog implements AutoCloseable {
    private final Connection connection;
    private final ChannelRegistry registry;
    private final long sessionId;
    private final PreparedStatement insertDevice;
    private final PreparedStatement insertChannel;
    private final PreparedStatement markDerived;
    private final PreparedStatement updateCounts;
    private final Set<String> devices = new HashSet<>();
    private int[] rowIds = new int[0];       // engine channel id -> channel row id, 0 for not yet written
    private boolean[] derived = new boolean[0];

    private SessionCatalog(Connection connection, ChannelRegistry registry, long sessionId) throws SQLException {
        this.connection = connection;
        this.registry = registry;
        this.sessionId = sessionId;
        insertDevice = connection.prepareStatement(
                "INSERT OR IGNORE INTO device (session_id, name, kind) VALUES (?, ?, '')");
        insertChannel = connection.prepareStatement(
                "INSERT INTO channel (session_id, name, unit, device, derived) VALUES (?, ?, ?, ?, 0)",
                Statement.RETURN_GENERATED_KEYS);
        markDerived = connection.prepareStatement("UPDATE channel SET derived = 1 WHERE id = ?");
        updateCounts = connection.prepareStatement(
                "UPDATE session SET accepted = ?, recorded = ?, lost = ?, lost_reason = ? WHERE id = ?");
    }

    /** Inserts the session row and every channel (and device) the engine knows now. */
    static SessionCatalog begin(Connection connection, ChannelRegistry registry, long startedNanos, String workspace)
            throws SQLException {
        long id;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO session (started_ns, workspace) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, startedNanos);
            insert.setString(2, workspace);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        SessionCatalog catalog = new SessionCatalog(connection, registry, id);
        catalog.addNewChannels();
        return catalog;
    }

    long sessionId() {
        return sessionId;
    }

    /** Writes channels the engine registered since the last call (cheap when there are none). */
    void addNewChannels() throws SQLException {
        int known = rowIds.length;
        int size = registry.size();
        if (size <= known) {
            return;
        }
        rowIds = Arrays.copyOf(rowIds, size);
        derived = Arrays.copyOf(derived, size);
        for (int id = known; id < size; id++) {
            rowIds[id] = insert(registry.get(id));
        }
    }

    /** The channel's row id for a reading on engine channel {@code channel}; writes the channel when new. */
    int rowFor(int channel, boolean isDerived) throws SQLException {
        if (channel >= rowIds.length) {
            addNewChannels();
        }
        if (isDerived && !derived[channel]) {
            derived[channel] = true;
            markDerived.setInt(1, rowIds[channel]);
            markDerived.executeUpdate();
        }
        return rowIds[channel];
    }

    /** The recorder's counts as of this commit, so a file left by a crash still says what was lost. */
    void updateCounts(long accepted, long recorded, long lost, String lostReason) throws SQLException {
        updateCounts.setLong(1, accepted);
        updateCounts.setLong(2, recorded);
        updateCounts.setLong(3, lost);
        updateCounts.setString(4, lostReason);
        updateCounts.setLong(5, sessionId);
        updateCounts.executeUpdate();
    }

    void stopped(long stoppedNanos) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE session SET stopped_ns = ? WHERE id = ?")) {
            update.setLong(1, stoppedNanos);
            update.setLong(2, sessionId);
            update.executeUpdate();
        }
    }

    private int insert(Channel channel) throws SQLException {
        if (!channel.device().isEmpty() && devices.add(channel.device())) {
            insertDevice.setLong(1, sessionId);
            insertDevice.setString(2, channel.device());
            insertDevice.executeUpdate();
        }
        insertChannel.setLong(1, sessionId);
        insertChannel.setString(2, channel.name());
        insertChannel.setString(3, channel.unit());
        insertChannel.setString(4, channel.device());
        insertChannel.executeUpdate();
        try (ResultSet keys = insertChannel.getGeneratedKeys()) {
            keys.next();
            return keys.getInt(1);
        }
    }

    @Override
    public void close() throws SQLException {
        insertDevice.close();
        insertChannel.close();
        markDerived.close();
        updateCounts.close();
    }
}
