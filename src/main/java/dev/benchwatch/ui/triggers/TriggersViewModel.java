package dev.benchwatch.ui.triggers;

import dev.benchwatch.engine.EngineSnapshot;
import dev.benchwatch.engine.metrics.TriggerStatus;
import dev.benchwatch.ui.FrameListener;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Every trigger of the engine with its live state, refreshed when the engine publishes a new snapshot. */
public final class TriggersViewModel implements FrameListener {
    private final ObservableList<TriggerRow> rows = FXCollections.observableArrayList();
    private final Map<String, TriggerRow> byId = new HashMap<>();
    private long lastSequence = -1;

    public ObservableList<TriggerRow> rows() {
        return rows;
    }

    @Override
    public void onFrame(EngineSnapshot snapshot, long nowNanos) {
        if (snapshot.sequence() == lastSequence) {
            return;
        }
        lastSequence = snapshot.sequence();
        Set<String> present = new HashSet<>();
        for (TriggerStatus status : snapshot.triggers()) {
            present.add(status.id());
            TriggerRow row = byId.computeIfAbsent(status.id(), id -> {
                TriggerRow created = new TriggerRow(id);
                rows.add(created);
                return created;
            });
            row.name.set(status.name());
            row.severity.set(status.severity().name().toLowerCase(Locale.ROOT));
            row.enabled.set(status.enabled());
            row.mode.set(status.shadow() ? "shadow" : "armed");
            row.state.set(status.state() + (status.acknowledged() ? ", acknowledged" : ""));
            row.firings.set(status.firings());
            row.value.set(status.value());
        }
        rows.removeIf(r -> !present.contains(r.id()));
        byId.keySet().retainAll(present);
    }
}
