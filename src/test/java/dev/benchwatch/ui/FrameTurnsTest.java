package dev.benchwatch.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.engine.EngineSnapshot;
import dev.benchwatch.engine.ProcessingMode;
import dev.benchwatch.engine.metrics.EngineMetrics;
import dev.benchwatch.engine.metrics.LatencySummary;
import dev.benchwatch.ui.gauges.GaugesViewModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Views that refresh a few times a second take turns: never two in one frame, each still at its rate. */
class FrameTurnsTest {
    private static final long FRAME = 16_666_667L;

    @Test
    void theFirstToAskInAFrameGetsIt() {
        FrameTurns turns = new FrameTurns();
        assertThat(turns.take(100)).isTrue();
        assertThat(turns.take(100)).isFalse();
        assertThat(turns.take(117)).isTrue();
    }

    @Test
    void twoGaugeModelsSharingTurnsNeverUpdateInTheSameFrameAndKeepTheirRate() {
        FrameTurns turns = new FrameTurns();
        GaugesViewModel first = new GaugesViewModel(100_000_000L);
        GaugesViewModel second = new GaugesViewModel(100_000_000L);
        first.takeTurnsWith(turns);
        second.takeTurnsWith(turns);
        int together = 0;
        long now = 1_000_000_000L;
        for (int frame = 0; frame < 600; frame++, now += FRAME) { // 10 s at 60 frames/s
            long before1 = first.updates();
            long before2 = second.updates();
            EngineSnapshot snapshot = snapshot(frame + 1, now);
            first.onFrame(snapshot, now);
            second.onFrame(snapshot, now);
            if (frame > 0 && first.updates() > before1 && second.updates() > before2) {
                together++;
            }
        }
        assertThat(together).as("frames in which both repainted, after the first").isZero();
        // 10/s asked; waiting a frame for a turn now and then costs a little of it
        assertThat(first.updates()).isBetween(80L, 101L);
        assertThat(second.updates()).isBetween(80L, 101L);
    }

    @Test
    void withoutSharedTurnsBothUpdateInTheSameFrames() {
        GaugesViewModel first = new GaugesViewModel(100_000_000L);
        GaugesViewModel second = new GaugesViewModel(100_000_000L);
        int together = 0;
        long now = 1_000_000_000L;
        for (int frame = 0; frame < 600; frame++, now += FRAME) {
            long before1 = first.updates();
            long before2 = second.updates();
            EngineSnapshot snapshot = snapshot(frame + 1, now);
            first.onFrame(snapshot, now);
            second.onFrame(snapshot, now);
            if (first.updates() > before1 && second.updates() > before2) {
                together++;
            }
        }
        assertThat(together).as("what sharing turns avoids").isGreaterThan(50);
    }

    private static EngineSnapshot snapshot(long sequence, long takenAt) {
        LatencySummary latency = new LatencySummary(0, 0, 0, 0, 0, 0, 0);
        EngineMetrics m = new EngineMetrics(ProcessingMode.HYBRID, 0, Map.of(), List.of(), 0, 0, 0, 0, 0, 0, 0, 0, 0,
                latency, 0, 0, 0, Map.of());
        return new EngineSnapshot(sequence, takenAt, m, List.of(), List.of(), List.of(), List.of());
    }
}
