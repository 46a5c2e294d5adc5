package dev.benchwatch.ui;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineSnapshot;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.animation.AnimationTimer;
import org.HdrHistogram.Histogram;

/**
 * The console's heartbeat: on every JavaFX pulse it takes the engine's latest snapshot once and hands it
 * to each {@link FrameListener}. It also measures the interval between frames and the time spent in the
 * listeners, the figures the console's performance budget is stated in.
 */
public final class ConsolePulse extends AnimationTimer {
    private final Engine engine;
    private final List<FrameListener> listeners = new CopyOnWriteArrayList<>();
    private final Histogram frameIntervals = new Histogram(10_000_000_000L, 3);
    private long lastFrame;
    private long busyNanos;
    private long frames;

    public ConsolePulse(Engine engine) {
        this.engine = engine;
    }

    public void add(FrameListener listener) {
        listeners.add(listener);
    }

    public void remove(FrameListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void handle(long now) {
        long started = System.nanoTime();
        // the pulse's own timestamp: the interval between frames as JavaFX schedules them, free of the
        // jitter of when this listener happens to run within the pulse
        if (lastFrame != 0) {
            frameIntervals.recordValue(Math.min(Math.max(0, now - lastFrame), frameIntervals.getHighestTrackableValue()));
        }
        lastFrame = now;
        EngineSnapshot snapshot = engine.snapshot();
        for (FrameListener listener : listeners) {
            listener.onFrame(snapshot, started);
        }
        busyNanos += System.nanoTime() - started;
        frames++;
    }

    /** Frames handled so far. */
    public long frames() {
        return frames;
    }

    /** Time spent in the listeners so far, in nanoseconds. */
    public long busyNanos() {
        return busyNanos;
    }

    /** Intervals between frames (nanoseconds); read on the FX thread. */
    public Histogram frameIntervals() {
        return frameIntervals;
    }
}
