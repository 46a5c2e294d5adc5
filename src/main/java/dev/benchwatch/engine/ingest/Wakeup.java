package dev.benchwatch.engine.ingest;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Lets producers wake the engine thread when it has gone to sleep for lack of work, so a quiet bench costs
 * no CPU and the first reading after a pause still gets a decision within microseconds, not a park period.
 *
 * <p>The sleeper announces itself before a last look for work, and a producer looks for a sleeper after
 * queuing: with both on volatile fields, at least one of them sees the other, so no reading waits out a
 * whole park period.
 */
public final class Wakeup {
    private volatile Thread sleeper;
    private final boolean lazy;

    /** Producers wake a sleeping engine at once. */
    public Wakeup() {
        this(false);
    }

    /**
     * @param lazy producers leave a sleeping engine to wake by itself (its park is short and bounded) unless
     *             they must wait for room: fewer wake-ups for a little latency (the LOW_CPU idle mode)
     */
    public Wakeup(boolean lazy) {
        this.lazy = lazy;
    }

    /** Producer side: called after queuing; one volatile read when the engine is awake. */
    public void signal() {
        if (!lazy) {
            signalNow();
        }
    }

    /** Producer side: wakes a sleeping engine whatever the mode (a producer waiting for room in a full lane). */
    public void signalNow() {
        Thread thread = sleeper;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    /** Engine side: parks for at most {@code nanos} unless {@code hasWork} says there is work. */
    public void park(BooleanSupplier hasWork, long nanos) {
        sleeper = Thread.currentThread();
        try {
            if (!hasWork.getAsBoolean()) {
                LockSupport.parkNanos(nanos);
            }
        } finally {
            sleeper = null;
        }
    }
}
