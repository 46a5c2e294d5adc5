package dev.benchwatch.engine.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Edge cases of the four window kinds, each with hand-computed expectations. */
class WindowEdgeCaseTest {
    private static final long S = 1_000_000_000L;

    static Stream<WindowSpec> allKinds() {
        return Stream.of(
                WindowSpec.slidingTime("sliding", "ch", Duration.ofSeconds(10)),
                WindowSpec.count("count", "ch", 5),
                WindowSpec.tumblingTime("tumbling", "ch", Duration.ofSeconds(10)),
                WindowSpec.session("session", "ch", Duration.ofSeconds(10)));
    }

    static Stream<WindowSpec> continuousKinds() {
        return Stream.of(
                WindowSpec.slidingTime("sliding", "ch", Duration.ofSeconds(10)),
                WindowSpec.count("count", "ch", 5));
    }

    // ------------------------------------------------------------------ empty and single

    @ParameterizedTest
    @MethodSource("allKinds")
    void emptyWindowHasZeroCountAndSumAndNaNElsewhere(WindowSpec spec) {
        Window window = Window.create(spec, 3);
        assertThat(window.id()).isEqualTo(spec.id());
        assertThat(window.channel()).isEqualTo(3);
        assertThat(window.spec()).isSameAs(spec);
        assertEmpty(window.current().stats(), spec.id());
        for (Stat stat : Stat.values()) {
            assertEmptyStat(stat, window.value(stat), spec.id());
        }
        assertThat(window.current().count()).isZero();
        assertThat(window.current().windowId()).isEqualTo(spec.id());
        assertThat(window.current().channel()).isEqualTo(3);
    }

    @ParameterizedTest
    @MethodSource("continuousKinds")
    void singleReading(WindowSpec spec) {
        Window window = Window.create(spec, 1);
        assertThat(window.add(42 * S, -3.25)).isNull();
        assertThat(window.value(Stat.COUNT)).isEqualTo(1);
        assertThat(window.value(Stat.SUM)).isEqualTo(-3.25);
        assertThat(window.value(Stat.MEAN)).isEqualTo(-3.25);
        assertThat(window.value(Stat.MIN)).isEqualTo(-3.25);
        assertThat(window.value(Stat.MAX)).isEqualTo(-3.25);
        assertThat(window.value(Stat.FIRST)).isEqualTo(-3.25);
        assertThat(window.value(Stat.LAST)).isEqualTo(-3.25);
        assertThat(window.value(Stat.STDDEV)).as("stddev of one reading").isEqualTo(0.0);
        assertThat(window.value(Stat.RATE_OF_CHANGE)).as("rate over a zero span").isNaN();
        assertThat(window.value(Stat.TIME_SPAN)).isEqualTo(0.0);
        WindowResult current = window.current();
        assertThat(current.startNanos()).isEqualTo(42 * S);
        assertThat(current.endNanos()).isEqualTo(42 * S);
        assertThat(current.count()).isEqualTo(1);
    }

