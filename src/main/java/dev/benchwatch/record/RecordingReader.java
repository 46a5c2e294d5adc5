package dev.benchwatch.record;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Reads a recording (docs/RECORDING.md) for export, replay and backtests, without ever changing what was
 * recorded.
 *
 * <p>The file is opened read-only. Two exceptions, both only when the file is writable and both things a
 * later read profits from: a file a crashed recorder left without the reading index gets it
 * ({@link RecordingSchema#index}), and a stopped session's measured disorder (below) is remembered in the
 * {@code meta} table. {@link #open(Path, boolean)} with false writes nothing.
 *
 * <p>Readings stream in timestamp order, ties in the order they were recorded, as primitives through a
 * {@link ReadingHandler}. A recording stores them in the order the engine accepted them: in time order,
 * or nearly (one device's readings may arrive a little after another's). So the reader measures once how
 * far out of order the session is (one scan of its timestamps) and then reads the table in one scan by
 * rowid: as it is when in order, through a {@link ReorderBuffer} when not. Only a session with a reading
 * more than a minute out of order is sorted by SQLite. One channel alone is read through the index.
 *
 * <p>Not thread-safe: one reader per thread.
 */
public final class RecordingReader implements AutoCloseable {
    /** Rows the driver fetches per round trip. */
    static final int FETCH_SIZE = 8_192;
    /** The meta key (+ session id) under which a stopped session's measured disorder is kept. */
    static final String DISORDER_KEY = "reading_disorder_ns.session.";
    /**
     * Beyond this disorder (a clock that jumped back, say), reordering in memory could hold too much:
     * SQLite sorts instead.
     */
    static final long MAX_REORDER_NANOS = 60_000_000_000L;

    private final Path file;
    private final Connection connection;
    private final boolean indexed;
    private final boolean mayWrite;
    private final Map<Long, Long> disorder = new HashMap<>();

    private RecordingReader(Path file, Connection connection, boolean indexed, boolean mayWrite) {
        this.file = file;
        this.mayWrite = mayWrite;
        this.connection = connection;
        this.indexed = indexed;
    }

    /**
     * Opens {@code file}.
     *
     * @throws RecordingException when the file is missing, not SQLite, not a recording, or of a newer format
     */
    public static RecordingReader open(Path file) throws RecordingException {
        return open(file, true);
    }

    /**
     * Opens {@code file}; with {@code mayWrite} false it never writes to it, neither the missing index nor
     * the remembered order check (for a file that must stay byte for byte as it is, such as evidence of a
     * failed run).
     */
    public static RecordingReader open(Path file, boolean mayWrite) throws RecordingException {
        if (!Files.exists(file)) {
            throw new RecordingException(file + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new RecordingException(file + ": is a directory, expected a recording (.db)");
        }
        if (!Files.isReadable(file)) {
            throw new RecordingException(file + ": permission denied");
        }
        checkHeader(file);
        boolean indexed;
        try {
            if (mayWrite && !hasIndex(file) && Files.isWritable(file)) {
                addIndex(file);
            }
            Connection connection = connect(file, true);
            try {
                checkFormat(file, connection);
                indexed = hasIndex(connection);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA cache_size = -65536");
                    statement.execute("PRAGMA temp_store = MEMORY");
                    statement.execute("PRAGMA mmap_size = 1073741824");
                }
            } catch (RecordingException | SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            return new RecordingReader(file, connection, indexed, mayWrite);
        } catch (SQLException e) {
            throw new RecordingException(file + ": cannot read the recording: " + e.getMessage(), e);
        }
    }

    /** Adds the missing index; a file that turns out not to be writable is read without it. */
    private static void addIndex(Path file) throws SQLException, RecordingException {
        try (Connection writable = connect(file, false)) {
            checkFormat(file, writable);
            RecordingSchema.index(writable);
        } catch (SQLException e) {
            if (!(e instanceof org.sqlite.SQLiteException lite)
                    || (lite.getResultCode().code & 0xff) != org.sqlite.SQLiteErrorCode.SQLITE_READONLY.code) {
                throw e;
            }
        }
    }

    /** SQLite files start with this; anything else gets a plain message instead of a driver error. */
    private static void checkHeader(Path file) throws RecordingException {
        byte[] magic = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] head = new byte[magic.length];
        int n;
        try (var in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (java.io.IOException e) {
            throw new RecordingException(file + ": cannot read the file: " + e.getMessage(), e);
        }
        if (n < magic.length || !java.util.Arrays.equals(head, magic)) {
            throw new RecordingException(file + ": not a recording: the file is not an SQLite database"
                    + (n == 0 ? " (it is empty)" : ""));
        }
    }

    private static boolean hasIndex(Path file) throws SQLException {
        try (Connection c = connect(file, true)) {
            return hasIndex(c);
        }
    }

    private static boolean hasIndex(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'reading_by_channel_time'");
             ResultSet rs = s.executeQuery()) {
            return rs.next();
        }
    }

    private static Connection connect(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.resetOpenMode(SQLiteOpenMode.CREATE); // never create a file that is not there
        config.setReadOnly(readOnly);
        config.setBusyTimeout(5_000);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    private static void checkFormat(Path file, Connection c) throws RecordingException, SQLException {
        Map<String, Boolean> tables = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT name FROM sqlite_master WHERE type = 'table'");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                tables.put(rs.getString(1), true);
            }
        }
        for (String needed : List.of("meta", "session", "channel", "reading")) {
            if (!tables.containsKey(needed)) {
                throw new RecordingException(file + ": not a Benchwatch recording: an SQLite database without the "
                        + "'" + needed + "' table");
            }
        }
        String version = null;
        try (PreparedStatement s = c.prepareStatement("SELECT value FROM meta WHERE key = 'format_version'");
             ResultSet rs = s.executeQuery()) {
            if (rs.next()) {
                version = rs.getString(1);
            }
        }
        if (version == null) {
            throw new RecordingException(file + ": not a Benchwatch recording: no format_version in its meta table");
        }
        int v;
        try {
            v = Integer.parseInt(version.trim());
        } catch (NumberFormatException e) {
            throw new RecordingException(file + ": format_version '" + version + "' is not a number", e);
        }
        if (v > RecordingSchema.FORMAT_VERSION) {
            throw new RecordingException(file + ": recording format version " + v + " is newer than this Benchwatch "
                    + "reads (up to " + RecordingSchema.FORMAT_VERSION + "); open it with a newer Benchwatch");
        }
    }

    public Path file() {
        return file;
    }

    /** Whether the reading index is there (false only for a read-only file a crash left without it). */
    public boolean indexed() {
        return indexed;
    }

    /** Every session, oldest first. */
    public List<RecordedSession> sessions() throws RecordingException {
        List<RecordedSession> sessions = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT id, started_ns, stopped_ns, workspace, accepted, "
                + "recorded, lost, lost_reason FROM session ORDER BY id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long stopped = rs.getLong(3);
                boolean noStop = rs.wasNull();
                String workspace = rs.getString(4);
                String reason = rs.getString(8);
                sessions.add(new RecordedSession(rs.getLong(1), rs.getLong(2), noStop ? -1 : stopped,
                        workspace == null ? "" : workspace, rs.getLong(5), rs.getLong(6), rs.getLong(7),
                        reason == null ? "" : reason));
            }
        } catch (SQLException e) {
            throw failure("cannot list its sessions", e);
        }
        return sessions;
    }

    /**
     * The session a command means: {@code id} when given (it must exist), else the latest one.
     *
     * @throws RecordingException when the file has no sessions or no session {@code id}
     */
    public RecordedSession session(Long id) throws RecordingException {
        List<RecordedSession> sessions = sessions();
        if (sessions.isEmpty()) {
            throw new RecordingException(file + ": the recording has no sessions");
        }
        if (id == null) {
            return sessions.getLast();
        }
        return sessions.stream().filter(s -> s.id() == id).findFirst().orElseThrow(() -> new RecordingException(
                file + ": no session " + id + "; the recording has sessions "
                        + sessions.stream().map(s -> Long.toString(s.id())).toList()));
    }

    /** The channels of a session, in the order they were recorded. */
    public List<RecordedChannel> channels(long sessionId) throws RecordingException {
        List<RecordedChannel> channels = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT id, name, unit, device, derived FROM channel WHERE session_id = ? ORDER BY id")) {
            s.setLong(1, sessionId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    channels.add(new RecordedChannel(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5) != 0));
                }
            }
        } catch (SQLException e) {
            throw failure("cannot list the channels of session " + sessionId, e);
        }
        return channels;
    }

    /** Readings of one channel (by id) in the file. */
    public long count(int channelId) throws RecordingException {
        try (PreparedStatement s = connection.prepareStatement("SELECT count(*) FROM reading WHERE channel_id = ?")) {
            s.setInt(1, channelId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw failure("cannot count readings", e);
        }
    }

    /**
     * The channels {@code filter} selects, in recording order.
     *
     * @throws RecordingException when it names a channel the session does not have
     */
    public List<RecordedChannel> select(ReadingFilter filter) throws RecordingException {
        List<RecordedChannel> all = channels(filter.sessionId());
        if (filter.channels().isEmpty()) {
            return filter.withDerived() ? all : all.stream().filter(c -> !c.derived()).toList();
        }
        Map<String, RecordedChannel> byName = new LinkedHashMap<>();
        all.forEach(c -> byName.put(c.name(), c));
        List<RecordedChannel> chosen = new ArrayList<>();
        for (String name : filter.channels()) {
            RecordedChannel c = byName.get(name);
            if (c == null) {
                throw new RecordingException(file + ": session " + filter.sessionId() + " has no channel '" + name
                        + "'; it has " + String.join(", ", byName.keySet()));
            }
            if (!chosen.contains(c)) {
                chosen.add(c);
            }
        }
        return chosen;
    }

    /**
     * Streams the readings {@code filter} selects in timestamp order (ties: recording order) to
     * {@code handler}, until they end or the handler returns false.
     *
     * @return how many readings the handler was given
     */
    public long stream(ReadingFilter filter, ReadingHandler handler) throws RecordingException {
        List<RecordedChannel> channels = select(filter);
        if (channels.isEmpty()) {
            return 0;
        }
        StringBuilder where = new StringBuilder();
        if (!coversWholeFile(channels)) {
            where.append("channel_id IN (");
            for (int i = 0; i < channels.size(); i++) {
                where.append(i == 0 ? "" : ",").append(channels.get(i).id());
            }
            where.append(')');
        }
        if (filter.fromNanos() != Long.MIN_VALUE) {
            where.append(where.isEmpty() ? "" : " AND ").append("ts_ns >= ").append(filter.fromNanos());
        }
        if (filter.toNanos() != Long.MAX_VALUE) {
            where.append(where.isEmpty() ? "" : " AND ").append("ts_ns < ").append(filter.toNanos());
        }
        String condition = where.isEmpty() ? "" : " WHERE " + where;
        if (channels.size() == 1) {
            // one channel: the index (channel_id, ts_ns, rowid) gives time order, ties by rowid
            int id = channels.getFirst().id();
            return scanTwo("SELECT ts_ns, value FROM reading" + condition + " ORDER BY ts_ns, rowid",
                    (packed, value, out) -> out.reading(id, packed, value), handler);
        }
        long disorder = disorder(filter.sessionId());
        if (disorder > MAX_REORDER_NANOS) {
            return scan("SELECT channel_id, ts_ns, value FROM reading" + condition + " ORDER BY ts_ns, rowid", handler);
        }
        if (disorder == 0) {
            return scanByRowid(filter, channels, condition, handler);
        }
        long[] given = {0};
        ReorderBuffer buffer = new ReorderBuffer(disorder, (c, ts, v) -> {
            given[0]++;
            return handler.reading(c, ts, v);
        });
        scanByRowid(filter, channels, condition, buffer::add);
        buffer.finish();
        return given[0];
    }

    /**
     * The table in rowid order. When the index can tell the time span cheaply and it leaves room, channel
     * and time travel packed in one INTEGER ({@code (ts - from) << bits | channel - minId}, computed by
     * SQLite): one driver call less per reading, the largest cost of a scan.
     */
    private long scanByRowid(ReadingFilter filter, List<RecordedChannel> channels, String condition,
                             ReadingHandler handler) throws RecordingException {
        String plain = "SELECT channel_id, ts_ns, value FROM reading" + condition + " ORDER BY rowid";
        if (!indexed) {
            return scan(plain, handler);
        }
        Optional<long[]> span = span(filter);
        if (span.isEmpty()) {
            return 0;
        }
        int minId = channels.stream().mapToInt(RecordedChannel::id).min().orElseThrow();
        int maxId = channels.stream().mapToInt(RecordedChannel::id).max().orElseThrow();
        int bits = Math.max(1, 64 - Long.numberOfLeadingZeros(maxId - minId));
        long from = span.get()[0];
        long range = span.get()[1] - from;
        if (range < 0 || bits > 31 || 64 - Long.numberOfLeadingZeros(range) > 62 - bits) {
            return scan(plain, handler);
        }
        long mask = (1L << bits) - 1;
        return scanTwo("SELECT ((ts_ns - " + from + ") << " + bits + ") | (channel_id - " + minId + "), value "
                        + "FROM reading" + condition + " ORDER BY rowid",
                (packed, value, out) -> out.reading((int) (packed & mask) + minId, (packed >>> bits) + from, value),
                handler);
    }

    /** How a two-column row (an INTEGER and the value) becomes a reading. */
    @FunctionalInterface
    private interface Unpack {
        boolean apply(long first, double value, ReadingHandler out);
    }

    private long scanTwo(String sql, Unpack unpack, ReadingHandler handler) throws RecordingException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setFetchSize(FETCH_SIZE);
            return DirectScan.scan(s, (first, value) -> unpack.apply(first, value, handler));
        } catch (SQLException e) {
            throw failure("cannot read its readings", e);
        }
    }

    private long scan(String sql, ReadingHandler handler) throws RecordingException {
        long count = 0;
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    count++;
                    if (!handler.reading(rs.getInt(1), rs.getLong(2), rs.getDouble(3))) {
                        break;
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("cannot read its readings", e);
        }
        return count;
    }

    /** True when the file has no channels but these (no channel filter needed in the scan). */
    private boolean coversWholeFile(List<RecordedChannel> channels) throws RecordingException {
        try (PreparedStatement s = connection.prepareStatement("SELECT count(*) FROM channel");
             ResultSet rs = s.executeQuery()) {
            return rs.next() && rs.getLong(1) == channels.size();
        } catch (SQLException e) {
            throw failure("cannot count its channels", e);
        }
    }

    /**
     * How much earlier than the latest timestamp before it a reading of the session was recorded, at most
     * (0: recorded in time order). Bounds the disorder of any selection of the session's readings too.
     * Measured with one scan of the session's timestamps in rowid order; remembered in the file's meta
     * table for a stopped session (which gets no more readings) when the file is writable, so that it is
     * measured once per file, not once per export or replay.
     */
    long disorder(long sessionId) throws RecordingException {
        Long known = disorder.get(sessionId);
        if (known != null) {
            return known;
        }
        String key = DISORDER_KEY + sessionId;
        try {
            try (PreparedStatement s = connection.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
                s.setString(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        long stored = Long.parseLong(rs.getString(1));
                        disorder.put(sessionId, stored);
                        return stored;
                    }
                }
            } catch (NumberFormatException e) {
                // measured again below
            }
            List<RecordedChannel> channels = channels(sessionId);
            String condition = coversWholeFile(channels) ? "" : " WHERE channel_id IN (" + String.join(",",
                    channels.stream().map(c -> Integer.toString(c.id())).toList()) + ")";
            long[] latestAndWorst = {Long.MIN_VALUE, 0};
            try (PreparedStatement s = connection.prepareStatement("SELECT ts_ns, 0.0 FROM reading" + condition
                    + " ORDER BY rowid")) {
                DirectScan.scan(s, (ts, unused) -> {
                    if (ts >= latestAndWorst[0]) {
                        latestAndWorst[0] = ts;
                    } else if (latestAndWorst[0] - ts > latestAndWorst[1]) {
                        latestAndWorst[1] = latestAndWorst[0] - ts;
                    }
                    return true;
                });
            }
            long worst = latestAndWorst[1];
            disorder.put(sessionId, worst);
            remember(sessionId, key, worst);
            return worst;
        } catch (SQLException e) {
            throw failure("cannot check the order of its readings", e);
        }
    }

    /** Stores a stopped session's disorder in meta when the file can be written; skipped otherwise. */
    private void remember(long sessionId, String key, long value) {
        if (!mayWrite || !Files.isWritable(file)) {
            return;
        }
        try (Connection writable = connect(file, false);
             PreparedStatement s = writable.prepareStatement("INSERT OR REPLACE INTO meta (key, value) SELECT ?, ? "
                     + "FROM session WHERE id = ? AND stopped_ns IS NOT NULL")) {
            s.setString(1, key);
            s.setString(2, Long.toString(value));
            s.setLong(3, sessionId);
            s.executeUpdate();
        } catch (SQLException e) {
            // busy (a recorder has the file) or read-only after all: measured again next time
        }
    }

    /** Loads one channel's readings (in timestamp order) into arrays, for a backtest. */
    public Series load(RecordedChannel channel, long fromNanos, long toNanos) throws RecordingException {
        long n = count(channel.id());
        if (n > Integer.MAX_VALUE - 8) {
            throw new RecordingException(file + ": channel '" + channel.name() + "' has " + n
                    + " readings, more than fit in memory at once");
        }
        long[] times = new long[(int) n];
        double[] values = new double[(int) n];
        int[] length = {0};
        stream(new ReadingFilter(sessionOf(channel), List.of(channel.name()), fromNanos, toNanos, true),
                (id, ts, value) -> {
                    if (length[0] == times.length) {
                        return false;
                    }
                    times[length[0]] = ts;
                    values[length[0]++] = value;
                    return true;
                });
        return new Series(channel, times, values, length[0]);
    }

    private long sessionOf(RecordedChannel channel) throws RecordingException {
        try (PreparedStatement s = connection.prepareStatement("SELECT session_id FROM channel WHERE id = ?")) {
            s.setInt(1, channel.id());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new RecordingException(file + ": no channel with id " + channel.id());
                }
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failure("cannot find channel '" + channel.name() + "'", e);
        }
    }

    /**
     * One channel's readings in arrays.
     *
     * @param length how many entries of the arrays are readings
     */
    public record Series(RecordedChannel channel, long[] timestamps, double[] values, int length) {
    }

    /** The earliest and latest timestamp of the selected readings, or empty without readings. */
    public Optional<long[]> span(ReadingFilter filter) throws RecordingException {
        List<RecordedChannel> channels = select(filter);
        if (channels.isEmpty()) {
            return Optional.empty();
        }
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        // per channel, so that the index answers each with two lookups
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT min(ts_ns), max(ts_ns) FROM reading WHERE channel_id = ? AND ts_ns >= ? AND ts_ns <= ?")) {
            for (RecordedChannel c : channels) {
                s.setInt(1, c.id());
                s.setLong(2, filter.fromNanos());
                s.setLong(3, filter.toNanos() == Long.MAX_VALUE ? Long.MAX_VALUE : filter.toNanos() - 1);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        long min = rs.getLong(1);
                        if (!rs.wasNull()) {
                            from = Math.min(from, min);
                            to = Math.max(to, rs.getLong(2));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("cannot read its time span", e);
        }
        return from == Long.MAX_VALUE ? Optional.empty() : Optional.of(new long[] {from, to});
    }

    private RecordingException failure(String what, SQLException e) {
        return new RecordingException(file + ": " + what + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing was written: nothing to lose
        }
    }
}
