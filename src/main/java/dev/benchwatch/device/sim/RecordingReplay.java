package dev.benchwatch.device.sim;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.NanoClock;
import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.event.EventType;
import dev.benchwatch.engine.ingest.IngestSource;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Replays a recorded series (such as the NAB recordings) as a device: at {@code speed} times real time,
 * or as fast as the engine takes it ({@link #MAX_SPEED}, BLOCK policy so nothing is dropped). Readings keep
 * their recorded timestamps ({@link Timestamps#RECORDED}: configure the engine with no maximum age) or
 * are stamped with the wall clock as they are handed over ({@link Timestamps#LIVE}).
 */
public final class RecordingReplay implements AutoCloseable {
    public static final double MAX_SPEED = Double.POSITIVE_INFINITY;

    /** Which time a replayed reading carries. */
    public enum Timestamps { RECORDED, LIVE }

    private final String device;
    private final String channel;
    private final String unit;
    private final NabRecording recording;
    private final double speed;
    private final Timestamps timestamps;
    private volatile boolean running;
    private volatile long replayed;
    private Thread thread;
    private Engine engine;

    public RecordingReplay(String device, String channel, String unit, NabRecording recording, double speed,
                           Timestamps timestamps) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("replay speed must be positive (or MAX_SPEED), got " + speed);
        }
        this.device = device;
        this.channel = channel;
        this.unit = unit;
        this.recording = recording;
        this.speed = speed;
        this.timestamps = timestamps;
    }

    public synchronized void start(Engine target) {
        if (running) {
            throw new IllegalStateException("replay '" + device + "' is already running");
        }
        engine = target;
        int id = target.registerChannel(channel, unit, device).id();
        IngestSource source = target.registerSource(device,
                speed == MAX_SPEED ? OverloadPolicy.BLOCK : OverloadPolicy.DROP_OLDEST);
        running = true;
        thread = Thread.ofPlatform().daemon().name("replay-" + device).start(() -> replay(source, id));
        status("CONNECTED");
    }

    private void replay(IngestSource source, int id) {
        long[] ts = recording.timestampsNanos();
        double[] values = recording.values();
        long startNano = System.nanoTime();
        for (int i = 0; i < values.length && running; i++) {
            if (speed != MAX_SPEED) {
                long due = startNano + (long) ((ts[i] - ts[0]) / speed);
                long wait;
                while (running && (wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            long stamp = timestamps == Timestamps.RECORDED ? ts[i] : NanoClock.SYSTEM.nowNanos();
            if (!source.offer(id, stamp, values[i])) {
                break; // the engine stopped
            }
            replayed = i + 1;
        }
        running = false;
    }

    /** Readings handed to the engine so far. */
    public long replayed() {
        return replayed;
    }

    public boolean isRunning() {
        return running;
    }

    /** Waits until the whole recording was handed over (or the timeout passes); true when done. */
    public boolean awaitEnd(long timeoutMillis) throws InterruptedException {
        Thread t = thread;
        if (t != null) {
            t.join(timeoutMillis);
        }
        return replayed == recording.size();
    }

    private void status(String state) {
        engine.publishEvent(new Event(0, EventType.DEVICE_STATUS, device, NanoClock.SYSTEM.nowNanos(),
                "replay of '" + recording.name() + "' " + state.toLowerCase(java.util.Locale.ROOT), 3, "",
                Map.of("state", state, "kind", "replay")));
    }

    @Override
    public synchronized void close() {
        if (thread == null) {
            return;
        }
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
        status("DISCONNECTED");
    }
}
