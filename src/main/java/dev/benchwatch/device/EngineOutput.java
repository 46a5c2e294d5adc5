package dev.benchwatch.device;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.ingest.IngestSource;
import dev.benchwatch.engine.ingest.OverloadPolicy;

/** Hands a device's readings to the engine through an ingest source of its own. */
public final class EngineOutput implements DeviceOutput {
    private final Engine engine;
    private final IngestSource source;

    public EngineOutput(Engine engine, String device, OverloadPolicy policy) {
        this.engine = engine;
        this.source = engine.registerSource(device, policy);
    }

    @Override
    public int channel(String name, String unit, String device) {
        return engine.registerChannel(name, unit, device).id();
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
