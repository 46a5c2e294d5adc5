package dev.benchwatch.workspace;

import dev.benchwatch.codec.DecodeError;
import dev.benchwatch.codec.DecodeErrorReason;
import dev.benchwatch.device.DeviceAdapter;
import dev.benchwatch.device.DeviceOutput;
import dev.benchwatch.engine.event.Event;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A device adapter whose channels are renamed on their way to the engine, for serial and MQTT devices whose
 * channel names come from the data. A channel the workspace declares is registered with the declared unit and
 * device; a scaled one goes to its raw channel instead (see {@link WorkspaceSetup#rawChannelName}), from
 * which a pipeline map step makes the named channel. Channels the workspace does not declare pass unchanged.
 */
public final class RoutedAdapter implements DeviceAdapter {
    /** Where a channel the device names goes: engine name, unit and device. */
    public record Route(String channel, String unit, String device) {
    }

    private final DeviceAdapter delegate;
    private final Map<String, Route> routes;

    /** @param routes the device's channel name to where it goes in the engine */
    public RoutedAdapter(DeviceAdapter delegate, Map<String, Route> routes) {
        this.delegate = delegate;
        this.routes = Map.copyOf(routes);
    }

    /** The adapter underneath (e.g. a {@code SerialAdapter} for sending commands). */
    public DeviceAdapter delegate() {
        return delegate;
    }

    @Override
    public dev.benchwatch.engine.ingest.OverloadPolicy overloadPolicy() {
        return delegate.overloadPolicy();
    }

    @Override
    public Map<String, Long> unexpectedSenders() {
        return delegate.unexpectedSenders();
    }

    @Override
    public DeviceAdapter underlying() {
        return delegate.underlying();
    }

    public Map<String, Route> routes() {
        return routes;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public void start(DeviceOutput target) {
        delegate.start(new DeviceOutput() {
            @Override
            public int channel(String name, String unit, String device) {
                Route route = routes.get(name);
                return route == null ? target.channel(name, unit, device)
                        : target.channel(route.channel(), route.unit(), route.device());
            }

            @Override
            public boolean reading(int channel, long timestampNanos, double value) {
                return target.reading(channel, timestampNanos, value);
            }

            @Override
            public void status(Event event) {
                target.status(event);
            }
        });
    }

    @Override
    public boolean isConnected() {
        return delegate.isConnected();
    }

    @Override
    public long readings() {
        return delegate.readings();
    }

    @Override
    public Map<DecodeErrorReason, Long> errorCounts() {
        return delegate.errorCounts();
    }

    @Override
    public void onDecodeError(Consumer<DecodeError> listener) {
        delegate.onDecodeError(listener);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
