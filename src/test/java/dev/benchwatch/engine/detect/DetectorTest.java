package dev.benchwatch.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each detector on a synthetic series with one known defect: it finds the defect, and not the noise around it. */
class DetectorTest {
    private static final long MINUTE = 60_000_000_000L;

    /** Gaussian noise around 20, one reading a minute, with {@code defect} applied to reading i. */
    private static double[] noise(int n, long seed) {
        Random random = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 20 + random.nextGaussian() * 0.5;
        }
        return v;
    }

    /** Indexes of the readings that opened an excursion. */
    private static List<Integer> excursions(Detector detector, double[] values) {
        ExcursionTracker tracker = new ExcursionTracker();
        List<Integer> opened = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            double score = detector.update(i * MINUTE, values[i]);
            if (tracker.opens(score, detector.threshold(), detector.warmedUp())) {
                opened.add(i);
            }
        }
        return opened;
    }

    @Test
    void zscoreEwmaAndMadFindOneSpikeInNoise() {
        for (long seed = 1; seed <= 5; seed++) {
            double[] v = noise(2000, seed);
            v[1500] += 10; // 20 standard deviations
            assertThat(excursions(new ZScoreDetector(120 * MINUTE, 30, 6), v)).as("zscore").containsExactly(1500);
            assertThat(excursions(new EwmaDetector(60 * MINUTE, 30, 6), v)).as("ewma").containsExactly(1500);
            assertThat(excursions(new MadDetector(60, 7), v)).as("mad").containsExactly(1500);
        }
    }

    @Test
    void noScoreCountsBeforeWarmUp() {
        double[] v = noise(100, 7);
        v[5] += 50;
        assertThat(excursions(new ZScoreDetector(120 * MINUTE, 30, 4), v)).isEmpty();
        assertThat(excursions(new EwmaDetector(60 * MINUTE, 30, 4), v)).isEmpty();
        assertThat(excursions(new MadDetector(60, 4), v)).isEmpty();
    }

    @Test
    void madIsNotFooledByEarlierSpikesWhereZscoreIs() {
        double[] v = noise(400, 3);
        for (int i = 200; i < 260; i += 6) {
            v[i] += 200; // a burst of large spikes inflates the standard deviation
        }
        v[270] += 4; // 8 sd: a real excursion right after the burst
        assertThat(excursions(new MadDetector(60, 6), v)).contains(270);
        assertThat(excursions(new ZScoreDetector(120 * MINUTE, 30, 6), v)).doesNotContain(270);
    }

    @Test
    void madMatchesANaiveMedianAndMad() {
        Random random = new Random(11);
        MadDetector mad = new MadDetector(25, 3);
        List<Double> window = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            double x = random.nextInt(5) == 0 ? random.nextInt(4) : random.nextGaussian() * 10; // with ties
            mad.update(i, x);
            window.add(x);
            if (window.size() > 25) {
                window.remove(0);
            }
            double median = median(window);
            List<Double> deviations = window.stream().map(w -> Math.abs(w - median)).toList();
            assertThat(mad.median()).isEqualTo(median);
            assertThat(mad.madAround(mad.median())).isCloseTo(median(deviations), org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    private static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    @Test
    void cusumFindsASmallLevelShiftOnceThatZscoreMisses() {
        double[] v = noise(3000, 5);
        for (int i = 2000; i < v.length; i++) {
            v[i] += 0.75; // 1.5 standard deviations: never an outlier on its own
        }
        List<Integer> cusum = excursions(new CusumDetector(600 * MINUTE, 30, 0.5, 12), v);
        assertThat(cusum).hasSize(1);
        assertThat(cusum.get(0)).isBetween(2000, 2040);
        assertThat(excursions(new ZScoreDetector(600 * MINUTE, 30, 5), v)).isEmpty();
    }

    @Test
    void cusumFindsASlowDriftDownwards() {
        double[] v = noise(3000, 9);
        for (int i = 2000; i < v.length; i++) {
            v[i] -= (i - 2000) * 0.01;
        }
        List<Integer> cusum = excursions(new CusumDetector(600 * MINUTE, 30, 0.5, 12), v);
        assertThat(cusum).isNotEmpty();
        assertThat(cusum.get(0)).isBetween(2000, 2150);
    }

    @Test
    void flatlineFiresOnceAfterItsDuration() {
        double[] v = noise(600, 2);
        for (int i = 300; i < 400; i++) {
            v[i] = 21.25;
        }
        assertThat(excursions(new FlatlineDetector(1e-9, 30 * MINUTE), v)).containsExactly(330);
        assertThat(excursions(new FlatlineDetector(1e-9, 120 * MINUTE), v)).isEmpty();
    }

    @Test
    void spikeFlagsARateOfChangeAboveItsLimit() {
        double[] v = new double[200];
        for (int i = 0; i < v.length; i++) {
            v[i] = 20 + i * 0.01; // 0.01 per minute
        }
        v[100] += 3; // 3 per minute up, then 3 per minute down
        SpikeDetector spike = new SpikeDetector(1.0 / 60); // 1 per minute
        assertThat(excursions(spike, v)).containsExactly(100);
    }

    @Test
    void trendNeedsNConsecutiveRises() {
        double[] v = noise(400, 4);
        for (int i = 200; i < 215; i++) {
            v[i] = 30 + (i - 200); // 15 rises in a row (the first from noise to 30)
        }
        for (int i = 215; i < 230; i++) {
            v[i] = 44 - (i - 215) * 2.0;
        }
        List<Integer> found = excursions(new TrendDetector(12, 0), v);
        assertThat(found).contains(211, 227); // 12th rise; 215 repeats 44 (no change), then the 12th fall
    }

    @Test
    void dropoutMeasuresTheGapAReadingCloses() {
        DropoutDetector dropout = new DropoutDetector(10 * MINUTE);
        dropout.update(0, 1);
        assertThat(dropout.update(MINUTE, 1)).isEqualTo(60.0);
        assertThat(dropout.silentFor(21 * MINUTE)).isEqualTo(1200.0);
        assertThat(dropout.update(31 * MINUTE, 1)).isEqualTo(1800.0).isGreaterThanOrEqualTo(dropout.threshold());
    }

    @Test
    void hysteresisMakesOneExcursionOfAHoveringScore() {
        ExcursionTracker tracker = new ExcursionTracker(0.75);
        int opened = 0;
        for (double score : new double[] {1, 4.1, 3.9, 4.2, 3.5, 4.0, 2.9, 4.0}) {
            opened += tracker.opens(score, 4, true) ? 1 : 0;
        }
        assertThat(opened).isEqualTo(2); // 4.1 opens, 2.9 closes, 4.0 opens again
    }

    @Test
    void badSettingsAreRejectedWithTheirName() {
        assertThatThrownBy(() -> new ZScoreDetector(0, 10, 4)).hasMessageContaining("window must be a positive");
        assertThatThrownBy(() -> new MadDetector(2, 4)).hasMessageContaining("window size must be at least 3");
        assertThatThrownBy(() -> new CusumDetector(MINUTE, 10, -1, 5)).hasMessageContaining("drift allowance k");
        assertThatThrownBy(() -> DetectorKind.parse("zscor")).hasMessage(
                "unknown detector 'zscor'; expected one of zscore, ewma, mad, cusum, flatline, dropout, spike, trend");
    }
}
