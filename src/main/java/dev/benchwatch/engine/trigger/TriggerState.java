package dev.benchwatch.engine.trigger;

/**
 * The life of an alarm: OK, PENDING while the condition holds for less than its duration, FIRING, then
 * CLEARED when the clear condition holds. A cleared alarm returns to OK once acknowledged (ISA-18.2 style:
 * a person sees every alarm that fired, even one that cleared on its own).
 */
public enum TriggerState {
    OK, PENDING, FIRING, CLEARED
}
