package dev.benchwatch.device.sim;

import dev.benchwatch.codec.DecodeError;
import dev.benchwatch.codec.DecodeErrorReason;
import dev.benchwatch.device.DeviceAdapter;
import dev.benchwatch.device.DeviceOutput;
import dev.benchwatch.device.EngineOutput;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.NanoClock;
import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.event.EventType;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import java.util.Map;
import java.util.function.Consumer;
import java.util.concurrent.locks.LockSupport;

/**
 * Replays a recorded series (such as the NAB recordings) as a device: at {@code speed} times real time,
 * or as fast as the engine takes it ({@link #MAX_SPEED}, BLOCK policy so nothing is dropped). Readings keep
 * their recorded timestamps ({@link Timestamps#RECORDED}: configure the engine with no maximum age) or
 * are stamped with the wall clock as they are handed over ({@link Timestamps#LIVE}).
 */
public final class RecordingReplay implements DeviceAdapter {
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
    private DeviceOutput output;

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

    /** Replays into the engine; at maximum speed the engine's lane blocks the replay rather than drop. */
    public void start(Engine target) {
        start(new EngineOutput(target, device, overloadPolicy()));
    }

    @Override
    public synchronized void start(DeviceOutput target) {
        if (running) {
            throw new IllegalStateException("replay '" + device + "' is already running");
        }
        output = target;
        int id = target.channel(channel, unit, device);
        DeviceOutput source = target;
        running = true;
        thread = Thread.ofPlatform().daemon().name("replay-" + device).start(() -> replay(source, id));
        status("CONNECTED");
    }

    private void replay(DeviceOutput source, int id) {
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
            if (!source.reading(id, stamp, values[i])) {
                break; // the engine stopped
            }
            replayed = i + 1;
        }
        running = false;
    }

    /** Readings handed to the engine so far. */
    @Override
    public OverloadPolicy overloadPolicy() {
        return speed == MAX_SPEED ? OverloadPolicy.BLOCK : OverloadPolicy.DROP_OLDEST;
    }

    public long replayed() {
        return replayed;
    }

    public boolean isRunning() {
        return running;
    }

    @Override
    public String name() {
        return device;
    }

    @Override
    public boolean isConnected() {
        return running;
    }

    @Override
    public long readings() {
        return replayed;
    }

    /** A recording was checked when it was read, so replaying it has no decoding errors. */
    @Override
    public Map<DecodeErrorReason, Long> errorCounts() {
        return Map.of();
    }

    @Override
    public void onDecodeError(Consumer<DecodeError> listener) {
        // nothing to decode
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
        output.status(new Event(0, EventType.DEVICE_STATUS, device, NanoClock.SYSTEM.nowNanos(),
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
