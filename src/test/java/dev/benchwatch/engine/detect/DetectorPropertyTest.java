package dev.benchwatch.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The incremental detectors against a naive recomputation from all readings, after every reading. */
class DetectorPropertyTest {
    @Property(tries = 200)
    void zscoreEqualsANaiveRollingZscore(@ForAll @Size(min = 2, max = 300) List<@DoubleRange(min = -1e3, max = 1e3) Double> values,
                                         @ForAll @Size(min = 300, max = 300) List<@IntRange(min = 0, max = 5) Integer> gaps,
                                         @ForAll @IntRange(min = 1, max = 20) int window) {
        ZScoreDetector z = new ZScoreDetector(window, 2, 4);
        List<long[]> seenTimes = new ArrayList<>();
        List<Double> seen = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < values.size(); i++) {
            t += gaps.get(i);
            double v = values.get(i);
            double score = z.update(t, v);
            List<Double> in = new ArrayList<>();
            for (int k = 0; k < seen.size(); k++) {
                if (seenTimes.get(k)[0] > t - window) {
                    in.add(seen.get(k));
                }
            }
            if (in.size() < 2) {
                assertThat(score).isNaN();
            } else {
                double mean = in.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                double ss = in.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
                double sd = Math.sqrt(ss / (in.size() - 1));
                double expected = Settings.deviations(v - mean, sd, mean);
                if (sd > 1e-6) {
                    // relative agreement, with an absolute floor: a reading at the mean scores ~1e-17 either way
                    assertThat(score).isCloseTo(expected,
                            org.assertj.core.data.Offset.offset(1e-9 + 1e-8 * Math.abs(expected)));
                }
            }
            seenTimes.add(new long[] {t});
            seen.add(v);
        }
    }

    @Property(tries = 300)
    void madEqualsANaiveMedianAndMadForOddAndEvenWindows(
            @ForAll @Size(min = 1, max = 400) List<@IntRange(min = -20, max = 20) Integer> steps,
            @ForAll @IntRange(min = 3, max = 64) int size, @ForAll @IntRange(min = 1, max = 4) int resolution) {
        MadDetector mad = new MadDetector(size, 3);
        List<Double> window = new ArrayList<>();
        double level = 0;
        for (int i = 0; i < steps.size(); i++) {
            level += steps.get(i) / (double) resolution; // coarse steps: many ties
            mad.update(i, level);
            window.add(level);
            if (window.size() > size) {
                window.remove(0);
            }
            if (window.size() >= 3) {
                double median = median(window);
                assertThat(mad.median()).isEqualTo(median);
                List<Double> deviations = window.stream().map(w -> Math.abs(w - median)).toList();
                assertThat(mad.madAround(median)).isEqualTo(median(deviations));
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    @Property(tries = 200)
    void trendScoreIsTheLengthOfTheCurrentStrictRun(@ForAll @Size(min = 1, max = 200) List<@IntRange(min = 0, max = 3) Integer> values) {
        TrendDetector trend = new TrendDetector(5, 0);
        for (int i = 0; i < values.size(); i++) {
            double score = trend.update(i, values.get(i));
            int run = 0;
            int direction = 0;
            for (int k = i; k > 0; k--) {
                int d = Integer.signum(values.get(k) - values.get(k - 1));
                if (d == 0 || (direction != 0 && d != direction)) {
                    break;
                }
                direction = d;
                run++;
            }
            assertThat(score).isEqualTo(run);
        }
    }
}
