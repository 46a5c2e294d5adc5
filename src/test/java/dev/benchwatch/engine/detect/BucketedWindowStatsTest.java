package dev.benchwatch.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The z-score's and CUSUM's time-bucketed window: fixed memory on a fast channel, and the same mean and standard
 * deviation as an exact computation over the readings of the buckets it covers.
 */
class BucketedWindowStatsTest {
    private static final long MINUTE = 60_000_000_000L;
    private static final long HOUR = 60 * MINUTE;
    private static final long MILLISECOND = 1_000_000L;

    /**
     * Tolerance of the bucketed mean and standard deviation against a two-pass recomputation: 1e-9 relative,
     * plus 64 units in the last place of the mean (the data's own rounding when the level dwarfs the spread).
     */
    private static final double TOLERANCE = 1e-9;
    private static final double MEAN_ULPS = 64;

    @Test
    void tenMillionReadingsAtOneKilohertzKeepTheBucketsAtTheirFixedNumber() {
        ZScoreDetector daily = new ZScoreDetector(24 * HOUR, 12, 4);
        ZScoreDetector hourly = new ZScoreDetector(HOUR, 12, 4); // slides 1.8 windows within the 10 million
        CusumDetector cusum = new CusumDetector(HOUR, 12, 0.5, 8);
        Random random = new Random(3);
        int mostRetained = 0;
        for (int i = 0; i < 10_000_000; i++) {
            long t = i * MILLISECOND;
            double v = 20 + random.nextGaussian();
            daily.update(t, v);
            hourly.update(t, v);
            cusum.update(t, v);
            mostRetained = Math.max(mostRetained, Math.max(hourly.window().retainedBuckets(),
                    Math.max(daily.window().retainedBuckets(), cusum.baseline().retainedBuckets())));
        }
        assertThat(daily.window().capacity()).isEqualTo(BucketedWindowStats.DEFAULT_BUCKETS);
        assertThat(hourly.window().capacity()).isEqualTo(BucketedWindowStats.DEFAULT_BUCKETS);
        assertThat(cusum.baseline().capacity()).isEqualTo(CusumDetector.BASELINE_BUCKETS);
        assertThat(mostRetained).isLessThanOrEqualTo(CusumDetector.BASELINE_BUCKETS);
        // 10,000 s of readings: the daily window holds them all in 10,000 s / 300 s = 34 buckets
        assertThat(daily.window().count()).isEqualTo(10_000_000);
        assertThat(daily.window().retainedBuckets()).isEqualTo(34);
        // the hourly ones hold the last hour, less at most one bucket (12.5 s, or 4.2 s for CUSUM's 864)
        assertThat(hourly.window().retainedBuckets()).isEqualTo(BucketedWindowStats.DEFAULT_BUCKETS);
        assertThat(hourly.window().count()).isBetween(3_600_000L - 12_500, 3_600_000L);
        assertThat(cusum.baseline().count()).isBetween(3_600_000L - 4_167, 3_600_000L);
        // and they still describe the data: mean 20, standard deviation 1
        assertThat(hourly.window().mean()).isCloseTo(20, offset(0.01));
        assertThat(hourly.window().stddev()).isCloseTo(1, offset(0.01));
    }

