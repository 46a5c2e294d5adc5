package dev.benchwatch.device;

import dev.benchwatch.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The devices attached to one engine: added, connected, disconnected and removed while the engine runs.
 * Thread-safe; the console's devices panel and the headless runner both work through it. A device that is
 * disconnected keeps its name and counters so it can be connected again.
 */
public final class DeviceBench implements AutoCloseable {
    /** One attached device: its adapter and whether it is meant to be running. */
    public static final class Attached {
        private final String name;
        private final String kind;
        private final java.util.function.Supplier<DeviceAdapter> factory;
        private volatile DeviceAdapter current;
        private volatile boolean started;
        private boolean everStarted;

        private Attached(String kind, java.util.function.Supplier<DeviceAdapter> factory) {
            this.kind = kind;
            this.factory = factory;
            this.current = factory.get();
            this.name = current.name();
        }

        /** The adapter now in use (a reconnect after a disconnect builds a fresh one). */
        public DeviceAdapter adapter() {
            return current;
        }

        public String name() {
            return name;
        }

        /** simulator, serial, mqtt, replay. */
        public String kind() {
            return kind;
        }

        /** Connected by the user (the adapter itself may still be reconnecting). */
        public boolean started() {
            return started;
        }
    }

    private final Engine engine;
    private final List<Attached> devices = new CopyOnWriteArrayList<>();
    private final List<Consumer<Attached>> listeners = new CopyOnWriteArrayList<>();

    public DeviceBench(Engine engine) {
        this.engine = engine;
    }

    public Engine engine() {
        return engine;
    }

    /**
     * Adds a device, not yet connected. {@code factory} builds the adapter; it is called again to connect
     * after a disconnect, because an adapter is started once.
     *
     * @throws IllegalArgumentException when a device of that name is already attached
     */
    public synchronized Attached add(String kind, java.util.function.Supplier<DeviceAdapter> factory) {
        Attached device = new Attached(kind, factory);
        if (find(device.name()).isPresent()) {
            device.current.close();
            throw new IllegalArgumentException("a device named '" + device.name() + "' is already on the bench");
        }
        devices.add(device);
        listeners.forEach(l -> l.accept(device));
        return device;
    }

    /** Starts reading from the device into the engine; no-op when already started. */
    public synchronized void connect(String name) {
        Attached device = require(name);
        if (device.started) {
            return;
        }
        DeviceAdapter adapter = device.current;
        if (device.everStarted) {
            adapter = device.factory.get(); // an adapter starts once: a reconnect gets a fresh one
        }
        device.current = adapter;
        device.everStarted = true;
        adapter.start(outputFor(adapter));
        device.started = true;
        listeners.forEach(l -> l.accept(device));
    }

    /** Stops reading from the device; its channels and history stay. */
    public synchronized void disconnect(String name) {
        Attached device = require(name);
        if (!device.started) {
            return;
        }
        device.current.close();
        device.started = false;
        listeners.forEach(l -> l.accept(device));
    }

    /**
     * Puts a device built by {@code factory} in the place of the device {@code name} (new settings for the
     * same board) and connects it. When that fails, the old device is put back as it was (connected if it
     * was) and the failure is thrown; either way the channels and history stay in the engine.
     *
     * @throws IllegalArgumentException when there is no device {@code name}, or the new device's name is
     *                                  another device's
     * @throws RuntimeException         whatever connecting the new device threw (e.g. its channel is another
     *                                  device's in the engine)
     */
    public synchronized Attached replaceAndConnect(String name, String kind,
                                                   java.util.function.Supplier<DeviceAdapter> factory) {
        Attached old = require(name);
        Attached device = new Attached(kind, factory);
        if (!device.name().equals(name) && find(device.name()).isPresent()) {
            device.current.close();
            throw new IllegalArgumentException("a device named '" + device.name() + "' is already on the bench");
        }
        boolean wasStarted = old.started;
        disconnect(name);
        swap(old, device);
        try {
            connect(device.name());
            return device;
        } catch (RuntimeException e) {
            device.current.close();
            device.started = false;
            swap(device, old);
            if (wasStarted) {
                connect(name);
            }
            throw e;
        }
    }

    private void swap(Attached out, Attached in) {
        devices.set(devices.indexOf(out), in);
        listeners.forEach(l -> l.accept(out));
        listeners.forEach(l -> l.accept(in));
    }

    /** Disconnects and forgets the device. */
    public synchronized void remove(String name) {
        Attached device = require(name);
        disconnect(name);
        devices.remove(device);
        listeners.forEach(l -> l.accept(device));
    }

    public List<Attached> devices() {
        return List.copyOf(devices);
    }

    public Optional<Attached> find(String name) {
        return devices.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** Called (on the caller's thread) after a device is added, connected, disconnected or removed. */
    public void onChange(Consumer<Attached> listener) {
        listeners.add(listener);
    }

    private Attached require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no device named '" + name + "' on the bench"));
    }

    private final java.util.Map<String, DeviceOutput> outputs = new java.util.HashMap<>();

    /** One engine source per device name, kept across reconnects (a source cannot be registered twice). */
    private DeviceOutput outputFor(DeviceAdapter adapter) {
        return outputs.computeIfAbsent(adapter.name(), n -> new EngineOutput(engine, n, adapter.overloadPolicy()));
    }

    @Override
    public synchronized void close() {
        for (Attached device : new ArrayList<>(devices)) {
            if (device.started) {
                device.current.close();
                device.started = false;
            }
        }
    }
}
