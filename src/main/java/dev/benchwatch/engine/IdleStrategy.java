package dev.benchwatch.engine;

import dev.benchwatch.engine.ingest.Wakeup;
import java.util.function.BooleanSupplier;

/**
 * What the engine thread does between duty cycles that found no work: spin briefly (lowest latency when
 * readings are flowing), then yield, then park for growing periods up to 1 ms (no busy core when the
 * bench is quiet). A producer that queues a reading wakes a parked engine at once ({@link Wakeup}).
 */
final class IdleStrategy {
    private static final int SPINS = 200;
    private static final int YIELDS = 50;
    private static final int LOW_CPU_SPINS = 20;
    /** LOW_CPU's sleep: bounds the extra latency (0.25 ms on average) and the wake-ups (2,000 a second). */
    static final long LOW_CPU_PARK_NANOS = 500_000;
    private final boolean lowCpu;
    private final int spins;
    private final int yields;
    private static final long MIN_PARK_NANOS = 1_000;
    private static final long MAX_PARK_NANOS = 1_000_000;

    private final boolean busySpin;
    private final Wakeup wakeup;
    private final BooleanSupplier hasWork;
    private int idleCycles;
    private long parkNanos = MIN_PARK_NANOS;

    IdleStrategy(EngineConfig.IdleMode mode, Wakeup wakeup, BooleanSupplier hasWork) {
        this.busySpin = mode == EngineConfig.IdleMode.BUSY_SPIN;
        this.lowCpu = mode == EngineConfig.IdleMode.LOW_CPU;
        this.spins = mode == EngineConfig.IdleMode.LOW_CPU ? LOW_CPU_SPINS : SPINS;
        this.yields = mode == EngineConfig.IdleMode.LOW_CPU ? 0 : YIELDS;
        this.wakeup = wakeup;
        this.hasWork = hasWork;
    }

    void idle(int workDone) {
        if (busySpin) {
            Thread.onSpinWait();
            return;
        }
        if (workDone > 0) {
            idleCycles = 0;
            parkNanos = MIN_PARK_NANOS;
            return;
        }
        idleCycles++;
        if (idleCycles <= spins) {
            Thread.onSpinWait();
        } else if (idleCycles <= spins + yields) {
            Thread.yield();
        } else if (lowCpu) {
            wakeup.park(hasWork, LOW_CPU_PARK_NANOS); // producers do not wake it: it comes back by itself
        } else {
            wakeup.park(hasWork, parkNanos);
            parkNanos = Math.min(parkNanos * 2, MAX_PARK_NANOS);
        }
    }
}
