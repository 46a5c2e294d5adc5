package dev.benchwatch.record;

import dev.benchwatch.codec.DecodeError;
import dev.benchwatch.codec.DecodeErrorReason;
import dev.benchwatch.device.DeviceAdapter;
import dev.benchwatch.device.DeviceOutput;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.NanoClock;
import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.event.EventType;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A recorded session played back as one device (docs/RECORDING.md, "Replay"): the session's device
 * channels (not the pipelines' outputs, which the workspace's pipelines derive again) are registered with
 * their recorded units and devices and fed, in time order, at {@code speed} times real time or as fast as
 * the engine takes them ({@link #MAX_SPEED}).
 *
 * <p><b>Timestamps.</b> {@link Timestamps#RECORDED} (the default) keeps the recorded times, so windows,
 * {@code for} durations and cooldowns see exactly the recorded timing at any speed, and results match a
 * backtest; the engine needs {@code maxReadingAge(Duration.ZERO)}. {@link Timestamps#SHIFTED} moves the
 * session to now, for watching it live next to live devices: at a finite speed each reading carries the
 * wall-clock time it is due ({@code start + (t - t0) / speed}); at maximum speed the whole session is
 * shifted by one constant (its spacing kept).
 *
 * <p><b>Control.</b> {@link #pause()}, {@link #resume()} and {@link #seek(Duration)} may be called from
 * any thread; the replay thread applies them before the next reading. At maximum speed the ingest source
 * uses the BLOCK policy, so a replay waits for the engine and drops nothing; at a finite speed
 * DROP_OLDEST, like a live device.
 */
public final class RecordingReplaySource implements DeviceAdapter {
    public static final double MAX_SPEED = Double.POSITIVE_INFINITY;
    private static final long PAUSE_PARK_NANOS = 1_000_000;
    private static final long NO_SEEK = Long.MIN_VALUE;

    /** Which time a replayed reading carries. */
    public enum Timestamps { RECORDED, SHIFTED }

    private final String name;
    private final RecordingReader reader;
    private final RecordedSession session;
    private final List<RecordedChannel> channels;
    private final ReadingFilter filter;
    private final long from;
    private final long to;
    private final double speed;
    private final Timestamps timestamps;

    private volatile boolean running;
    private volatile boolean paused;
    private volatile boolean finished;
    private volatile long seekTo = NO_SEEK;
    private volatile long replayedShared;
    private volatile long position;
    private volatile String failure;
    private Thread thread;
    private DeviceOutput output;

    // replay thread only
    private int[] engineIds;
    private long replayed;
    private boolean rebase;
    private long wallBase;
    private long epochBase;
    private long recordedBase;
    private long shift;

    private RecordingReplaySource(String name, RecordingReader reader, RecordedSession session,
                                  List<RecordedChannel> channels, long[] span, double speed, Timestamps timestamps) {
        this.name = name;
        this.reader = reader;
        this.session = session;
        this.channels = channels;
        this.filter = ReadingFilter.session(session.id()).withoutDerived();
        this.from = span[0];
        this.to = span[1];
        this.speed = speed;
        this.timestamps = timestamps;
        this.position = span[0];
    }

    /**
     * Opens the session {@code sessionId} (null: the latest) of {@code file} for replay.
     *
     * @param speed a multiple of real time (1 = as recorded), or {@link #MAX_SPEED}
     * @throws RecordingException when the file or session cannot be read
     */
    public static RecordingReplaySource open(Path file, Long sessionId, double speed, Timestamps timestamps)
            throws RecordingException {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("replay speed must be positive (or MAX_SPEED), got " + speed);
        }
        RecordingReader reader = RecordingReader.open(file);
        try {
            RecordedSession session = reader.session(sessionId);
            ReadingFilter filter = ReadingFilter.session(session.id()).withoutDerived();
            List<RecordedChannel> channels = reader.select(filter);
            long[] span = reader.span(filter).orElse(new long[] {session.startedNs(), session.startedNs()});
            String base = file.getFileName().toString().replaceFirst("\\.db$", "");
            return new RecordingReplaySource("replay:" + base + "#" + session.id(), reader, session, channels, span,
                    speed, timestamps);
        } catch (RecordingException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** At maximum speed the engine holds the replay back rather than drop; at a set pace it is a live device. */
    @Override
    public dev.benchwatch.engine.ingest.OverloadPolicy overloadPolicy() {
        return speed == MAX_SPEED ? dev.benchwatch.engine.ingest.OverloadPolicy.BLOCK
                : dev.benchwatch.engine.ingest.OverloadPolicy.DROP_OLDEST;
    }

    /** The session being replayed. */
    public RecordedSession session() {
        return session;
    }

    /** The device channels this replay feeds. */
    public List<RecordedChannel> channels() {
        return channels;
    }

    /** The first and last recorded timestamp of the replayed readings. */
    public long firstTimestamp() {
        return from;
    }

    public long lastTimestamp() {
        return to;
    }

    public double speed() {
        return speed;
    }

    /** Replays into {@code engine} through an ingest source named after this replay. */
    public void start(Engine engine) {
        boolean max = speed == MAX_SPEED;
        start(new ReplayOutput(engine, name, max ? OverloadPolicy.BLOCK : OverloadPolicy.DROP_OLDEST, max));
    }

    @Override
    public synchronized void start(DeviceOutput target) {
        if (running || thread != null) {
            throw new IllegalStateException("replay '" + name + "' was already started");
        }
        output = target;
        int maxId = channels.stream().mapToInt(RecordedChannel::id).max().orElse(0);
        engineIds = new int[maxId + 1];
        for (RecordedChannel c : channels) {
            engineIds[c.id()] = target.channel(c.name(), c.unit(), c.device());
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name(name).start(this::replay);
        status("CONNECTED");
    }

    private void replay() {
        long start = from;
        shift = NanoClock.SYSTEM.nowNanos() - from;
        try {
            while (running) {
                rebase = true;
                reader.stream(filter.from(start), this::reading);
                if (!output.flush()) {
                    running = false; // the engine stopped
                }
                long target = seekTo;
                if (target == NO_SEEK || !running) {
                    break;
                }
                seekTo = NO_SEEK;
                start = target;
                position = target;
            }
            finished = running; // not when closed or refused by a stopped engine
        } catch (RecordingException e) {
            failure = e.getMessage();
            output.status(new Event(0, EventType.DEVICE_STATUS, name, NanoClock.SYSTEM.nowNanos(),
                    "replay failed: " + e.getMessage(), 7, "", Map.of("state", "ERROR", "kind", "replay")));
        } finally {
            replayedShared = replayed;
            running = false;
        }
    }

    private boolean reading(int channelId, long ts, double value) {
        if (!running || seekTo != NO_SEEK) {
            return false;
        }
        if (paused) {
            output.flush(); // what was read before the pause reaches the engine now, not after it
            while (paused && running && seekTo == NO_SEEK) {
                LockSupport.parkNanos(PAUSE_PARK_NANOS);
            }
            if (!running || seekTo != NO_SEEK) {
                return false;
            }
            rebase = true;
        }
        long stamp = ts;
        if (speed != MAX_SPEED) {
            if (rebase) {
                rebase = false;
                wallBase = System.nanoTime();
                epochBase = NanoClock.SYSTEM.nowNanos();
                recordedBase = ts;
            }
            long offset = (long) ((ts - recordedBase) / speed);
            long due = wallBase + offset;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
                if (!running || seekTo != NO_SEEK) {
                    return false;
                }
                if (paused) {
                    return reading(channelId, ts, value); // waits, then starts a new pace from this reading
                }
            }
            if (timestamps == Timestamps.SHIFTED) {
                stamp = epochBase + offset;
            }
        } else if (timestamps == Timestamps.SHIFTED) {
            stamp = ts + shift;
        }
        if (!output.reading(engineIds[channelId], stamp, value)) {
            running = false; // the engine stopped
            return false;
        }
        // a paced replay publishes every reading (its controls show where it is); flat out, every 1,024
        if ((++replayed & 1023) == 0 || speed != MAX_SPEED) {
            replayedShared = replayed;
            position = ts;
        }
        return true;
    }

    /** Holds the replay before its next reading. */
    public void pause() {
        paused = true;
    }

    /** Goes on after {@link #pause()}, pacing from the next reading as if it were due now. */
    public void resume() {
        paused = false;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    public boolean paused() {
        return paused;
    }

    /**
     * Continues from {@code offset} after the first recorded reading (backwards or forwards); a paused
     * replay stays paused at the new place. The engine keeps what it already has: seeking back replays
     * readings older than what it last saw.
     */
    public void seek(Duration offset) {
        long nanos = offset.toNanos();
        if (nanos < 0) {
            throw new IllegalArgumentException("seek offset must not be negative, got " + offset);
        }
        seekTo = from + nanos;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** Readings handed to the engine so far (at maximum speed updated every 1,024 readings, and at the end). */
    public long replayed() {
        return replayedShared;
    }

    /** Roughly where the replay is: the recorded time of a recent reading. */
    public long position() {
        return position;
    }

    /** Why the replay stopped reading the recording, or null when it did not fail. */
    public String failure() {
        return failure;
    }

    /** True once every reading was handed over (not when the replay was closed early). */
    public boolean finished() {
        return finished;
    }

    public boolean isRunning() {
        return running;
    }

    /** Waits until the replay ends (or the timeout passes); true when every reading was handed over. */
    public boolean awaitEnd(long timeoutMillis) throws InterruptedException {
        Thread t = thread;
        if (t != null) {
            t.join(timeoutMillis);
        }
        return finished;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isConnected() {
        return running;
    }

    @Override
    public long readings() {
        return replayed();
    }

    /** A recording holds decoded readings: replaying it has no decoding errors. */
    @Override
    public Map<DecodeErrorReason, Long> errorCounts() {
        return Map.of();
    }

    @Override
    public void onDecodeError(Consumer<DecodeError> listener) {
        // nothing to decode
    }

    private void status(String state) {
        output.status(new Event(0, EventType.DEVICE_STATUS, name, NanoClock.SYSTEM.nowNanos(),
                String.format(Locale.ROOT, "replay of session %d of %s at %s %s", session.id(), reader.file(),
                        speed == MAX_SPEED ? "maximum speed" : speed + "x", state.toLowerCase(Locale.ROOT)), 3, "",
                Map.of("state", state, "kind", "replay")));
    }

    /** Stops the replay (if running) and closes the recording. */
    @Override
    public synchronized void close() {
        Thread t = thread;
        if (t != null) {
            running = false;
            LockSupport.unpark(t);
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            status("DISCONNECTED");
        }
        reader.close();
    }
}
