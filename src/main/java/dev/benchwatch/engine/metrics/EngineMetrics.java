package dev.benchwatch.engine.metrics;

import dev.benchwatch.engine.ProcessingMode;
import dev.benchwatch.engine.event.EventType;
import dev.benchwatch.engine.ingest.RejectReason;
import java.util.List;
import java.util.Map;

/**
 * The engine's counters at one moment.
 *
 * @param accepted          readings that reached the engine's state
 * @param rejected          readings refused or dropped, per reason (all sources)
 * @param sources           per-source counters
 * @param readingsPerSecond accepted readings per second over the last snapshot interval
 * @param queueDepth        readings waiting in all lanes
 * @param drops             readings discarded from full lanes (DROP_OLDEST)
 * @param errors            validation failures + failed actions + failed event handlers
 * @param latency           ingest-to-trigger-decision latency since start
 * @param overBudget        readings whose latency exceeded the budget
 * @param eventsDropped     events lost because the event bus was full
 * @param events            events recorded (numbered into the engine's log) since start
 * @param eventsByType      the same, per type (types with none left out)
 */
public record EngineMetrics(ProcessingMode mode, long accepted, Map<RejectReason, Long> rejected,
                            List<SourceMetrics> sources, double readingsPerSecond, long queueDepth, long drops,
                            long errors, int channels, int windows, int pipelines, int triggers, int handlers,
                            LatencySummary latency, long overBudget, long eventsDropped, long events,
                            Map<EventType, Long> eventsByType) {
    public EngineMetrics {
        rejected = Map.copyOf(rejected);
        sources = List.copyOf(sources);
        eventsByType = Map.copyOf(eventsByType);
    }

    /** Events of one type recorded since start (anomalies, system alerts, trigger transitions...). */
    public long events(EventType type) {
        return eventsByType.getOrDefault(type, 0L);
    }

    public long rejected(RejectReason reason) {
        return rejected.getOrDefault(reason, 0L);
    }

    public long rejectedTotal() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }
}
