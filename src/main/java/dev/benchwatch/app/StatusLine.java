package dev.benchwatch.app;

import dev.benchwatch.device.DeviceBench;
import dev.benchwatch.engine.EngineSnapshot;
import dev.benchwatch.engine.metrics.EngineMetrics;
import dev.benchwatch.engine.metrics.TriggerStatus;
import dev.benchwatch.engine.trigger.TriggerState;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The headless runner's periodic status line: readings/s over the last period, the latency p99, drops and
 * rejections, firing alarms, connected devices. One line, so a log or journalctl keeps one per period.
 */
final class StatusLine {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private long lastAccepted = -1;
    private long lastNanoTime;

    /** The line for {@code snapshot}; the rate is over the time since the previous call. */
    String format(EngineSnapshot snapshot, DeviceBench bench, long nanoTime, Instant now) {
        EngineMetrics metrics = snapshot.metrics();
        double rate = lastAccepted < 0 || nanoTime <= lastNanoTime ? metrics.readingsPerSecond()
                : (metrics.accepted() - lastAccepted) * 1e9 / (nanoTime - lastNanoTime);
        lastAccepted = metrics.accepted();
        lastNanoTime = nanoTime;
        List<String> firing = snapshot.triggers().stream().filter(t -> t.state() == TriggerState.FIRING)
                .map(TriggerStatus::id).toList();
        long connected = bench.devices().stream().filter(d -> d.adapter().isConnected()).count();
        return String.format(Locale.ROOT,
                "%s readings/s %,.0f  p99 %.2f ms  queue %d  drops %d  rejected %d  errors %d  alarms %s  devices %d/%d connected",
                TIME.format(now), rate, metrics.latency().p99() / 1e6, metrics.queueDepth(), metrics.drops(),
                metrics.rejectedTotal(), metrics.errors(),
                firing.isEmpty() ? "none" : firing.size() + " firing (" + String.join(", ", firing) + ")",
                connected, bench.devices().size());
    }
}
