package dev.benchwatch.engine.metrics;

import dev.benchwatch.engine.ingest.OverloadPolicy;
import dev.benchwatch.engine.ingest.RejectReason;
import java.util.Map;

/** One ingest source's counters. */
public record SourceMetrics(String name, OverloadPolicy policy, long offered, long accepted,
                            Map<RejectReason, Long> rejected, long blockedWaits, int queueDepth) {
    public SourceMetrics {
        rejected = Map.copyOf(rejected);
    }

    public long rejected(RejectReason reason) {
        return rejected.getOrDefault(reason, 0L);
    }
}
