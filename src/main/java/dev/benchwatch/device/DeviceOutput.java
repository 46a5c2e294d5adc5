package dev.benchwatch.device;

import dev.benchwatch.engine.event.Event;

/**
 * Where an adapter hands what it reads: the engine in the application, a printer in {@code benchwatch
 * tail}. Called from the adapter's reader thread.
 */
public interface DeviceOutput {
    /** The id to use for a channel, registering it on first use. */
    int channel(String name, String unit, String device);

    /** One reading; false when it could not be taken (the engine stopped). */
    boolean reading(int channel, long timestampNanos, double value);

    /** A device status change (CONNECTED, DISCONNECTED, ...). */
    void status(Event event);

    /**
     * Hands over readings an output holds back to pass them on in batches; an adapter calls it when it
     * pauses or runs out of readings. False when they could not all be taken (the engine stopped).
     */
    default boolean flush() {
        return true;
    }
}
