package dev.benchwatch.ui;

import dev.benchwatch.engine.EngineSnapshot;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Fills the console's {@link DeferredPanel}s once the window is on screen: the charts' first frame goes out
 * first, then one panel per frame, so no single frame stalls for all of them. Says when all are there.
 */
final class DeferredPanels implements FrameListener {
    /** Frames drawn before the first panel is built: the first frame, and the one that shows its data. */
    static final long FIRST_FRAMES = 2;

    private final ConsolePulse pulse;
    private final Deque<DeferredPanel<?>> pending = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(true);

    DeferredPanels(ConsolePulse pulse) {
        this.pulse = pulse;
    }

    /** Adds a panel to build, after those added before it. */
    <P extends DeferredPanel<?>> P add(P panel) {
        pending.add(panel);
        complete.set(false);
        return panel;
    }

    @Override
    public void onFrame(EngineSnapshot snapshot, long nowNanos) {
        if (pulse.frames() < FIRST_FRAMES) {
            return;
        }
        buildNext();
    }

    /** Builds every panel still waiting (a screenshot or test that needs the whole window now). */
    void buildAll() {
        while (!pending.isEmpty()) {
            buildNext();
        }
    }

    private void buildNext() {
        DeferredPanel<?> next = pending.poll();
        if (next != null) {
            next.panel(); // a no-op for a panel already built on demand
        }
        if (pending.isEmpty()) {
            complete.set(true);
        }
    }

    /** True once every panel is built. */
    ReadOnlyBooleanProperty completeProperty() {
        return complete.getReadOnlyProperty();
    }
}
