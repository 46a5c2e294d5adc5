package dev.benchwatch.engine.trigger;

/** Told about every state change of a trigger, on the engine thread. */
@FunctionalInterface
public interface TransitionListener {
    void onTransition(TriggerStateMachine trigger, TriggerState from, TriggerState to, long nowNanos, double value);
}
