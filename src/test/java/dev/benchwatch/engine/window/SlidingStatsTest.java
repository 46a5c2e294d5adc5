package dev.benchwatch.engine.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayDeque;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ring, the growth and the min/max deques of {@link SlidingStats}, driven directly with adds and
 * evictions in any order (including emptying it completely and filling it again).
 */
class SlidingStatsTest {

    @ParameterizedTest
    @CsvSource({"0, 16", "1, 16", "2, 16", "16, 16", "17, 32", "64, 64", "65, 128", "1000, 1024", "1025, 2048"})
    void initialCapacityIsAPowerOfTwoOfAtLeast16(int requested, int expected) {
        assertThat(new SlidingStats(requested).capacity()).isEqualTo(expected);
    }

    @Test
    void emptyStatsAreZeroCountAndSumAndNaNElsewhere() {
        SlidingStats stats = new SlidingStats(4);
        assertThat(stats.count()).isZero();
        assertThat(stats.get(Stat.COUNT)).isZero();
        assertThat(stats.get(Stat.SUM)).isZero();
        for (Stat stat : List.of(Stat.MEAN, Stat.MIN, Stat.MAX, Stat.STDDEV, Stat.FIRST, Stat.LAST,
                Stat.RATE_OF_CHANGE, Stat.TIME_SPAN)) {
            assertThat(stats.get(stat)).as(stat.key()).isNaN();
        }
    }

    @Test
    void emptyingCompletelyAndRefillingStartsFresh() {
        SlidingStats stats = new SlidingStats(16);
        for (int i = 0; i < 10; i++) {
            stats.add(i, 100 + i);
        }
        for (int i = 0; i < 10; i++) {
            stats.evictOldest();
        }
        assertThat(stats.count()).isZero();
        assertThat(stats.get(Stat.SUM)).isZero();
        assertThat(stats.get(Stat.MIN)).isNaN();
        stats.add(50, -2);
        stats.add(51, -4);
        assertThat(stats.get(Stat.MIN)).isEqualTo(-4);
        assertThat(stats.get(Stat.MAX)).isEqualTo(-2);
        assertThat(stats.get(Stat.SUM)).isEqualTo(-6);
        assertThat(stats.get(Stat.MEAN)).isEqualTo(-3);
        assertThat(stats.get(Stat.STDDEV)).isCloseTo(Math.sqrt(2), within(1e-12));
        assertThat(stats.oldestTimestamp()).isEqualTo(50);
        assertThat(stats.newestTimestamp()).isEqualTo(51);
    }

    @Test
    void evictUpToIsInclusiveOfTheCutoff() {
        SlidingStats stats = new SlidingStats(16);
        stats.add(10, 1);
        stats.add(20, 2);
        stats.add(20, 3);
        stats.add(30, 4);
        stats.evictUpTo(19);
        assertThat(stats.count()).isEqualTo(3);
        stats.evictUpTo(20);
        assertThat(stats.count()).isEqualTo(1);
        assertThat(stats.get(Stat.FIRST)).isEqualTo(4);
        stats.evictUpTo(Long.MAX_VALUE);
        assertThat(stats.count()).isZero();
        stats.evictUpTo(Long.MAX_VALUE); // harmless on an empty window
        assertThat(stats.count()).isZero();
    }

    /** Growth while head..tail wraps around the end of the ring must keep order and the deques. */
    @Test
    void growthWhileWrappedKeepsOrderAndDeques() {
        SlidingStats stats = new SlidingStats(16);
        long seq = 0;
        for (int i = 0; i < 13; i++) {
            stats.add(seq++, 0);
        }
        for (int i = 0; i < 13; i++) {
            stats.evictOldest(); // head is now at slot 13
        }
        ArrayDeque<Double> model = new ArrayDeque<>();
        // a falling ramp: every reading sits in the max deque when the ring grows (twice)
        for (int i = 0; i < 40; i++) {
            double v = 1000 - i + (i % 3 == 0 ? 0.5 : 0);
            stats.add(seq++, v);
            model.addLast(v);
        }
        assertThat(stats.capacity()).isEqualTo(64);
        while (!model.isEmpty()) {
            assertThat(stats.count()).isEqualTo(model.size());
            assertThat(stats.get(Stat.FIRST)).isEqualTo(model.peekFirst());
            assertThat(stats.get(Stat.LAST)).isEqualTo(model.peekLast());
            assertThat(stats.get(Stat.MAX)).isEqualTo(model.stream().mapToDouble(d -> d).max().orElseThrow());
            assertThat(stats.get(Stat.MIN)).isEqualTo(model.stream().mapToDouble(d -> d).min().orElseThrow());
            stats.evictOldest();
            model.removeFirst();
        }
    }

