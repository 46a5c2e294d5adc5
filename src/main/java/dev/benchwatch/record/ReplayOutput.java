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
    /** At maximum speed, the ingest time is read once per this many readings. */
    static final int INGEST_CLOCK_EVERY = 64;

    private final Engine engine;
    private final IngestSource source;
    private final boolean coarseClock;
    private long ingestNanoTime;
    private int sinceClock;

    /**
     * @param coarseClock read the ingest time ({@link System#nanoTime()}, where the engine's latency is
     *                    measured from) once per {@link #INGEST_CLOCK_EVERY} readings instead of for each:
     *                    at maximum speed the clock was 6% of a reading's cost, and the latency of a
     *                    replay that runs as fast as it can says little anyway (it is all queueing)
     */
    ReplayOutput(Engine engine, String sourceName, OverloadPolicy policy, boolean coarseClock) {
        this.engine = engine;
        this.source = engine.registerSource(sourceName, policy);
        this.coarseClock = coarseClock;
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
        if (!coarseClock) {
            return source.offer(channel, timestampNanos, value);
        }
        if (sinceClock-- == 0) {
            ingestNanoTime = System.nanoTime();
            sinceClock = INGEST_CLOCK_EVERY - 1;
        }
        return source.offer(channel, timestampNanos, value, ingestNanoTime);
    }

    @Override
    public void status(Event event) {
        engine.publishEvent(event);
    }
}
