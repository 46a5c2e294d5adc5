package dev.benchwatch.engine.event;

/** Receives events of the types it was registered for, on the event dispatch thread (never the engine's). */
@FunctionalInterface
public interface EventHandler {
    void onEvent(Event event);
}
