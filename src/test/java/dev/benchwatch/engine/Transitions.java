package dev.benchwatch.engine;

import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.event.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Collects trigger transitions (THRESHOLD_BREACH events) of an engine, for assertions. */
final class Transitions {
    /** One transition as "trigger:FROM->TO@timestamp". */
    record Transition(String trigger, String from, String to, long at) {
        @Override
        public String toString() {
            return trigger + ":" + from + "->" + to + "@" + at;
        }
    }

    private final List<Event> events = new ArrayList<>();
    private final Engine engine;

    Transitions(Engine engine) {
        this.engine = engine;
        engine.onEvent(EventType.THRESHOLD_BREACH, event -> {
            synchronized (events) {
                events.add(event);
            }
        });
    }

    List<Transition> all() {
        try {
            engine.events().awaitIdle(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (events) {
            return events.stream().map(e -> new Transition(e.metadata().get("trigger"), e.metadata().get("from"),
                    e.metadata().get("to"), e.timestampNanos())).toList();
        }
    }

    List<String> states(String trigger) {
        return all().stream().filter(t -> t.trigger().equals(trigger)).map(Transition::to).toList();
    }

    List<Event> events() {
        all();
        synchronized (events) {
            return new ArrayList<>(events);
        }
    }
}
