package dev.benchwatch.record;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.action.ActionPorts;
import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.event.EventHandler;
import dev.benchwatch.engine.event.EventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records a session into a SQLite file (docs/RECORDING.md): every reading the engine accepts, every event,
 * and markers set by a person ({@link #mark(String)}) or by a trigger's "marker" action (this class is the
 * engine's {@link ActionPorts.MarkerPort}).
 *
 * <p>The engine never waits for the disk: a {@link dev.benchwatch.engine.ReadingTap} puts each reading into a
 * preallocated ring, and a recorder thread of its own writes them in transactions committed at least every
 * {@link RecordingSettings#commitInterval()} (WAL mode, {@code synchronous=NORMAL}). What cannot be written
 * (ring full, SQLite error) is counted as lost with a reason and raises a SYSTEM_ALERT event; after
 * {@link #stop()}, {@code accepted() == recorded() + lost()}.
 *
 * <p>One session at a time; after {@code stop()} the recorder may start another. The counters describe the
 * current (or last) session. Methods may be called from any thread.
 */
public final class SessionRecorder implements ActionPorts.MarkerPort, AutoCloseable {
    private static final int EVENT_QUEUE_CAPACITY = 16_384;

    private final Engine engine;
    private final RecordingSettings settings;
    private final EventHandler eventHandler = this::onEvent;
    private final AtomicLong eventsLost = new AtomicLong();

    private volatile Session session;

    /** One running (or finished) session: its file, ring, thread and queues. */
    private record Session(Path file, long id, ReadingRing ring, RecorderLoop loop, Thread thread,
                           Queue<Event> events, Queue<EventWriter.Marker> markers, long startedNanoTime,
                           AtomicLong stoppedNanoTime, java.util.concurrent.atomic.AtomicBoolean takesMarkers) {
        boolean running() {
            return stoppedNanoTime.get() == 0;
        }
    }

    public SessionRecorder(Engine engine) {
        this(engine, RecordingSettings.defaults());
    }

    public SessionRecorder(Engine engine, RecordingSettings settings) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Opens (or creates) the file, adds a session with the engine's devices and channels, and starts
     * recording. Returns the session's id. When the file cannot be opened or written, a SYSTEM_ALERT event
     * names the file and SQLite's error, and an {@link IOException} says the same; the engine is untouched.
     */
    public synchronized long start(Path file, String workspaceName) throws IOException {
        Objects.requireNonNull(file, "file");
        Session current = session;
        if (current != null && current.running()) {
            throw new IllegalStateException("already recording to " + current.file() + "; stop it first");
        }
        Connection connection = null;
        try {
            connection = RecordingFile.openForWriting(file, settings.maxFileBytes());
            connection.setAutoCommit(false);
            SessionCatalog catalog = SessionCatalog.begin(connection, engine.channels(),
                    engine.config().clock().nowNanos(), workspaceName);
            connection.commit();
            ReadingRing ring = new ReadingRing(settings.bufferCapacity());
            Queue<Event> events = new ArrayBlockingQueue<>(EVENT_QUEUE_CAPACITY);
            Queue<EventWriter.Marker> markers = new ConcurrentLinkedQueue<>();
            RecorderLoop loop = new RecorderLoop(file.toString(), ring, connection, catalog, settings.rowsPerInsert(),
                    events, markers, settings.commitInterval().toNanos(), this::alert, engine.config().clock());
            Thread thread = Thread.ofPlatform().name("benchwatch-recorder").daemon(true).unstarted(loop);
            eventsLost.set(0);
            session = new Session(file, catalog.sessionId(), ring, loop, thread, events, markers, System.nanoTime(),
                    new AtomicLong(), new java.util.concurrent.atomic.AtomicBoolean(true));
            thread.start();
            engine.onAnyEvent(eventHandler);
            engine.addReadingTap(ring);
            return catalog.sessionId();
        } catch (SQLException e) {
            closeQuietly(connection);
            String message = "cannot record to " + file + ": " + e.getMessage();
            alert(9, message, Map.of("file", file.toString(), "error", String.valueOf(e.getMessage())));
            throw new IOException(message, e);
        }
    }

    /**
     * Stops recording: no reading after this call is recorded; everything accepted before it is written
     * (or counted as lost), the session row gets its stop time and counts, the reading index is built and
     * the file is closed. Raises an alert when readings were lost. Does nothing when not recording.
     */
    public synchronized void stop() {
        Session current = session;
        if (current == null || !current.running()) {
            return;
        }
        engine.removeReadingTap(current.ring()); // from here on the ring has no producer
        // events published before the stop get recorded: two round trips through the engine thread let it
        // take its inbox (a duty cycle runs commands first, then the inbox), then the bus delivers them
        engine.snapshotNow();
        engine.snapshotNow();
        try {
            engine.events().awaitIdle(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        engine.removeEventHandler(eventHandler);
        synchronized (current.markers()) {
            current.takesMarkers().set(false); // a marker either arrives before the loop's last pass or is refused
        }
        current.loop().requestStop();
        boolean interrupted = false;
        while (current.thread().isAlive()) {
            try {
                current.thread().join();
            } catch (InterruptedException e) {
                interrupted = true; // finish the stop anyway: the file must be closed properly
            }
        }
        current.stoppedNanoTime().set(System.nanoTime());
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        long lost = lost();
        if (lost > 0) {
            alert(9, "recording to " + current.file() + " lost " + lost + " of " + accepted() + " readings ("
                            + RecorderLoop.lostReason(lost(LossReason.BUFFER_FULL), lost(LossReason.WRITE_FAILED)) + ")",
                    Map.of("file", current.file().toString(), "lost", Long.toString(lost),
                            "accepted", Long.toString(accepted())));
        }
    }

    @Override
    public void close() {
        stop();
    }

    public boolean isRecording() {
        Session current = session;
        return current != null && current.running();
    }

    /** A person's marker, at the engine clock's current time. */
    public void mark(String label) {
        mark(engine.config().clock().nowNanos(), label, "user");
    }

    /** A trigger's "marker" action (the engine's marker port). Fails when nothing is being recorded. */
    @Override
    public void mark(long timestampNanos, String label) {
        mark(timestampNanos, label, "trigger");
    }

    private void mark(long timestampNanos, String label, String source) {
        Objects.requireNonNull(label, "marker label");
        Session current = session;
        if (current == null || !current.running()) {
            throw new IllegalStateException("no recording in progress: marker '" + label + "' not written");
        }
        String failure = current.loop().failure();
        if (failure != null) {
            throw new IllegalStateException("recording to " + current.file() + " failed (" + failure + "): marker '"
                    + label + "' not written");
        }
        synchronized (current.markers()) {
            if (!current.takesMarkers().get()) {
                throw new IllegalStateException("recording to " + current.file() + " is stopping: marker '" + label
                        + "' not written");
            }
            current.markers().add(new EventWriter.Marker(timestampNanos, label, source));
        }
    }

    private void onEvent(Event event) {
        Session current = session;
        if (current != null && current.running() && !current.events().offer(event)) {
            eventsLost.incrementAndGet();
        }
    }

    private void alert(int priority, String message, Map<String, String> details) {
        engine.publishEvent(new Event(0, EventType.SYSTEM_ALERT, "", engine.config().clock().nowNanos(), message,
                priority, "recording", details));
    }

    // ------------------------------------------------------------------ counters

    /** Readings the engine accepted since the session started (from the tap). */
    public long accepted() {
        Session current = session;
        return current == null ? 0 : current.ring().offered();
    }

    /** Readings committed to the file. */
    public long recorded() {
        Session current = session;
        return current == null ? 0 : current.loop().recorded();
    }

    /** Readings accepted but never written, for any reason. */
    public long lost() {
        return lost(LossReason.BUFFER_FULL) + lost(LossReason.WRITE_FAILED);
    }

    public long lost(LossReason reason) {
        Session current = session;
        if (current == null) {
            return 0;
        }
        return switch (reason) {
            case BUFFER_FULL -> current.ring().lost();
            case WRITE_FAILED -> current.loop().writeLost();
        };
    }

    /** Events that arrived faster than the recorder could take them (its event queue was full). */
    public long eventsLost() {
        return eventsLost.get();
    }

    /** SQLite's error when writing failed, empty while all is well. */
    public java.util.Optional<String> failure() {
        Session current = session;
        return current == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(current.loop().failure());
    }

    /** The database file plus its write-ahead log, in bytes; 0 before the first start. */
    public long bytesOnDisk() {
        Session current = session;
        if (current == null) {
            return 0;
        }
        return sizeOf(current.file()) + sizeOf(Path.of(current.file() + "-wal"));
    }

    /** How long the current session has been recording (or the last one recorded). */
    public Duration duration() {
        Session current = session;
        if (current == null) {
            return Duration.ZERO;
        }
        long end = current.running() ? System.nanoTime() : current.stoppedNanoTime().get();
        return Duration.ofNanos(end - current.startedNanoTime());
    }

    /** The current (or last) session's file, or null before the first start. */
    public Path file() {
        Session current = session;
        return current == null ? null : current.file();
    }

    /** The current (or last) session's id in its file, or 0 before the first start. */
    public long sessionId() {
        Session current = session;
        return current == null ? 0 : current.id();
    }

    private static long sizeOf(Path path) {
        try {
            return Files.exists(path) ? Files.size(path) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already failing: the first error is the one reported
            }
        }
    }
}
