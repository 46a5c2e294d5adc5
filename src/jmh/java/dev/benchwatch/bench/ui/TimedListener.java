package dev.benchwatch.bench.ui;

import dev.benchwatch.engine.EngineSnapshot;
import dev.benchwatch.ui.FrameListener;

/** Wraps one of the console's frame listeners and adds up the time it takes per frame (JavaFX thread). */
final class TimedListener implements FrameListener {
    private final FrameListener inner;
    private final String name;
    private long nanos;
    private long maxNanos;
    private long calls;

    TimedListener(FrameListener inner) {
        this.inner = inner;
        this.name = inner.getClass().getSimpleName();
    }

    @Override
    public void onFrame(EngineSnapshot snapshot, long nowNanos) {
        long t0 = System.nanoTime();
        inner.onFrame(snapshot, nowNanos);
        long d = System.nanoTime() - t0;
        nanos += d;
        calls++;
        if (d > maxNanos) {
            maxNanos = d;
        }
    }

    String name() {
        return name;
    }

    long nanos() {
        return nanos;
    }

    long calls() {
        return calls;
    }

    long maxNanos() {
        return maxNanos;
    }

    void resetMax() {
        maxNanos = 0;
    }
}
