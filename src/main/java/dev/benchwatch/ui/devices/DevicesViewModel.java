package dev.benchwatch.ui.devices;

import dev.benchwatch.device.DeviceAdapter;
import dev.benchwatch.device.DeviceBench;
import dev.benchwatch.device.serial.SerialAdapter;
import dev.benchwatch.engine.EngineSnapshot;
import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.event.EventType;
import dev.benchwatch.ui.FrameListener;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The devices on the bench with their status, readings/s and error counts, refreshed a few times a second;
 * and the user's device commands (add, connect, disconnect, remove, send), which never throw at the view:
 * a failure becomes a message.
 */
public final class DevicesViewModel implements FrameListener {
    private dev.benchwatch.ui.FrameTurns turns = new dev.benchwatch.ui.FrameTurns();
    public static final int UPDATES_PER_SECOND = 4;
    private static final long UPDATE_INTERVAL_NANOS = 1_000_000_000L / UPDATES_PER_SECOND;

    private final DeviceBench bench;
    private final ObservableList<DeviceRow> rows = FXCollections.observableArrayList();
    private final Map<String, DeviceRow> byName = new HashMap<>();
    private final ReadOnlyStringWrapper lastMessage = new ReadOnlyStringWrapper("");
    private long lastUpdate = Long.MIN_VALUE;

    public DevicesViewModel(DeviceBench bench) {
        this.bench = bench;
    }

    public ObservableList<DeviceRow> rows() {
        return rows;
    }

    /** The outcome of the last command, for a status line. */
    public ReadOnlyStringProperty lastMessageProperty() {
        return lastMessage.getReadOnlyProperty();
    }

    /** Repaints only in frames no other view of {@code shared} repaints in (see {@link dev.benchwatch.ui.FrameTurns}). */
    public void takeTurnsWith(dev.benchwatch.ui.FrameTurns shared) {
        this.turns = shared;
    }

    @Override
    public void onFrame(EngineSnapshot snapshot, long nowNanos) {
        if (lastUpdate != Long.MIN_VALUE && (nowNanos - lastUpdate < UPDATE_INTERVAL_NANOS || !turns.take(nowNanos))) {
            return;
        }
        lastUpdate = nowNanos;
        Map<String, Event> latestStatus = new HashMap<>();
        for (Event event : snapshot.recentEvents()) {
            if (event.type() == EventType.DEVICE_STATUS) {
                latestStatus.put(event.sourceDevice(), event);
            }
        }
        java.util.Set<String> present = new java.util.HashSet<>();
        for (DeviceBench.Attached device : bench.devices()) {
            present.add(device.name());
            DeviceRow row = byName.computeIfAbsent(device.name(), n -> {
                DeviceRow created = new DeviceRow(n, device.kind());
                rows.add(created);
                return created;
            });
            DeviceAdapter adapter = device.adapter();
            String status = !device.started() ? "DISCONNECTED" : adapter.isConnected() ? "CONNECTED" : "CONNECTING";
            Event event = latestStatus.get(device.name());
            if (device.started() && !adapter.isConnected() && event != null && event.metadata().containsKey("state")) {
                status = event.metadata().get("state"); // e.g. REFUSED, TLS_FAILED: say why it is not connected
            }
            row.status.set(status);
            if (event != null) {
                row.message.set(event.data());
            }
            long readings = adapter.readings();
            if (row.lastReadings >= 0 && nowNanos > row.lastReadingsNanos) {
                long delta = Math.max(0, readings - row.lastReadings); // a reconnect restarts the count
                row.rate.set(device.started() ? delta * 1e9 / (nowNanos - row.lastReadingsNanos) : 0);
            }
            row.lastReadings = readings;
            row.lastReadingsNanos = nowNanos;
            row.errors.set(adapter.errorCounts().values().stream().mapToLong(Long::longValue).sum());
        }
        rows.removeIf(r -> !present.contains(r.name()));
        byName.keySet().retainAll(present);
    }

    /** Adds a device and connects it; the message says what happened. Returns its name, or null on failure. */
    public String addAndConnect(String kind, Supplier<DeviceAdapter> factory) {
        try {
            DeviceBench.Attached device = bench.add(kind, factory);
            bench.connect(device.name());
            lastMessage.set("added " + kind + " '" + device.name() + "'");
            return device.name();
        } catch (RuntimeException e) {
            lastMessage.set("could not add the device: " + e.getMessage());
            return null;
        }
    }

    /**
     * New settings for the device {@code name}: the device {@code factory} builds takes its place and
     * connects. Returns the device's name (it may have changed), or null when that failed (the message
     * says why, and the old device is back as it was).
     */
    public String replace(String name, String kind, Supplier<DeviceAdapter> factory) {
        try {
            DeviceBench.Attached device = bench.replaceAndConnect(name, kind, factory);
            lastMessage.set("applied new settings to " + kind + " '" + device.name() + "'");
            return device.name();
        } catch (RuntimeException e) {
            lastMessage.set("could not apply the settings: " + e.getMessage());
            return null;
        }
    }

    public void connect(String name) {
        run(() -> bench.connect(name), "connected '" + name + "'");
    }

    public void disconnect(String name) {
        run(() -> bench.disconnect(name), "disconnected '" + name + "'");
    }

    public void remove(String name) {
        run(() -> bench.remove(name), "removed '" + name + "'");
    }

    /** Whether the device can be written to (serial devices). */
    public boolean canSend(String name) {
        return bench.find(name).map(d -> d.adapter().underlying() instanceof SerialAdapter).orElse(false);
    }

    /**
     * Sends text with a line ending ("\n", "\r", "\r\n" or ""), or hex bytes when {@code hex}.
     * @return true when the device took it
     */
    public boolean send(String name, String text, String lineEnding, boolean hex) {
        DeviceAdapter adapter = bench.find(name).map(d -> d.adapter().underlying()).orElse(null);
        if (!(adapter instanceof SerialAdapter serial)) {
            lastMessage.set("'" + name + "' cannot be written to (only serial devices take commands)");
            return false;
        }
        try {
            boolean sent = hex ? serial.sendHex(text) : serial.sendText(text, lineEnding);
            lastMessage.set(sent ? "sent to '" + name + "': " + text : "'" + name + "' is not connected; nothing sent");
            return sent;
        } catch (IllegalArgumentException e) {
            lastMessage.set("not sent: " + e.getMessage());
            return false;
        }
    }

    private void run(Runnable command, String done) {
        try {
            command.run();
            lastMessage.set(done);
        } catch (RuntimeException e) {
            lastMessage.set(e.getMessage());
        }
    }
}
