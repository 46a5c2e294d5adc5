package dev.benchwatch.device.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WaveformTest {
    private final Random random = new Random(7);

    @Test
    void sineStepsAndSumsAreExact() {
        Waveform sine = new Waveform.Sine(20, 5, 4);
        assertThat(sine.next(0, random)).isEqualTo(20.0);
        assertThat(sine.next(1, random)).isCloseTo(25.0, within(1e-12));
        assertThat(sine.next(3, random)).isCloseTo(15.0, within(1e-12));
        Waveform steps = new Waveform.Steps(new double[] {0, 10, 5}, 2);
        assertThat(List.of(steps.next(0, random), steps.next(1.9, random), steps.next(2, random),
                steps.next(4.5, random), steps.next(6, random))).containsExactly(0.0, 0.0, 10.0, 5.0, 0.0);
        SimulatedChannel channel = new SimulatedChannel("oven", "°C", List.of(sine, steps));
        assertThat(channel.next(2, random)).isCloseTo(20 + 10, within(1e-12));
    }

    @Test
    void noiseHasTheConfiguredSpread() {
        Waveform noise = new Waveform.Noise(3, 0.5);
        double sum = 0;
        double squares = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            double v = noise.next(i, random);
            sum += v;
            squares += v * v;
        }
        double mean = sum / n;
        assertThat(mean).isCloseTo(3, within(0.01));
        assertThat(Math.sqrt(squares / n - mean * mean)).isCloseTo(0.5, within(0.01));
    }

    @Test
    void randomWalkStaysWithinItsBounds() {
        Waveform walk = new Waveform.RandomWalk(0, 2, -1, 1);
        for (int i = 0; i < 100_000; i++) {
            assertThat(walk.next(i, random)).isBetween(-1.0, 1.0);
        }
    }

    @Test
    void spikesComeAtTheConfiguredRate() {
        Waveform spikes = new Waveform.Spikes(50, 0.01, true);
        int up = 0;
        int down = 0;
        for (int i = 0; i < 100_000; i++) {
            double v = spikes.next(i, random);
            assertThat(v).isIn(0.0, 50.0, -50.0);
            up += v > 0 ? 1 : 0;
            down += v < 0 ? 1 : 0;
        }
        assertThat(up + down).isBetween(800, 1200);
        assertThat(up).isPositive();
        assertThat(down).isPositive();
    }

    @Test
    void badSettingsAreRejected() {
        assertThatThrownBy(() -> new Waveform.Sine(0, 1, 0)).hasMessageContaining("sine period must be positive");
        assertThatThrownBy(() -> new Waveform.Noise(0, -1)).hasMessageContaining("noise sigma must be >= 0");
        assertThatThrownBy(() -> new Waveform.Spikes(1, 2, false)).hasMessageContaining("within [0, 1]");
        assertThatThrownBy(() -> new Waveform.RandomWalk(5, 1, 0, 1)).hasMessageContaining("start within");
        assertThatThrownBy(() -> new Waveform.Steps(new double[0], 1)).hasMessageContaining("at least one level");
        assertThatThrownBy(() -> new SimulatedChannel("bad name", "", List.of(new Waveform.Noise(0, 1))))
                .hasMessageContaining("invalid simulated channel name");
        assertThatThrownBy(() -> new SimulatedChannel("x", "", List.of())).hasMessageContaining("at least one waveform");
    }
}
