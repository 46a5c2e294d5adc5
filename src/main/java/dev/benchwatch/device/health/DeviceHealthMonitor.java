package dev.benchwatch.device.health;

import dev.benchwatch.device.DeviceAdapter;
import dev.benchwatch.device.DeviceBench;
import dev.benchwatch.engine.NanoClock;
import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.event.EventType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Device health as {@code SYSTEM_ALERT} events: a reading rate far from the device's learned normal rate
 * (including silence), a burst of malformed frames, and messages from a sender the workspace did not
 * declare. Lives in the device layer because it reads the bench's adapters; the engine only receives the
 * events ({@code engine.publishEvent}).
 *
 * <p>Driven by time, not by readings: once per {@link HealthSettings#tick} it samples the counters every
 * adapter already keeps ({@link DeviceAdapter#readings()}, {@link DeviceAdapter#errorCounts()},
 * {@link DeviceAdapter#unexpectedSenders()}), so nothing is added to the per-reading path, and a device that
 * falls silent is noticed although no reading arrives to notice it with. Each excursion is one alert
 * (priority 7, 8 for a silent device) and one "cleared" event (priority 3) when it ends, with the detectors'
 * hysteresis ({@link dev.benchwatch.engine.detect.ExcursionTracker}). A replayed recording's
 * rate is not judged (it ends by design), its errors and senders are. A device the user disconnects on the bench is not judged; an alert
 * open at that moment is cleared.
 */
public final class DeviceHealthMonitor implements AutoCloseable {
    /** A recording's rate is the file's, and it ends: not a device's health. */
    private static final String REPLAY = "replay";

    private final DeviceBench bench;
    private final HealthSettings settings;
    private final Map<String, HealthSettings> deviceSettings;
    private final NanoClock eventClock;
    private final Map<String, DeviceWatch> watches = new HashMap<>();
    private final AtomicLong alerts = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private ScheduledExecutorService timer;

    public DeviceHealthMonitor(DeviceBench bench, HealthSettings settings) {
        this(bench, settings, Map.of());
    }

    /**
     * @param settings       for every device not in {@code deviceSettings}; its tick is the monitor's
     * @param deviceSettings a device's own thresholds by device name (their tick is not used: one timer
     *                       looks at every device)
     */
    public DeviceHealthMonitor(DeviceBench bench, HealthSettings settings, Map<String, HealthSettings> deviceSettings) {
        this(bench, settings, deviceSettings, NanoClock.SYSTEM);
    }

    /** @param eventClock stamps the events (epoch nanoseconds); the windows run on {@code System.nanoTime} */
    DeviceHealthMonitor(DeviceBench bench, HealthSettings settings, Map<String, HealthSettings> deviceSettings,
                        NanoClock eventClock) {
        this.bench = bench;
        this.settings = java.util.Objects.requireNonNull(settings, "settings");
        this.deviceSettings = Map.copyOf(deviceSettings);
        this.eventClock = eventClock;
    }

    /** Starts a monitor with the default settings on a daemon thread of its own; close it with the bench. */
    public static DeviceHealthMonitor start(DeviceBench bench) {
        return start(bench, HealthSettings.defaults(), Map.of());
    }

    /** Starts a monitor with these settings (as the constructor takes them); close it with the bench. */
    public static DeviceHealthMonitor start(DeviceBench bench, HealthSettings settings,
                                            Map<String, HealthSettings> deviceSettings) {
        DeviceHealthMonitor monitor = new DeviceHealthMonitor(bench, settings, deviceSettings);
        monitor.start();
        return monitor;
    }

    /** The thresholds {@code device} is judged by. */
    public HealthSettings settingsFor(String device) {
        return deviceSettings.getOrDefault(device, settings);
    }

    /** Ticks every {@link HealthSettings#tick} on a daemon thread until {@link #close()}. */
    public synchronized void start() {
        if (timer != null) {
            throw new IllegalStateException("device health monitor already started");
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
                .name("device-health").unstarted(r));
        long period = settings.tick().toNanos();
        timer.scheduleAtFixedRate(this::safeTick, period, period, TimeUnit.NANOSECONDS);
    }

    private void safeTick() {
        try {
            tick(System.nanoTime());
        } catch (RuntimeException e) {
            failures.incrementAndGet(); // a throwing task would cancel the schedule: count and carry on
        }
    }

    /** One look at every device on the bench; {@code nowNanos} is monotonic ({@code System.nanoTime} scale). */
    synchronized void tick(long nowNanos) {
        Set<String> present = new HashSet<>();
        for (DeviceBench.Attached device : bench.devices()) {
            present.add(device.name());
            watches.computeIfAbsent(device.name(), n -> new DeviceWatch(n, settingsFor(n)))
                    .tick(nowNanos, device.started() ? device.adapter() : null, !REPLAY.equals(device.kind()),
                            this::publish);
        }
        watches.keySet().retainAll(present);
    }

    /** Alerts raised so far (not counting their clearings). */
    public long alerts() {
        return alerts.get();
    }

    /** Ticks that failed (an adapter's counter threw); the monitor carries on. */
    public long failures() {
        return failures.get();
    }

    private void publish(HealthAlert alert) {
        if (alert.raised()) {
            alerts.incrementAndGet();
        }
        Map<String, String> metadata = new HashMap<>(alert.details());
        metadata.put("device", alert.device());
        metadata.put("kind", alert.kind());
        metadata.put("state", alert.raised() ? "raised" : "cleared");
        metadata.put("observed", format(alert.observed()));
        metadata.put("expected", format(alert.expected()));
        bench.engine().publishEvent(new Event(0, EventType.SYSTEM_ALERT, alert.device(), eventClock.nowNanos(),
                alert.message(), alert.priority(), alert.correlationId(), metadata));
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.3g", value);
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
