package dev.benchwatch.ui;

import dev.benchwatch.engine.EngineSnapshot;

/**
 * A view-model refreshed once per frame, on the JavaFX thread, from the engine's latest snapshot: the only
 * way engine state reaches the screen (no {@code Platform.runLater} per reading).
 */
@FunctionalInterface
public interface FrameListener {
    /**
     * @param snapshot the engine's latest published snapshot (the same object until the engine publishes
     *                 the next one: compare {@link EngineSnapshot#sequence()} to skip work)
     * @param nowNanos the frame's time, {@link System#nanoTime()} scale
     */
    void onFrame(EngineSnapshot snapshot, long nowNanos);
}
