package dev.benchwatch.engine.trigger;

import java.util.function.DoubleSupplier;

/**
 * One trigger's state, driven by the engine thread: OK → PENDING → FIRING → CLEARED → OK.
 * Time is event time (the timestamp of the reading or event that caused the evaluation), so the same
 * readings produce the same transitions whatever the processing mode or the wall clock.
 */
public final class TriggerStateMachine {
    private final TriggerSpec spec;
    private final CompiledCondition fire;
    private final CompiledCondition clear; // null: clear when fire stops holding
    private final DoubleSupplier value;
    private final TransitionListener listener;

    private TriggerState state = TriggerState.OK;
    private long pendingSince;
    private long lastFiredAt = Long.MIN_VALUE;
    private boolean acknowledged;
    private long firings;
    private long suppressedByCooldown;
    private double lastValue = Double.NaN;

    public TriggerStateMachine(TriggerSpec spec, CompiledCondition fire, CompiledCondition clear, DoubleSupplier value,
                               TransitionListener listener) {
        this.spec = spec;
        this.fire = fire;
        this.clear = clear;
        this.value = value == null ? () -> Double.NaN : value;
        this.listener = listener;
    }

    /** Evaluates the trigger at event time {@code now}; emits transitions through the listener. */
    public void evaluate(long now) {
        if (!spec.enabled()) {
            return;
        }
        switch (state) {
            case OK, CLEARED -> {
                if (fire.test(now)) {
                    if (inCooldown(now)) {
                        suppressedByCooldown++;
                    } else if (spec.forNanos() == 0) {
                        moveTo(TriggerState.FIRING, now);
                    } else {
                        pendingSince = now;
                        moveTo(TriggerState.PENDING, now);
                    }
                } else if (state == TriggerState.CLEARED && acknowledged) {
                    moveTo(TriggerState.OK, now);
                }
            }
            case PENDING -> {
                if (!fire.test(now)) {
                    moveTo(TriggerState.OK, now);
                } else if (now - pendingSince >= spec.forNanos()) {
                    moveTo(TriggerState.FIRING, now);
                }
            }
            case FIRING -> {
                boolean cleared = clear != null ? clear.test(now) : !fire.test(now);
                if (cleared) {
                    moveTo(TriggerState.CLEARED, now);
                }
            }
        }
    }

    /**
     * A person acknowledges the alarm. A FIRING alarm stays FIRING (acknowledged); a CLEARED one returns
     * to OK. Returns false when there was nothing to acknowledge.
     */
    public boolean acknowledge(long now) {
        if (state == TriggerState.FIRING && !acknowledged) {
            acknowledged = true;
            return true;
        }
        if (state == TriggerState.CLEARED) {
            acknowledged = true;
            moveTo(TriggerState.OK, now);
            return true;
        }
        return false;
    }

    private boolean inCooldown(long now) {
        return lastFiredAt != Long.MIN_VALUE && now - lastFiredAt < spec.cooldownNanos();
    }

    private void moveTo(TriggerState next, long now) {
        TriggerState previous = state;
        state = next;
        lastValue = value.getAsDouble();
        if (next == TriggerState.FIRING) {
            lastFiredAt = now;
            firings++;
            acknowledged = false;
        }
        listener.onTransition(this, previous, next, now, lastValue);
    }

    public TriggerSpec spec() {
        return spec;
    }

    public String id() {
        return spec.id();
    }

    public TriggerState state() {
        return state;
    }

    public boolean acknowledged() {
        return acknowledged;
    }

    public long firings() {
        return firings;
    }

    public long suppressedByCooldown() {
        return suppressedByCooldown;
    }

    /** The primary operand's value at the last transition. */
    public double lastValue() {
        return lastValue;
    }

    /** The primary operand's current value. */
    public double currentValue() {
        return value.getAsDouble();
    }
}
