package dev.benchwatch.record;

import dev.benchwatch.device.DeviceOutput;
import dev.benchwatch.engine.Channel;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.ingest.IngestSource;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import java.util.Optional;

/**
 * Hands a replay's readings to the engine through an ingest source of its own. A channel the engine
 * already has (a workspace declared it, perhaps with a unit or device written differently than the
 * recording has it) is reused by name rather than refused: the replay feeds the workspace's channel.
 */
final class ReplayOutput implements DeviceOutput {
    /** At maximum speed, readings are handed over in batches of this many (one ingest time each). */
    static final int BATCH = 64;

    private final Engine engine;
    private final IngestSource source;
    private final boolean batched;
    private final int[] channels = new int[BATCH];
    private final long[] timestamps = new long[BATCH];
    private final double[] values = new double[BATCH];
    private int held;

    /**
     * @param batched     hand readings over in batches of {@link #BATCH} ({@link IngestSource#offerBatch}),
     *                    with one ingest time each: at maximum speed the per-reading clock, counters and
     *                    lane claim were a large part of a reading's cost, and the latency of a replay that
     *                    runs as fast as it can says little anyway (it is all queueing); the replay flushes
     *                    when it pauses or ends
     */
    ReplayOutput(Engine engine, String sourceName, OverloadPolicy policy, boolean batched) {
        this.engine = engine;
        this.source = engine.registerSource(sourceName, policy);
        this.batched = batched;
    }

    IngestSource source() {
        return source;
    }

    @Override
    public int channel(String name, String unit, String device) {
        Optional<Channel> existing = engine.channels().find(name);
        return existing.isPresent() ? existing.get().id() : engine.registerChannel(name, unit, device).id();
    }

    @Override
    public boolean reading(int channel, long timestampNanos, double value) {
        if (!batched) {
            return source.offer(channel, timestampNanos, value);
        }
        channels[held] = channel;
        timestamps[held] = timestampNanos;
        values[held] = value;
        return ++held < BATCH || flush();
    }

    /** Hands the held readings to the engine in one batch, stamped with one ingest time. */
    @Override
    public boolean flush() {
        if (held == 0) {
            return true;
        }
        int n = held;
        held = 0;
        return source.offerBatch(channels, timestamps, values, n, System.nanoTime()) == n;
    }

    @Override
    public void status(Event event) {
        engine.publishEvent(event);
    }
}
