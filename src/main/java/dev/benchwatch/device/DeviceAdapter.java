package dev.benchwatch.device;

import dev.benchwatch.codec.DecodeError;
import dev.benchwatch.codec.DecodeErrorReason;
import java.util.Map;
import java.util.function.Consumer;

/** What every source of readings offers, whatever carries its bytes: the console and tail see only this. */
public interface DeviceAdapter extends AutoCloseable {
    /** The device name readings and status events carry. */
    String name();

    /** Starts reading in the background; status changes arrive as DEVICE_STATUS events on {@code target}. */
    void start(DeviceOutput target);

    boolean isConnected();

    /** Readings decoded so far. */
    long readings();

    /** Decoding errors per reason so far. */
    Map<DecodeErrorReason, Long> errorCounts();

    /** Called for each decoding error, on the adapter's reading thread. */
    void onDecodeError(Consumer<DecodeError> listener);

    /**
     * Messages from senders the workspace did not declare (a spoofed or misconfigured sender), per sender
     * (for MQTT, the topic), counted since the adapter started; empty for adapters that cannot tell. Read by
     * the device health monitor once a second, never on the reading path.
     */
    default Map<String, Long> unexpectedSenders() {
        return Map.of();
    }

    /**
     * What the engine does when this device sends faster than it drains: a live device's readings displace
     * the oldest waiting ones (its reader must never stall, and each drop is counted); a recording played
     * at maximum speed is held back instead, so nothing is dropped.
     */
    default dev.benchwatch.engine.ingest.OverloadPolicy overloadPolicy() {
        return dev.benchwatch.engine.ingest.OverloadPolicy.DROP_OLDEST;
    }

    /**
     * The adapter that talks to the hardware, for writing to it: itself, or what a wrapper (such as a
     * workspace's channel routing) wraps.
     */
    default DeviceAdapter underlying() {
        return this;
    }

    @Override
    void close();
}