    @Test
    void singleReadingDoesNotCloseATumblingBucketOrSession() {
        TumblingTimeWindow tumbling = (TumblingTimeWindow) Window.create(
                WindowSpec.tumblingTime("t", "ch", Duration.ofSeconds(10)), 1);
        SessionWindow session = (SessionWindow) Window.create(WindowSpec.session("s", "ch", Duration.ofSeconds(1)), 1);
        assertThat(tumbling.add(5 * S, 7.5)).isNull();
        assertThat(session.add(5 * S, 7.5)).isNull();
        assertThat(tumbling.hasClosedBucket()).isFalse();
        assertEmpty(tumbling.current().stats(), "tumbling");
        assertEmpty(session.current().stats(), "session");
        assertThat(tumbling.openBucket().count()).isEqualTo(1);
        assertThat(tumbling.openBucket().get(Stat.MEAN)).isEqualTo(7.5);
        assertThat(tumbling.openBucket().get(Stat.STDDEV)).isEqualTo(0.0);
        assertThat(tumbling.openBucket().get(Stat.RATE_OF_CHANGE)).isNaN();
        assertThat(session.openSession().count()).isEqualTo(1);
        assertThat(session.openSession().get(Stat.LAST)).isEqualTo(7.5);
        assertThat(tumbling.isContinuous()).isFalse();
        assertThat(session.isContinuous()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("continuousKinds")
    void twoReadingsGiveSampleStddevAndRate(WindowSpec spec) {
        Window window = Window.create(spec, 1);
        window.add(1 * S, 10);
        window.add(3 * S, 14);
        // sample stddev of {10, 14}: sqrt(((10-12)^2 + (14-12)^2) / 1) = sqrt(8)
        assertThat(window.value(Stat.STDDEV)).isCloseTo(Math.sqrt(8), within(1e-12));
        assertThat(window.value(Stat.RATE_OF_CHANGE)).isEqualTo(2.0); // (14 - 10) / 2 s
        assertThat(window.value(Stat.TIME_SPAN)).isEqualTo(2.0);
        assertThat(window.value(Stat.MEAN)).isEqualTo(12.0);
        assertThat(window.value(Stat.SUM)).isEqualTo(24.0);
    }

    @ParameterizedTest
    @MethodSource("continuousKinds")
    void readingsSharingOneTimestampHaveNaNRateAndZeroSpan(WindowSpec spec) {
        Window window = Window.create(spec, 1);
        window.add(7 * S, 1);
        window.add(7 * S, 5);
        window.add(7 * S, 3);
        assertThat(window.value(Stat.RATE_OF_CHANGE)).isNaN();
        assertThat(window.value(Stat.TIME_SPAN)).isEqualTo(0.0);
        assertThat(window.value(Stat.FIRST)).isEqualTo(1.0);
        assertThat(window.value(Stat.LAST)).isEqualTo(3.0);
        assertThat(window.value(Stat.STDDEV)).isCloseTo(2.0, within(1e-12));
    }

    // ------------------------------------------------------------------ boundaries

    @Test
    void slidingWindowHoldsReadingsInNewestMinusSizeExclusiveToNewestInclusive() {
        Window window = Window.create(WindowSpec.slidingTime("s", "ch", Duration.ofNanos(10)), 1);
        window.add(100, 1);
        window.add(105, 2);
        window.add(110, 3); // 100 is exactly size behind: (110 - 10, 110] excludes it
        assertThat(window.value(Stat.COUNT)).isEqualTo(2);
        assertThat(window.value(Stat.FIRST)).isEqualTo(2);
        window.add(114, 4); // 105 is 9 behind: kept
        assertThat(window.value(Stat.COUNT)).isEqualTo(3);
        assertThat(window.value(Stat.FIRST)).isEqualTo(2);
        window.add(1_000, 5); // a silence longer than the window leaves only the new reading
        assertThat(window.value(Stat.COUNT)).isEqualTo(1);
        assertThat(window.value(Stat.MIN)).isEqualTo(5);
        assertThat(window.value(Stat.MAX)).isEqualTo(5);
        assertThat(window.value(Stat.SUM)).isEqualTo(5);
        assertThat(window.value(Stat.STDDEV)).isEqualTo(0.0);
    }

    @Test
    void countWindowOfOneHoldsOnlyTheLastReading() {
        Window window = Window.create(WindowSpec.count("c", "ch", 1), 1);
        double[] values = {3, -1e9, 0.1, 0.1, 1e6 + 0.3, 7};
        for (int i = 0; i < values.length; i++) {
            window.add(i * S, values[i]);
            assertThat(window.value(Stat.COUNT)).isEqualTo(1);
            for (Stat stat : List.of(Stat.MIN, Stat.MAX, Stat.FIRST, Stat.LAST)) {
                assertThat(window.value(stat)).as("%s after reading %d", stat, i).isEqualTo(values[i]);
            }
            assertThat(window.value(Stat.STDDEV)).isEqualTo(0.0);
            assertThat(window.value(Stat.TIME_SPAN)).isEqualTo(0.0);
        }
    }

    /**
     * A count window of one reading must report that reading's value as its sum and mean, whatever came
     * before. Regression: subtracting an evicted 1e9 left the sum at 1e9 + 0.1 - 1e9 = 0.10000002384
     * until the next periodic recompute (fixed in 69148e8 by recomputing when the error bound trips).
     */
    @Test
    void countWindowOfOneSumIsTheLastReadingAfterAGlitch() {
        Window window = Window.create(WindowSpec.count("c", "ch", 1), 1);
        window.add(0, 1e9);
        window.add(1, 0.1);
        assertThat(window.value(Stat.SUM)).as("sum of {0.1}").isCloseTo(0.1, within(1e-9 * 0.1));
        assertThat(window.value(Stat.MEAN)).as("mean of {0.1}").isCloseTo(0.1, within(1e-9 * 0.1));
    }

    @Test
    void tumblingBucketsAlignToTheEpochAlsoForNegativeTimestamps() {
        Window window = Window.create(WindowSpec.tumblingTime("t", "ch", Duration.ofNanos(10)), 2);
        assertThat(window.add(-15, 1)).isNull(); // bucket [-20, -10)
        assertThat(window.add(-11, 3)).isNull();
        WindowResult closed = window.add(-10, 100); // first reading of bucket [-10, 0)
        assertThat(closed).isNotNull();
        assertThat(closed.startNanos()).isEqualTo(-20);
        assertThat(closed.endNanos()).isEqualTo(-10);
        assertThat(closed.count()).isEqualTo(2);
        assertThat(closed.get(Stat.MEAN)).isEqualTo(2.0);
        assertThat(closed.get(Stat.TIME_SPAN)).isEqualTo(4e-9);
        assertThat(closed.get(Stat.RATE_OF_CHANGE)).isCloseTo(2 / 4e-9, within(1e-3));
        assertThat(closed.channel()).isEqualTo(2);
        assertThat(closed.windowId()).isEqualTo("t");
        assertThat(window.add(-1, 200)).isNull(); // same bucket [-10, 0)
        assertThat(window.value(Stat.SUM)).as("still the closed bucket").isEqualTo(4.0);
        WindowResult second = window.add(0, 0); // 0 starts bucket [0, 10)
        assertThat(second.startNanos()).isEqualTo(-10);
        assertThat(second.get(Stat.SUM)).isEqualTo(300.0);
        assertThat(window.value(Stat.SUM)).isEqualTo(300.0);
        assertThat(window.current().startNanos()).isEqualTo(-10);
        assertThat(window.current().endNanos()).isEqualTo(0);
    }

    @Test
    void tumblingWindowSkipsEmptyBucketsAndReportsTheLastNonEmptyOne() {
        Window window = Window.create(WindowSpec.tumblingTime("t", "ch", Duration.ofSeconds(1)), 1);
        window.add(0, 5);
        window.add(S - 1, 7); // last nanosecond of bucket 0
        WindowResult closed = window.add(5 * S + 3, 1); // buckets 1..4 are empty
        assertThat(closed.startNanos()).isZero();
        assertThat(closed.endNanos()).isEqualTo(S);
        assertThat(closed.get(Stat.MIN)).isEqualTo(5.0);
        assertThat(closed.get(Stat.MAX)).isEqualTo(7.0);
        assertThat(window.value(Stat.COUNT)).isEqualTo(2);
        WindowResult next = window.add(6 * S, 2);
        assertThat(next.startNanos()).isEqualTo(5 * S);
        assertThat(next.count()).isEqualTo(1);
        assertThat(next.get(Stat.STDDEV)).isEqualTo(0.0);
        assertThat(next.get(Stat.RATE_OF_CHANGE)).isNaN();
    }

    @Test
    void closedResultsAreCopiesNotViewsOfTheWindow() {
        Window window = Window.create(WindowSpec.tumblingTime("t", "ch", Duration.ofSeconds(1)), 1);
        window.add(0, 5);
        WindowResult closed = window.add(S, 6);
        closed.stats()[Stat.MEAN.ordinal()] = -1;
        window.current().stats()[Stat.MEAN.ordinal()] = -1;
        assertThat(window.value(Stat.MEAN)).isEqualTo(5.0);
        WindowResult next = window.add(2 * S, 7);
        assertThat(closed.get(Stat.LAST)).as("an emitted result never changes").isEqualTo(5.0);
        assertThat(next.get(Stat.LAST)).isEqualTo(6.0);
    }

    @Test
    void sessionClosesOnlyOnAGapLongerThanTheGap() {
        Window window = Window.create(WindowSpec.session("s", "ch", Duration.ofNanos(10)), 1);
        assertThat(window.add(100, 1)).isNull();
        assertThat(window.add(110, 2)).as("a gap of exactly `gap` keeps the session").isNull();
        assertThat(window.add(110, 3)).isNull();
        WindowResult closed = window.add(121, 4); // 11 > 10
        assertThat(closed).isNotNull();
        assertThat(closed.startNanos()).isEqualTo(100);
        assertThat(closed.endNanos()).isEqualTo(110);
        assertThat(closed.count()).isEqualTo(3);
        assertThat(closed.get(Stat.SUM)).isEqualTo(6.0);
        assertThat(closed.get(Stat.FIRST)).isEqualTo(1.0);
        assertThat(closed.get(Stat.LAST)).isEqualTo(3.0);
        assertThat(closed.get(Stat.TIME_SPAN)).isEqualTo(1e-8);
        assertThat(window.value(Stat.COUNT)).isEqualTo(3);
        WindowResult single = window.add(1_000, 5);
        assertThat(single.count()).as("a session of one reading").isEqualTo(1);
        assertThat(single.startNanos()).isEqualTo(121);
        assertThat(single.endNanos()).isEqualTo(121);
        assertThat(single.get(Stat.STDDEV)).isEqualTo(0.0);
        assertThat(single.get(Stat.RATE_OF_CHANGE)).isNaN();
        assertThat(window.current().startNanos()).isEqualTo(121);
        assertThat(((SessionWindow) window).openSession().get(Stat.FIRST)).isEqualTo(5.0);
    }

    // ------------------------------------------------------------------ equal values and precision

    @ParameterizedTest
    @MethodSource("allKinds")
    void allEqualValuesHaveExactlyZeroStddev(WindowSpec spec) {
        Window window = Window.create(spec, 1);
        for (double v : new double[] {0.1, 1e6 + 0.1, -123.456, 1.0 / 3}) {
            window = Window.create(spec, 1);
            for (int i = 0; i < 5_000; i++) {
                // 10 ms apart with a 20 s pause after every 1,000: buckets and sessions close
                window.add(i * (S / 100) + (i / 1_000) * 20 * S, v);
                if (window.isContinuous() || window.value(Stat.COUNT) > 0) {
                    assertThat(window.value(Stat.STDDEV)).as("stddev of %s x %s", v, spec.id()).isEqualTo(0.0);
                    assertThat(window.value(Stat.MIN)).isEqualTo(v);
                    assertThat(window.value(Stat.MAX)).isEqualTo(v);
                    assertThat(window.value(Stat.MEAN)).isCloseTo(v, within(1e-9 * Math.abs(v)));
                }
            }
        }
        assertThat(window.value(Stat.COUNT)).isPositive();
    }

    /**
     * After the readings that differed have left the window, a constant signal must have a stddev that is
     * 0 or tiny (within 1e-9 of the values' magnitude) at every step, not only after the next recompute.
     */
    @ParameterizedTest
    @MethodSource("continuousKinds")
    void constantSignalAfterVaryingReadingsHasTinyStddev(WindowSpec spec) {
        Window window = Window.create(spec, 1);
        Random random = new Random(7);
        long t = 0;
        for (int i = 0; i < 200; i++) {
            window.add(t, 20 + random.nextDouble());
            t += S / 10;
        }
        for (int i = 0; i < 1_000; i++) {
            window.add(t, 20.1);
            t += S / 10;
            if (i >= 200) { // only 20.1 left in either window
                assertThat(window.value(Stat.STDDEV)).as("stddev after %d constant readings", i)
                        .isLessThanOrEqualTo(1e-9 * 20.1);
                assertThat(window.value(Stat.MEAN)).isCloseTo(20.1, within(1e-9 * 20.1));
            }
        }
    }

    /**
     * A single glitch (1e9 on a signal around 20) must stop affecting a window's statistics once it has
     * left the window. Regression, found by {@link WindowStatisticsPropertyTest}: SlidingStats removes an
     * evicted reading by subtracting it (reverse Welford), which cancels catastrophically when the evicted
     * reading dominated the window; STDDEV came out as 0.0 for a true 0.25 until the next periodic
     * recompute, up to a whole window length later (fixed in 69148e8).
     */
    @ParameterizedTest
    @MethodSource("glitchPositions")
    void aGlitchThatLeftTheWindowLeavesNoTrace(int glitchAt) {
        int n = 100;
        Window window = Window.create(WindowSpec.count("c", "ch", n), 1);
        ArrayDeque<Double> contents = new ArrayDeque<>();
        Random random = new Random(42);
        for (int i = 0; i < glitchAt + 3 * n; i++) {
            double v = i == glitchAt ? 1e9 : 20.1 + random.nextDouble();
            window.add(i * S, v);
            contents.addLast(v);
            if (contents.size() > n) {
                contents.removeFirst();
            }
            if (i >= glitchAt + n) { // the glitch has left the window
                double[] values = contents.stream().mapToDouble(Double::doubleValue).toArray();
                double mean = Arrays.stream(values).sum() / values.length;
                double squares = Arrays.stream(values).map(x -> (x - mean) * (x - mean)).sum();
                double stddev = Math.sqrt(squares / (values.length - 1));
                double scale = Arrays.stream(values).map(Math::abs).average().orElseThrow();
                assertThat(window.value(Stat.STDDEV)).as("stddev %d readings after the glitch", i - glitchAt)
                        .isCloseTo(stddev, within(1e-9 * scale));
                assertThat(window.value(Stat.MEAN)).as("mean %d readings after the glitch", i - glitchAt)
                        .isCloseTo(mean, within(1e-9 * scale));
                assertThat(window.value(Stat.SUM)).as("sum %d readings after the glitch", i - glitchAt)
                        .isCloseTo(mean * n, within(1e-9 * mean * n));
            }
        }
    }

    static Stream<Integer> glitchPositions() {
        return Stream.of(0, 20, 50, 150);
    }

    // ------------------------------------------------------------------ min/max deques

    /** Duplicates of the minimum and maximum must survive the eviction of an earlier equal reading. */
    @Test
    void minAndMaxWithDuplicatesUnderEviction() {
        double[] values = {3, 1, 1, 2, 1, 3, 3, 0, 3, 3, 3, 0, 0, -1, 5, 5, -1, -1, 5, 2, 2, 2, 2};
        for (int n = 1; n <= 5; n++) {
            Window count = Window.create(WindowSpec.count("c", "ch", n), 1);
            Window sliding = Window.create(WindowSpec.slidingTime("s", "ch", Duration.ofNanos(n)), 1);
            for (int i = 0; i < values.length; i++) {
                count.add(i, values[i]);
                sliding.add(i, values[i]); // one reading per ns: the same last n readings
                double[] last = Arrays.copyOfRange(values, Math.max(0, i - n + 1), i + 1);
                double min = Arrays.stream(last).min().orElseThrow();
                double max = Arrays.stream(last).max().orElseThrow();
                for (Window window : List.of(count, sliding)) {
                    assertThat(window.value(Stat.MIN)).as("min of %s (%s) at %d", Arrays.toString(last),
                            window.id(), i).isEqualTo(min);
                    assertThat(window.value(Stat.MAX)).as("max of %s (%s) at %d", Arrays.toString(last),
                            window.id(), i).isEqualTo(max);
                    assertThat(window.value(Stat.COUNT)).isEqualTo(last.length);
                }
            }
        }
    }

    /** A falling ramp keeps every reading in the max deque; a rising one in the min deque. */
    @Test
    void monotonicRampsFillTheDequesAndEvictCorrectly() {
        Window falling = Window.create(WindowSpec.count("f", "ch", 1_000), 1);
        Window rising = Window.create(WindowSpec.count("r", "ch", 1_000), 1);
        for (int i = 0; i < 5_000; i++) {
            falling.add(i, -i);
            rising.add(i, i);
            int oldest = Math.max(0, i - 999);
            assertThat(falling.value(Stat.MAX)).isEqualTo(-oldest);
            assertThat(falling.value(Stat.MIN)).isEqualTo(-i);
            assertThat(rising.value(Stat.MIN)).isEqualTo(oldest);
            assertThat(rising.value(Stat.MAX)).isEqualTo(i);
        }
    }

    // ------------------------------------------------------------------ ring growth

    @Test
    void slidingWindowRingGrowsBeyondItsInitialCapacityAndKeepsOrder() {
        SlidingTimeWindow window = (SlidingTimeWindow) Window.create(
                WindowSpec.slidingTime("s", "ch", Duration.ofSeconds(100)), 1);
        int initial = window.stats().capacity();
        assertThat(initial).isEqualTo(64);
        // wrap the ring first so that growth has to unwrap head..tail
        long t = 0;
        for (int i = 0; i < 50; i++) {
            window.add(t++, i);
        }
        window.add(t + 100 * S, 1000); // empties the window: the next readings start mid-ring
        t += 100 * S + 1;
        for (int i = 0; i < 10_000; i++) {
            window.add(t + i, (i * 7919) % 10_007);
            if (i % 997 == 0 || i == 9_999) {
                assertThat(window.value(Stat.COUNT)).isEqualTo(i + 2);
                assertThat(window.value(Stat.FIRST)).isEqualTo(1000.0);
                assertThat(window.value(Stat.LAST)).isEqualTo((i * 7919) % 10_007);
                assertThat(window.value(Stat.MAX)).isEqualTo(Math.max(1000.0, maxOf(i)));
            }
        }
        assertThat(window.stats().capacity()).isGreaterThanOrEqualTo(10_001).isLessThanOrEqualTo(16_384);
        // drain by time: everything but the last 10 readings leaves, in order
        window.add(t + 9_999 + 100 * S - 10, -1);
        assertThat(window.value(Stat.COUNT)).isEqualTo(11);
        assertThat(window.value(Stat.FIRST)).isEqualTo((9_990 * 7919) % 10_007);
        assertThat(window.value(Stat.MIN)).isEqualTo(-1.0);
    }

    private static double maxOf(int last) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= last; i++) {
            max = Math.max(max, (i * 7919) % 10_007);
        }
        return max;
    }

    private static void assertEmpty(double[] stats, String what) {
        for (Stat stat : Stat.values()) {
            assertEmptyStat(stat, stats[stat.ordinal()], what);
        }
    }

    private static void assertEmptyStat(Stat stat, double actual, String what) {
        if (stat == Stat.COUNT || stat == Stat.SUM) {
            assertThat(actual).as("%s of empty %s", stat, what).isEqualTo(0.0);
        } else {
            assertThat(actual).as("%s of empty %s", stat, what).isNaN();
        }
    }
}
