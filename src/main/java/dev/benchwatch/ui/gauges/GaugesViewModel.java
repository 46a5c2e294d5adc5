package dev.benchwatch.ui.gauges;

import dev.benchwatch.engine.EngineSnapshot;
import dev.benchwatch.engine.metrics.EngineMetrics;
import dev.benchwatch.engine.metrics.LatencySummary;
import dev.benchwatch.engine.metrics.SourceMetrics;
import dev.benchwatch.ui.FrameListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The gauges panel's view-model: the engine's latency, throughput, backlog, losses and per-device rates as
 * read-only JavaFX properties, refreshed from the engine's latest snapshot on the JavaFX thread.
 *
 * <p>It is a {@link FrameListener}: {@code ConsolePulse} hands it the latest snapshot once per frame and it
 * updates its properties at most {@value #MAX_UPDATES_PER_SECOND} times a second, whatever the frame rate
 * (a frame less than {@link #MIN_UPDATE_INTERVAL_NANOS} after the last update is ignored). It knows no view.
 *
 * <p>Per-device rates come from the deltas of each source's accepted count between two updates, divided by
 * the time between the snapshots those counts were taken in ({@link EngineSnapshot#takenAtNanoTime()}).
 * A count that went down (the source's counters restarted at 0, e.g. after a reconnect) counts the new
 * value as the readings since the restart, so a rate is never negative. A source seen for the first time
 * shows 0 until the next update; a source that disappears from the snapshot loses its row. When the
 * engine has not published a newer snapshot since the last update, the rates are left as they were.
 *
 * <p>The budget state follows {@link BudgetState#of}: {@code AT_RISK} from {@value #AT_RISK_PERCENT}% of the
 * budget on, {@code OVER} above it, judged on the p99.
 */
public final class GaugesViewModel implements FrameListener {
    private dev.benchwatch.ui.FrameTurns turns = new dev.benchwatch.ui.FrameTurns();
    /** The most updates of the properties per second. */
    public static final int MAX_UPDATES_PER_SECOND = 10;
    /** The least time between two updates of the properties. */
    public static final long MIN_UPDATE_INTERVAL_NANOS = 1_000_000_000L / MAX_UPDATES_PER_SECOND;
    /** p99 at or above this share of the budget (percent) is {@link BudgetState#AT_RISK}. */
    public static final int AT_RISK_PERCENT = 50;

    private final long latencyBudgetNanos;

    private final ReadOnlyDoubleWrapper latencyP50Micros = new ReadOnlyDoubleWrapper(this, "latencyP50Micros");
    private final ReadOnlyDoubleWrapper latencyP99Micros = new ReadOnlyDoubleWrapper(this, "latencyP99Micros");
    private final ReadOnlyDoubleWrapper readingsPerSecond = new ReadOnlyDoubleWrapper(this, "readingsPerSecond");
    private final ReadOnlyLongWrapper queueDepth = new ReadOnlyLongWrapper(this, "queueDepth");
    private final ReadOnlyLongWrapper drops = new ReadOnlyLongWrapper(this, "drops");
    private final ReadOnlyLongWrapper errors = new ReadOnlyLongWrapper(this, "errors");
    private final ReadOnlyObjectWrapper<BudgetState> budgetState =
            new ReadOnlyObjectWrapper<>(this, "budgetState", BudgetState.OK);
    private final ObservableList<DeviceRate> deviceRates = FXCollections.observableArrayList();
    private final ObservableList<DeviceRate> deviceRatesView = FXCollections.unmodifiableObservableList(deviceRates);

    /** Accepted counts per source at the last update, and when the snapshot holding them was taken. */
    private final Map<String, Long> lastAccepted = new HashMap<>();
    private long lastCountsTakenAt;
    private long lastSequence = -1;

    private boolean updatedOnce;
    private long lastUpdateNanos;
    private long updates;

    /**
     * @param latencyBudgetNanos the ingest-to-decision latency budget (the engine's
     *                           {@code EngineConfig.latencyBudgetNanos()}), positive
     */
    public GaugesViewModel(long latencyBudgetNanos) {
        if (latencyBudgetNanos <= 0) {
            throw new IllegalArgumentException("latencyBudgetNanos must be positive, got " + latencyBudgetNanos);
        }
        this.latencyBudgetNanos = latencyBudgetNanos;
    }

    /** Repaints only in frames no other view of {@code shared} repaints in (see {@link dev.benchwatch.ui.FrameTurns}). */
    public void takeTurnsWith(dev.benchwatch.ui.FrameTurns shared) {
        this.turns = shared;
    }

    @Override
    public void onFrame(EngineSnapshot snapshot, long nowNanos) {
        if (updatedOnce && (nowNanos - lastUpdateNanos < MIN_UPDATE_INTERVAL_NANOS || !turns.take(nowNanos))) {
            return;
        }
        updatedOnce = true;
        lastUpdateNanos = nowNanos;
        updates++;
        if (snapshot.sequence() == lastSequence) {
            return; // nothing new since the last update
        }
        lastSequence = snapshot.sequence();
        EngineMetrics m = snapshot.metrics();
        LatencySummary latency = m.latency();
        latencyP50Micros.set(latency.p50() / 1_000.0);
        latencyP99Micros.set(latency.p99() / 1_000.0);
        readingsPerSecond.set(Math.max(0, m.readingsPerSecond()));
        queueDepth.set(m.queueDepth());
        drops.set(m.drops());
        errors.set(m.errors());
        budgetState.set(BudgetState.of(latency.p99(), latencyBudgetNanos, latency.count()));
        updateDeviceRates(m.sources(), snapshot.takenAtNanoTime());
    }

    private void updateDeviceRates(List<SourceMetrics> sources, long takenAt) {
        double seconds = (takenAt - lastCountsTakenAt) / 1e9;
        Map<String, DeviceRate> rows = new HashMap<>();
        for (DeviceRate row : deviceRates) {
            rows.put(row.device(), row);
        }
        List<DeviceRate> ordered = new ArrayList<>(sources.size());
        for (SourceMetrics source : sources) {
            DeviceRate row = rows.get(source.name());
            if (row == null) {
                row = new DeviceRate(source.name());
                rows.put(source.name(), row);
            }
            if (ordered.contains(row)) {
                continue; // two sources of one name: the first one counts
            }
            Long before = lastAccepted.get(source.name());
            if (before != null && seconds > 0) {
                row.setReadingsPerSecond(ratePerSecond(before, source.accepted(), seconds));
            }
            lastAccepted.put(source.name(), source.accepted());
            ordered.add(row);
        }
        lastAccepted.keySet().retainAll(ordered.stream().map(DeviceRate::device).toList());
        lastCountsTakenAt = takenAt;
        if (!ordered.equals(deviceRates)) {
            deviceRates.setAll(ordered); // rows are kept (same objects) while their source stays
        }
    }

    /**
     * Readings per second from two samples of a counter: never negative. A counter that went down restarted
     * at 0 in between, so its new value is what arrived since the restart.
     */
    static double ratePerSecond(long before, long after, double seconds) {
        long delta = after >= before ? after - before : Math.max(0, after);
        return seconds > 0 ? delta / seconds : 0;
    }

    /** The latency budget this view-model judges against, nanoseconds. */
    public long latencyBudgetNanos() {
        return latencyBudgetNanos;
    }

    /** The latency budget, microseconds (the unit of the latency properties). */
    public double latencyBudgetMicros() {
        return latencyBudgetNanos / 1_000.0;
    }

    /** How many times the properties were refreshed (at most {@value #MAX_UPDATES_PER_SECOND} a second). */
    public long updates() {
        return updates;
    }

    /** Median ingest-to-decision latency, microseconds. */
    public ReadOnlyDoubleProperty latencyP50MicrosProperty() {
        return latencyP50Micros.getReadOnlyProperty();
    }

    public double getLatencyP50Micros() {
        return latencyP50Micros.get();
    }

    /** 99th-percentile ingest-to-decision latency, microseconds. */
    public ReadOnlyDoubleProperty latencyP99MicrosProperty() {
        return latencyP99Micros.getReadOnlyProperty();
    }

    public double getLatencyP99Micros() {
        return latencyP99Micros.get();
    }

    /** Readings accepted per second, all sources (the engine's own figure). */
    public ReadOnlyDoubleProperty readingsPerSecondProperty() {
        return readingsPerSecond.getReadOnlyProperty();
    }

    public double getReadingsPerSecond() {
        return readingsPerSecond.get();
    }

    /** Readings waiting in all ingest lanes. */
    public ReadOnlyLongProperty queueDepthProperty() {
        return queueDepth.getReadOnlyProperty();
    }

    public long getQueueDepth() {
        return queueDepth.get();
    }

    /** Readings discarded from full lanes since the engine started. */
    public ReadOnlyLongProperty dropsProperty() {
        return drops.getReadOnlyProperty();
    }

    public long getDrops() {
        return drops.get();
    }

    /** Validation failures, failed actions and failed event handlers since the engine started. */
    public ReadOnlyLongProperty errorsProperty() {
        return errors.getReadOnlyProperty();
    }

    public long getErrors() {
        return errors.get();
    }

    /** The p99 latency against the budget. */
    public ReadOnlyObjectProperty<BudgetState> budgetStateProperty() {
        return budgetState.getReadOnlyProperty();
    }

    public BudgetState getBudgetState() {
        return budgetState.get();
    }

    /** One row per ingest source (device), in the engine's order; unmodifiable. */
    public ObservableList<DeviceRate> deviceRates() {
        return deviceRatesView;
    }
}
