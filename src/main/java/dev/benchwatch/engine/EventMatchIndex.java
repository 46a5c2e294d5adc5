package dev.benchwatch.engine;

import dev.benchwatch.engine.event.EventType;
import dev.benchwatch.engine.trigger.TriggerStateMachine;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * What triggers with event conditions need, kept on the engine thread: for each (event type, device)
 * a condition names, the time of the latest such event; and the events still to evaluate those triggers
 * at. Evaluations are queued rather than run inside the event that caused them, and capped, so a chain of
 * triggers firing on each other's events cannot recurse without end.
 */
final class EventMatchIndex {
    private static final int MAX_EVALUATIONS = 1_000;

    private TriggerStateMachine[] triggers = ChannelState.NO_TRIGGERS;
    private final Map<String, long[]> lastEventCells = new HashMap<>();
    private final ArrayDeque<Long> pending = new ArrayDeque<>();

    void add(TriggerStateMachine trigger) {
        triggers = ChannelState.append(triggers, trigger);
    }

    void remove(TriggerStateMachine trigger) {
        triggers = ChannelState.remove(triggers, trigger);
    }

    /** The cell holding the latest event time of this type from this device ("" for any device). */
    long[] cell(EventType type, String device) {
        return lastEventCells.computeIfAbsent(key(type, device), k -> new long[] {Long.MIN_VALUE});
    }

    /** An event happened: update the cells that name it and queue an evaluation at its time. */
    void eventHappened(EventType type, String device, long timestampNanos) {
        if (triggers.length == 0) {
            return;
        }
        advance(key(type, device), timestampNanos);
        advance(key(type, ""), timestampNanos);
        pending.addLast(timestampNanos);
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }

    /** Evaluates the event-sensitive triggers at each queued event time. */
    void evaluatePending() {
        int budget = MAX_EVALUATIONS;
        while (!pending.isEmpty() && budget-- > 0) {
            long at = pending.pollFirst();
            for (TriggerStateMachine trigger : triggers) {
                trigger.evaluate(at);
            }
        }
        pending.clear(); // a runaway chain of event triggers stops here
    }

    private void advance(String key, long timestampNanos) {
        long[] cell = lastEventCells.get(key);
        if (cell != null && timestampNanos > cell[0]) {
            cell[0] = timestampNanos;
        }
    }

    private static String key(EventType type, String device) {
        return type.name() + "|" + device;
    }
}