    @Property(tries = 100)
    void equalsAnExactComputationOverTheBucketsItCovers(@ForAll @IntRange(min = 1, max = 40) int buckets,
                                                        @ForAll @LongRange(min = 1, max = 1_000) long bucketNanos,
                                                        @ForAll @IntRange(min = 0, max = 3_000) int meanGap,
                                                        @ForAll long seed) {
        long window = buckets * bucketNanos; // a whole number of buckets
        BucketedWindowStats stats = new BucketedWindowStats(window, buckets);
        assertThat(stats.bucketNanos()).isEqualTo(bucketNanos);
        Random random = new Random(seed);
        double level = random.nextBoolean() ? 0 : 1e6; // far from zero too: the mean must not swamp the spread
        List<long[]> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        long t = random.nextInt(1_000_000) - 500_000;
        for (int i = 0; i < 400; i++) {
            t += meanGap == 0 ? 0 : random.nextInt(2 * meanGap + 1);
            stats.slideTo(t);
            long firstBucket = Math.floorDiv(t - window, bucketNanos) + 1;
            List<Double> covered = new ArrayList<>();
            for (int k = 0; k < values.size(); k++) {
                if (Math.floorDiv(times.get(k)[0], bucketNanos) >= firstBucket) {
                    covered.add(values.get(k));
                }
            }
            assertThat(stats.count()).isEqualTo(covered.size());
            assertThat(stats.retainedBuckets()).isLessThanOrEqualTo(buckets);
            if (!covered.isEmpty()) {
                double mean = covered.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                double squares = covered.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
                double sd = covered.size() < 2 ? 0 : Math.sqrt(squares / (covered.size() - 1));
                double rounding = MEAN_ULPS * Math.ulp(mean);
                assertThat(stats.mean()).isCloseTo(mean, offset(TOLERANCE * Math.abs(mean) + rounding));
                assertThat(stats.stddev()).isCloseTo(sd, offset(TOLERANCE * sd + rounding));
            }
            double v = level + (random.nextInt(50) == 0 ? 1e4 : 1) * random.nextGaussian(); // with glitches
            stats.add(t, v);
            times.add(new long[] {t});
            values.add(v);
        }
    }

    @Test
    void readingsOnTheBucketGridSeeExactlyTheTimeWindow() {
        // 5-minute samples, the default 24 h window: the NAB case, where nothing may move
        ZScoreDetector bucketed = new ZScoreDetector(24 * HOUR, 12, 4);
        Random random = new Random(8);
        List<Double> seen = new ArrayList<>();
        int perWindow = (int) (24 * HOUR / (5 * MINUTE));
        for (int i = 0; i < 2_000; i++) {
            double v = 50 + 10 * Math.sin(i / 100.0) + random.nextGaussian();
            double score = bucketed.update(1_386_000_000_000_000_000L + i * 5 * MINUTE, v);
            // the exact window: readings newer than t - 24 h, i.e. the previous 287
            List<Double> in = seen.subList(Math.max(0, seen.size() - (perWindow - 1)), seen.size());
            if (in.size() >= 2) {
                double mean = in.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                double sd = Math.sqrt(in.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (in.size() - 1));
                assertThat(score).isCloseTo(Math.abs(v - mean) / sd, offset(1e-9));
            }
            seen.add(v);
        }
    }

    @Test
    void aGlitchThatLeavesTheWindowLeavesNoRoundingBehind() {
        BucketedWindowStats stats = new BucketedWindowStats(100, 10);
        stats.add(0, 1e12);
        Random random = new Random(5);
        double[] recent = new double[200];
        for (int i = 1; i <= 200; i++) {
            stats.slideTo(i);
            double v = 20 + 1e-3 * random.nextGaussian();
            stats.add(i, v);
            recent[i - 1] = v;
        }
        stats.slideTo(200); // covers t in [110, 200]: buckets 11..20
        double mean = 0;
        for (int i = 110; i <= 200; i++) {
            mean += recent[i - 1] / 91;
        }
        double squares = 0;
        for (int i = 110; i <= 200; i++) {
            squares += (recent[i - 1] - mean) * (recent[i - 1] - mean);
        }
        assertThat(stats.count()).isEqualTo(91);
        assertThat(stats.mean()).isCloseTo(mean, offset(1e-12));
        assertThat(stats.stddev()).isCloseTo(Math.sqrt(squares / 90), offset(1e-12));
    }

    @Test
    void aGapLongerThanTheWindowEmptiesIt() {
        BucketedWindowStats stats = new BucketedWindowStats(HOUR, 288);
        for (int i = 0; i < 100; i++) {
            stats.add(i * MINUTE, i);
        }
        stats.slideTo(99 * MINUTE + 2 * HOUR);
        assertThat(stats.count()).isZero();
        assertThat(stats.retainedBuckets()).isZero();
        stats.add(99 * MINUTE + 2 * HOUR, 7);
        assertThat(stats.count()).isEqualTo(1);
        assertThat(stats.mean()).isEqualTo(7);
    }
}
