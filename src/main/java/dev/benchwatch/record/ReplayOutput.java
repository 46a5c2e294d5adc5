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
    private final Engine engine;
    private final IngestSource source;

    ReplayOutput(Engine engine, String sourceName, OverloadPolicy policy) {
        this.engine = engine;
        this.source = engine.registerSource(sourceName, policy);
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
        return source.offer(channel, timestampNanos, value);
    }

    @Override
    public void status(Event event) {
        engine.publishEvent(event);
    }
}
