package dev.benchwatch.engine.metrics;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Ingest-to-decision latency, kept by the engine thread: the ingest times of the readings in the batch
 * being handled, recorded into an HdrHistogram once the batch's triggers are decided, with readings over
 * the budget counted. Engine thread only.
 */
public final class LatencyTracker {
    /** Percentiles are recomputed for snapshots at most this often (gauges update at 10 Hz at most). */
    private static final long SUMMARY_INTERVAL_NANOS = 250_000_000L;

    /**
     * Up to 10 minutes at 2 significant digits (1% resolution): 34 KB of counts, small enough that
     * summarising it does not stall the engine thread (3 digits over an hour was 270 KB and 145 µs).
     */
    private final Histogram histogram = new Histogram(TimeUnit.MINUTES.toNanos(10), 2);
    private final long budgetNanos;
    private final long[] pending;
    private int pendingCount;
    private long overBudget;
    private LatencySummary summary = LatencySummary.EMPTY;
    private long summaryNanoTime = Long.MIN_VALUE;

    /** @param maxBatch the most readings handled between two {@link #decided} calls */
    public LatencyTracker(long budgetNanos, int maxBatch) {
        this.budgetNanos = budgetNanos;
        this.pending = new long[maxBatch];
    }

    /** A reading of the current batch, handed over at {@code ingestNanoTime}. */
    public void pending(long ingestNanoTime) {
        pending[pendingCount++] = ingestNanoTime;
    }

    /** The current batch's triggers were decided at {@code nanoTime}. */
    public void decided(long nanoTime) {
        for (int i = 0; i < pendingCount; i++) {
            long nanos = Math.max(0, nanoTime - pending[i]);
            if (nanos > budgetNanos) {
                overBudget++;
            }
            histogram.recordValue(Math.min(nanos, histogram.getHighestTrackableValue()));
        }
        pendingCount = 0;
    }

    /** Percentiles, recomputed at most every 250 ms unless {@link #refresh()} asked for fresh ones. */
    public LatencySummary summary(long nanoTime) {
        if (summaryNanoTime == Long.MIN_VALUE || nanoTime - summaryNanoTime >= SUMMARY_INTERVAL_NANOS) {
            summary = LatencySummary.of(histogram);
            summaryNanoTime = nanoTime;
        }
        return summary;
    }

    /** The next {@link #summary} is computed afresh. */
    public void refresh() {
        summaryNanoTime = Long.MIN_VALUE;
    }

    public long overBudget() {
        return overBudget;
    }

    public Histogram copy() {
        return histogram.copy();
    }

    /** Forgets everything recorded (benchmarks discard their warm-up this way). */
    public void reset() {
        histogram.reset();
        overBudget = 0;
        refresh();
    }
}
