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
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A device that needs no hardware: its channels produce their waveforms at a fixed rate, stamped with the
 * wall clock, into the engine. The default source, so a first launch shows live data. Reports CONNECTED
 * and DISCONNECTED as DEVICE_STATUS events like any adapter.
 */
public final class SimulatorDevice implements DeviceAdapter {
    public static final double MAX_RATE_HZ = 1_000_000;
    /** Behind schedule by more than this, the simulator skips ahead instead of bursting to catch up. */
    private static final long MAX_LAG_NANOS = 1_000_000_000L;

    private final String name;
    private final double rateHz;
    private final List<SimulatedChannel> channels;
    private final long seed;
    private final AtomicLong produced = new AtomicLong();
    private volatile boolean running;
    private Thread thread;
    private DeviceOutput output;

    public SimulatorDevice(String name, double rateHz, List<SimulatedChannel> channels, long seed) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("simulator needs a device name");
        }
        if (!(rateHz > 0 && rateHz <= MAX_RATE_HZ)) {
            throw new IllegalArgumentException("simulator '" + name + "': rate must be within (0, " + MAX_RATE_HZ
                    + "] readings/s per channel, got " + rateHz);
        }
        if (channels == null || channels.isEmpty()) {
            throw new IllegalArgumentException("simulator '" + name + "' needs at least one channel");
        }
        this.name = name;
        this.rateHz = rateHz;
        this.channels = List.copyOf(channels);
        this.seed = seed;
    }

    @Override
    public String name() {
        return name;
    }

    /** Registers the channels and a source with the engine and starts producing. */
    public void start(Engine target) {
        start(new EngineOutput(target, name, OverloadPolicy.DROP_OLDEST));
    }

    @Override
    public synchronized void start(DeviceOutput target) {
        if (running) {
            throw new IllegalStateException("simulator '" + name + "' is already running");
        }
        output = target;
        int[] ids = new int[channels.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = target.channel(channels.get(i).name(), channels.get(i).unit(), name);
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name("sim-" + name).start(() -> produce(target, ids));
        status("CONNECTED", 3);
    }

    private void produce(DeviceOutput source, int[] ids) {
        Random random = new Random(seed);
        long interval = Math.max(1, Math.round(1e9 / rateHz));
        long start = System.nanoTime();
        long next = start;
        while (running) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            if (-wait > MAX_LAG_NANOS) {
                next = System.nanoTime(); // the machine stalled: carry on from now, no burst
            }
            double t = (next - start) / 1e9;
            long now = NanoClock.SYSTEM.nowNanos();
            for (int i = 0; i < ids.length; i++) {
                source.reading(ids[i], now, channels.get(i).next(t, random));
            }
            produced.addAndGet(ids.length);
            next += interval;
        }
    }

    public long produced() {
        return produced.get();
    }

    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isConnected() {
        return running;
    }

    @Override
    public long readings() {
        return produced.get();
    }

    /** A simulator decodes nothing, so it never has decoding errors. */
    @Override
    public Map<DecodeErrorReason, Long> errorCounts() {
        return Map.of();
    }

    @Override
    public void onDecodeError(Consumer<DecodeError> listener) {
        // nothing to decode
    }

    private void status(String state, int priority) {
        output.status(new Event(0, EventType.DEVICE_STATUS, name, NanoClock.SYSTEM.nowNanos(),
                "simulator '" + name + "' " + state.toLowerCase(java.util.Locale.ROOT), priority, "",
                Map.of("state", state, "kind", "simulator")));
    }

    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        status("DISCONNECTED", 3);
    }
}