    // ------------------------------------------------------------------ any sequence of operations

    enum Kind { ADD, EVICT_OLDEST, EVICT_UP_TO }

    /** ADD: a reading {@code gap} ns after the newest; EVICT_UP_TO: cutoff {@code gap} ns before the newest. */
    record Op(Kind kind, long gap, int value) {
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(
                Tuple.of(12, Kind.ADD), Tuple.of(4, Kind.EVICT_OLDEST), Tuple.of(1, Kind.EVICT_UP_TO));
        Arbitrary<Long> gaps = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(0L)), Tuple.of(5, Arbitraries.longs().between(1, 5)),
                Tuple.of(1, Arbitraries.longs().between(5, 200)));
        return Combinators.combine(kinds, gaps, Arbitraries.integers().between(-3, 3)).as(Op::new)
                .list().ofMaxSize(700);
    }

    /**
     * Structure, not rounding: values are small integers, so SUM is exact and MEAN and STDDEV are compared
     * to 1e-6 (the rounding properties are in {@link WindowStatisticsPropertyTest}).
     */
    @Property(tries = 300)
    void anySequenceOfAddsAndEvictionsMatchesADeque(@ForAll("operations") List<Op> ops,
                                                    @ForAll @IntRange(min = 1, max = 40) int initialCapacity) {
        SlidingStats stats = new SlidingStats(initialCapacity);
        ArrayDeque<long[]> model = new ArrayDeque<>(); // {timestamp, value}
        long newest = 0;
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            switch (op.kind()) {
                case ADD -> {
                    newest += op.gap();
                    stats.add(newest, op.value());
                    model.addLast(new long[] {newest, op.value()});
                }
                case EVICT_OLDEST -> {
                    if (!model.isEmpty()) {
                        stats.evictOldest();
                        model.removeFirst();
                    }
                }
                case EVICT_UP_TO -> {
                    long cutoff = newest - op.gap();
                    stats.evictUpTo(cutoff);
                    while (!model.isEmpty() && model.peekFirst()[0] <= cutoff) {
                        model.removeFirst();
                    }
                }
            }
            String where = "after op #" + i + " " + op;
            assertThat(stats.count()).as(where).isEqualTo(model.size());
            assertThat(Integer.bitCount(stats.capacity())).isEqualTo(1);
            assertThat(stats.capacity()).as(where).isGreaterThanOrEqualTo(model.size());
            if (model.isEmpty()) {
                assertThat(stats.get(Stat.SUM)).as(where).isZero();
                assertThat(stats.get(Stat.MEAN)).as(where).isNaN();
                continue;
            }
            long sum = 0;
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (long[] r : model) {
                sum += r[1];
                min = Math.min(min, r[1]);
                max = Math.max(max, r[1]);
            }
            double mean = (double) sum / model.size();
            double squares = 0;
            for (long[] r : model) {
                squares += (r[1] - mean) * (r[1] - mean);
            }
            long[] first = model.peekFirst();
            long[] last = model.peekLast();
            assertThat(stats.get(Stat.SUM)).as(where).isEqualTo((double) sum);
            assertThat(stats.get(Stat.MEAN)).as(where).isCloseTo(mean, within(1e-6));
            assertThat(stats.get(Stat.STDDEV)).as(where)
                    .isCloseTo(model.size() < 2 ? 0 : Math.sqrt(squares / (model.size() - 1)), within(1e-6));
            assertThat(stats.get(Stat.MIN)).as(where).isEqualTo((double) min);
            assertThat(stats.get(Stat.MAX)).as(where).isEqualTo((double) max);
            assertThat(stats.get(Stat.FIRST)).as(where).isEqualTo((double) first[1]);
            assertThat(stats.get(Stat.LAST)).as(where).isEqualTo((double) last[1]);
            assertThat(stats.oldestTimestamp()).as(where).isEqualTo(first[0]);
            assertThat(stats.newestTimestamp()).as(where).isEqualTo(last[0]);
            assertThat(stats.get(Stat.TIME_SPAN)).as(where).isEqualTo((last[0] - first[0]) / 1e9);
            if (last[0] == first[0]) {
                assertThat(stats.get(Stat.RATE_OF_CHANGE)).as(where).isNaN();
            } else {
                assertThat(stats.get(Stat.RATE_OF_CHANGE)).as(where)
                        .isCloseTo((last[1] - first[1]) / ((last[0] - first[0]) / 1e9), within(1e-3));
            }
            double[] copy = new double[Stat.values().length];
            stats.copyTo(copy);
            assertThat(copy[Stat.COUNT.ordinal()]).isEqualTo(model.size());
            assertThat(copy[Stat.MIN.ordinal()]).isEqualTo((double) min);
        }
    }
}
