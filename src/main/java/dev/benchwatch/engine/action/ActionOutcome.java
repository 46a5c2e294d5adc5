package dev.benchwatch.engine.action;

/** What happened to one action of a firing, recorded as an AUTOMATION_TRIGGER event. */
public enum ActionOutcome {
    /** Ran and succeeded. */
    DONE,
    /** Ran and failed; the event carries the error. */
    FAILED,
    /** Not run: the trigger is in shadow mode; the event carries what would have been sent. */
    SHADOW,
    /** Not run: the action's rate limit was exhausted. */
    RATE_LIMITED,
    /** Not run: the action queue was full. */
    QUEUE_FULL
}
