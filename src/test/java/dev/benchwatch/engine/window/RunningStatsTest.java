package dev.benchwatch.engine.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The add-only statistics behind tumbling and session windows. */
class RunningStatsTest {

    @Test
    void resetForgetsEverythingIncludingFirstMinMaxAndTimestamps() {
        RunningStats stats = new RunningStats();
        stats.add(10, 100);
        stats.add(20, -100);
        stats.reset();
        assertThat(stats.count()).isZero();
        assertThat(stats.get(Stat.SUM)).isZero();
        assertThat(stats.get(Stat.MIN)).isNaN();
        assertThat(stats.get(Stat.STDDEV)).isNaN();
        stats.add(30, 5);
        assertThat(stats.get(Stat.MIN)).isEqualTo(5);
        assertThat(stats.get(Stat.MAX)).isEqualTo(5);
        assertThat(stats.get(Stat.FIRST)).isEqualTo(5);
        assertThat(stats.get(Stat.MEAN)).isEqualTo(5);
        assertThat(stats.get(Stat.STDDEV)).isEqualTo(0.0);
        assertThat(stats.firstTimestamp()).isEqualTo(30);
        assertThat(stats.lastTimestamp()).isEqualTo(30);
        assertThat(stats.get(Stat.TIME_SPAN)).isEqualTo(0.0);
        stats.add(2_000_000_030L, 7);
        assertThat(stats.get(Stat.RATE_OF_CHANGE)).isEqualTo(1.0);
        assertThat(stats.get(Stat.TIME_SPAN)).isEqualTo(2.0);
    }

    @Test
    void rateOfChangeIsNaNForAZeroSpanAndPerSecondOtherwise() {
        assertThat(RunningStats.rate(1, 5, 7, 7)).isNaN();
        assertThat(RunningStats.rate(1, 5, 0, 500_000_000)).isEqualTo(8.0);
        assertThat(RunningStats.rate(5, 1, 0, 2_000_000_000)).isEqualTo(-2.0);
    }

    /** Reset at arbitrary points; each run matches a naive two-pass computation. */
    @Property(tries = 300)
    void matchesNaiveStatisticsAcrossResets(
            @ForAll @Size(max = 300) List<@DoubleRange(min = -1e6, max = 1e6) Double> values,
            @ForAll @Size(max = 10) List<Integer> resetPoints) {
        RunningStats stats = new RunningStats();
        List<Double> run = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (resetPoints.contains(i)) {
                stats.reset();
                run.clear();
            }
            double v = values.get(i);
            stats.add(i * 1_000L, v);
            run.add(v);
            double sum = run.stream().mapToDouble(Double::doubleValue).sum();
            double mean = sum / run.size();
            double squares = run.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
            double scale = run.stream().mapToDouble(Math::abs).average().orElse(0);
            double tolerance = 1e-9 * Math.max(scale, Math.abs(sum));
            assertThat(stats.count()).isEqualTo(run.size());
            assertThat(stats.get(Stat.SUM)).isCloseTo(sum, within(tolerance));
            assertThat(stats.get(Stat.MEAN)).isCloseTo(mean, within(1e-9 * Math.max(scale, Math.abs(mean))));
            assertThat(stats.get(Stat.STDDEV)).isCloseTo(run.size() < 2 ? 0 : Math.sqrt(squares / (run.size() - 1)),
                    within(1e-9 * scale));
            assertThat(stats.get(Stat.MIN)).isEqualTo(run.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
            assertThat(stats.get(Stat.MAX)).isEqualTo(run.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
            assertThat(stats.get(Stat.FIRST)).isEqualTo(run.get(0));
            assertThat(stats.get(Stat.LAST)).isEqualTo(v);
        }
    }
}
