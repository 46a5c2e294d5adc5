package dev.benchwatch.engine.window;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Supplier;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.statistics.Statistics;

/**
 * Every window's statistics against a naive recomputation over the window's contents, after every reading
 * of long generated sequences (up to 6,000 readings: enough to cross the periodic exact recompute of
 * {@link SlidingStats} many times and to grow its ring from 64 to 8,192 slots).
 *
 * <h2>Tolerance ("1e-9 relative")</h2>
 * <ul>
 *   <li>COUNT, MIN, MAX, FIRST, LAST select a stored reading: they must be exactly equal.</li>
 *   <li>TIME_SPAN and RATE_OF_CHANGE are one or two operations on stored readings:
 *       {@code |actual - expected| <= 1e-9 * |expected|}.</li>
 *   <li>SUM, MEAN, STDDEV accumulate rounding error, and that error is proportional to the magnitude of the
 *       readings, not of the result: the sum of 1e6 and -1e6 + 1e-3 cannot be known to 1e-9 of 1e-3. So
 *       they are held to {@code |actual - expected| <= 1e-9 * max(|expected|, scale)} where {@code scale}
 *       is the mean absolute value of the readings <em>currently in the window</em> (not of readings
 *       that were in it earlier).</li>
 *   <li>An undefined expected value (NaN) requires NaN.</li>
 * </ul>
 * The naive recomputation uses a compensated (Neumaier) sum and a two-pass variance, so its own error is
 * far below the tolerance.
 *
 * <p>Timestamps are nondecreasing with random gaps (many equal timestamps, bursts, long silences), starting
 * anywhere in [-1e15, 1e15] ns (negative timestamps exercise {@code floorDiv} bucket alignment). Values
 * come in styles: uniform, 1e6 + tiny noise, large negative offsets, a few repeated values, rare huge
 * spikes, level shifts between very different magnitudes, ramps (worst case for the min/max deques) and a
 * per-reading mix of all of them.
 */
class WindowStatisticsPropertyTest {
    static final double REL_TOL = 1e-9;
    static final int CHANNEL = 7;

    // ------------------------------------------------------------------ properties

    @Property(tries = 60)
    void slidingTimeWindowMatchesNaiveRecomputation(@ForAll("scenarios") Scenario scenario,
                                                    @ForAll("sizeUnits") long sizeUnits) {
        long size = sizeUnits * scenario.unit();
        Window window = Window.create(WindowSpec.slidingTime("w", "ch", Duration.ofNanos(size)), CHANNEL);
        assertThat(window instanceof SlidingTimeWindow, "kind");
        assertThat(window.isContinuous(), "sliding windows are continuous");
        List<Reading> readings = scenario.readings();
        Contents contents = new Contents();
        int maxContents = 0;
        for (int i = 0; i < readings.size(); i++) {
            Reading r = readings.get(i);
            assertThat(window.add(r.ts(), r.value()) == null, "a sliding window never closes");
            contents.add(r);
            // contents: readings with ts in (newest - size, newest]
            contents.evictWhile(oldest -> oldest.ts() <= r.ts() - size);
            maxContents = Math.max(maxContents, contents.size());
            int step = i;
            check(window, contents, step, readings.size(),
                    () -> scenario + " size=" + size + "ns, after reading #" + step + " " + r);
        }
        int capacity = ((SlidingTimeWindow) window).stats().capacity();
        assertThat(capacity >= maxContents, "ring capacity " + capacity + " < " + maxContents);
        Statistics.label("ring grew to >= 1024 slots").collect(capacity >= 1024);
        Statistics.label("ring grew to >= 1024 slots").coverage(c -> c.check(true).percentage(p -> p >= 5));
        Statistics.label("window emptied by a silence").collect(maxContents > 1 && contents.size() < maxContents);
    }

    @Property(tries = 60)
    void countWindowMatchesNaiveRecomputation(@ForAll("scenarios") Scenario scenario,
                                              @ForAll("counts") int n) {
        Window window = Window.create(WindowSpec.count("w", "ch", n), CHANNEL);
        assertThat(window instanceof CountWindow, "kind");
        assertThat(window.isContinuous(), "count windows are continuous");
        List<Reading> readings = scenario.readings();
        Contents contents = new Contents();
        for (int i = 0; i < readings.size(); i++) {
            Reading r = readings.get(i);
            assertThat(window.add(r.ts(), r.value()) == null, "a count window never closes");
            contents.add(r);
            contents.evictWhile(oldest -> contents.size() > n);
            int step = i;
            check(window, contents, step, readings.size(),
                    () -> scenario + " n=" + n + ", after reading #" + step + " " + r);
        }
        Statistics.label("evicted more than a whole window").collect(readings.size() > 2 * n);
        Statistics.label("evicted more than a whole window").coverage(c -> c.check(true).percentage(p -> p >= 20));
    }

    @Property(tries = 60)
    void tumblingTimeWindowReportsTheLastClosedBucket(@ForAll("scenarios") Scenario scenario,
                                                      @ForAll("sizeUnits") long sizeUnits) {
        long size = sizeUnits * scenario.unit();
        Window window = Window.create(WindowSpec.tumblingTime("w", "ch", Duration.ofNanos(size)), CHANNEL);
        assertThat(window instanceof TumblingTimeWindow, "kind");
        assertThat(!window.isContinuous(), "tumbling windows are not continuous");
        TumblingTimeWindow tumbling = (TumblingTimeWindow) window;
        List<Reading> readings = scenario.readings();
        List<Reading> open = new ArrayList<>();
        long openBucket = 0;
        double[] lastClosed = Naive.stats(List.of());
        double lastClosedScale = 0;
        long lastClosedStart = 0;
        int closedBuckets = 0;
        for (int i = 0; i < readings.size(); i++) {
            Reading r = readings.get(i);
            int step = i;
            Supplier<String> where = () -> scenario + " size=" + size + "ns, after reading #" + step + " " + r;
            long bucket = Math.floorDiv(r.ts(), size);
            WindowResult result = window.add(r.ts(), r.value());
            if (!open.isEmpty() && bucket > openBucket) {
                // the bucket [openBucket*size, (openBucket+1)*size) closes with this reading
                lastClosed = Naive.stats(open);
                lastClosedScale = Naive.scale(open);
                lastClosedStart = openBucket * size;
                closedBuckets++;
                assertThat(result != null, "add() must return the bucket it closed; " + where.get());
                assertResult(result, lastClosedStart, lastClosedStart + size, lastClosed, lastClosedScale, where);
                open.clear();
            } else {
                assertThat(result == null, "add() closed nothing but returned " + result + "; " + where.get());
            }
            if (open.isEmpty()) {
                openBucket = bucket;
            }
            open.add(r);
            double scale = lastClosedScale;
            for (Stat stat : Stat.values()) {
                assertStat(stat, window.value(stat), lastClosed[stat.ordinal()], scale, where);
            }
            assertThat(tumbling.hasClosedBucket() == (closedBuckets > 0), "hasClosedBucket; " + where.get());
            if (shouldCheckAll(i, open.size(), readings.size())) {
                assertStats("open bucket", tumbling.openBucket(), open, where);
                WindowResult current = window.current();
                for (Stat stat : Stat.values()) {
                    assertStat(stat, current.get(stat), lastClosed[stat.ordinal()], scale, where);
                }
                if (closedBuckets > 0) {
                    assertThat(current.startNanos() == lastClosedStart
                            && current.endNanos() == lastClosedStart + size, "current() bounds; " + where.get());
                }
            }
        }
        Statistics.label("buckets closed").collect(closedBuckets == 0 ? "0" : closedBuckets < 10 ? "1-9" : "10+");
        Statistics.label("buckets closed").coverage(c -> c.check("10+").percentage(p -> p >= 20));
    }

    @Property(tries = 60)
    void sessionWindowReportsTheLastClosedSession(@ForAll("scenarios") Scenario scenario,
                                                  @ForAll("gapUnits") long gapUnits) {
        long gap = gapUnits * scenario.unit();
        Window window = Window.create(WindowSpec.session("w", "ch", Duration.ofNanos(gap)), CHANNEL);
        assertThat(window instanceof SessionWindow, "kind");
        assertThat(!window.isContinuous(), "session windows are not continuous");
        SessionWindow session = (SessionWindow) window;
        List<Reading> readings = scenario.readings();
        List<Reading> open = new ArrayList<>();
        double[] lastClosed = Naive.stats(List.of());
        double lastClosedScale = 0;
        long lastStart = 0;
        long lastEnd = 0;
        int closedSessions = 0;
        for (int i = 0; i < readings.size(); i++) {
            Reading r = readings.get(i);
            int step = i;
            Supplier<String> where = () -> scenario + " gap=" + gap + "ns, after reading #" + step + " " + r;
            WindowResult result = window.add(r.ts(), r.value());
            if (!open.isEmpty() && r.ts() - open.get(open.size() - 1).ts() > gap) {
                lastClosed = Naive.stats(open);
                lastClosedScale = Naive.scale(open);
                lastStart = open.get(0).ts();
                lastEnd = open.get(open.size() - 1).ts();
                closedSessions++;
                assertThat(result != null, "add() must return the session it closed; " + where.get());
                assertResult(result, lastStart, lastEnd, lastClosed, lastClosedScale, where);
                open.clear();
            } else {
                assertThat(result == null, "add() closed nothing but returned " + result + "; " + where.get());
            }
            open.add(r);
            for (Stat stat : Stat.values()) {
                assertStat(stat, window.value(stat), lastClosed[stat.ordinal()], lastClosedScale, where);
            }
            if (shouldCheckAll(i, open.size(), readings.size())) {
                assertStats("open session", session.openSession(), open, where);
                WindowResult current = window.current();
                for (Stat stat : Stat.values()) {
                    assertStat(stat, current.get(stat), lastClosed[stat.ordinal()], lastClosedScale, where);
                }
                if (closedSessions > 0) {
                    assertThat(current.startNanos() == lastStart && current.endNanos() == lastEnd,
                            "current() bounds; " + where.get());
                }
            }
        }
        Statistics.label("sessions closed").collect(closedSessions == 0 ? "0" : closedSessions < 10 ? "1-9" : "10+");
        Statistics.label("sessions closed").coverage(c -> c.check("10+").percentage(p -> p >= 10));
    }

    // ------------------------------------------------------------------ generators

    enum GapStyle {
        /** Half the readings share the previous timestamp. */
        EQUAL_HEAVY,
        /** One unit apart, now and then equal. */
        REGULAR,
        /** 0 to 100 units. */
        JITTER,
        /** Bursts of equal timestamps, short gaps, rare long silences that empty windows and close sessions. */
        BURSTS
    }

    enum ValueStyle { UNIFORM, LARGE_OFFSET_NOISE, NEGATIVE_OFFSET, REPEATED, SPIKES, LEVEL_SHIFT, RAMP_DOWN, RAMP_UP, MIXED }

    record Reading(long ts, double value) {
    }

    /** A reproducible sequence of readings: jqwik shrinks its length and styles; the seed fixes the rest. */
    record Scenario(long start, long unit, GapStyle gaps, ValueStyle values, int length, long seed) {
        List<Reading> readings() {
            SplittableRandom random = new SplittableRandom(seed);
            List<Reading> readings = new ArrayList<>(length);
            long ts = start;
            double level = switch (random.nextInt(3)) {
                case 0 -> 0;
                case 1 -> 1e6;
                default -> -1e6;
            };
            for (int i = 0; i < length; i++) {
                if (i > 0) {
                    ts += gap(random) * unit;
                }
                ValueStyle style = values == ValueStyle.MIXED
                        ? ValueStyle.values()[random.nextInt(ValueStyle.values().length - 1)] : values;
                if (style == ValueStyle.LEVEL_SHIFT && random.nextInt(200) == 0) {
                    double[] levels = {0, 1e6, -1e6, 1e3, 1e9};
                    level = levels[random.nextInt(levels.length)];
                }
                readings.add(new Reading(ts, value(style, i, level, random)));
            }
            return readings;
        }

        private long gap(SplittableRandom random) {
            return switch (gaps) {
                case EQUAL_HEAVY -> random.nextBoolean() ? 0 : random.nextLong(1, 4);
                case REGULAR -> random.nextInt(20) == 0 ? 0 : 1;
                case JITTER -> random.nextLong(0, 101);
                case BURSTS -> {
                    int dice = random.nextInt(100);
                    yield dice < 70 ? 0 : dice < 98 ? random.nextLong(1, 11) : random.nextLong(1_000, 100_001);
                }
            };
        }

        private static double value(ValueStyle style, int i, double level, SplittableRandom random) {
            return switch (style) {
                case UNIFORM -> random.nextDouble(-1000, 1000);
                case LARGE_OFFSET_NOISE -> 1e6 + random.nextDouble(-1e-3, 1e-3);
                case NEGATIVE_OFFSET -> -1e9 + random.nextDouble(-1, 1);
                case REPEATED -> 2.5 * (random.nextInt(3) - 1);
                case SPIKES -> random.nextInt(100) == 0 ? (random.nextBoolean() ? 1e9 : -1e9)
                        : 1 + random.nextDouble(-0.5, 0.5);
                case LEVEL_SHIFT -> level + random.nextDouble(-1, 1);
                case RAMP_DOWN -> 1e6 - 0.25 * i;
                case RAMP_UP -> -1e3 + 0.25 * i;
                case MIXED -> throw new AssertionError("resolved above");
            };
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Long> start = Arbitraries.longs().between(-1_000_000_000_000_000L, 1_000_000_000_000_000L);
        Arbitrary<Long> unit = Arbitraries.of(1L, 1_000L, 7_919L, 1_000_000L);
        Arbitrary<Integer> length = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 50)),
                net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(50, 6_000)
                        .withDistribution(RandomDistribution.uniform())));
        return Combinators.combine(start, unit, Arbitraries.of(GapStyle.class), Arbitraries.of(ValueStyle.class),
                length, Arbitraries.longs()).as(Scenario::new);
    }

    /** Window sizes in gap units: from smaller than most gaps to larger than whole sequences. */
    @Provide
    Arbitrary<Long> sizeUnits() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(1, 10)),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(10, 1_000)),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(1_000, 200_000)));
    }

    @Provide
    Arbitrary<Long> gapUnits() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(1, 3)),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(3, 100)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(100, 50_000)));
    }

    @Provide
    Arbitrary<Integer> counts() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(1, 10)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(10, 500)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(500, 8_000)));
    }

    // ------------------------------------------------------------------ oracle and checks

    /** The naive model of a sliding or count window: a deque, plus a multiset for O(log n) min and max. */
    static final class Contents {
        final ArrayDeque<Reading> readings = new ArrayDeque<>();
        final TreeMap<Double, Integer> values = new TreeMap<>();

        void add(Reading r) {
            readings.addLast(r);
            values.merge(r.value(), 1, Integer::sum);
        }

        void evictWhile(java.util.function.Predicate<Reading> evict) {
            while (!readings.isEmpty() && evict.test(readings.peekFirst())) {
                Reading gone = readings.pollFirst();
                values.merge(gone.value(), -1, (a, b) -> a + b == 0 ? null : a + b);
            }
        }

        int size() {
            return readings.size();
        }
    }

    /** Straightforward statistics of a collection of readings, oldest first. */
    static final class Naive {
        static double[] stats(Collection<Reading> readings) {
            double[] out = new double[Stat.values().length];
            int n = readings.size();
            out[Stat.COUNT.ordinal()] = n;
            if (n == 0) {
                java.util.Arrays.fill(out, Double.NaN);
                out[Stat.COUNT.ordinal()] = 0;
                out[Stat.SUM.ordinal()] = 0;
                return out;
            }
            double sum = 0;
            double compensation = 0; // Neumaier
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (Reading r : readings) {
                double v = r.value();
                double t = sum + v;
                compensation += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
                sum = t;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            sum += compensation;
            double mean = sum / n;
            double squares = 0;
            for (Reading r : readings) {
                double d = r.value() - mean;
                squares += d * d;
            }
            Reading first = readings.iterator().next();
            Reading last = readings instanceof ArrayDeque<Reading> deque ? deque.peekLast()
                    : ((List<Reading>) readings).get(n - 1);
            out[Stat.SUM.ordinal()] = sum;
            out[Stat.MEAN.ordinal()] = mean;
            out[Stat.MIN.ordinal()] = min;
            out[Stat.MAX.ordinal()] = max;
            out[Stat.STDDEV.ordinal()] = n < 2 ? 0 : Math.sqrt(squares / (n - 1));
            out[Stat.FIRST.ordinal()] = first.value();
            out[Stat.LAST.ordinal()] = last.value();
            long span = last.ts() - first.ts();
            out[Stat.RATE_OF_CHANGE.ordinal()] = span == 0 ? Double.NaN
                    : (last.value() - first.value()) / (span / 1e9);
            out[Stat.TIME_SPAN.ordinal()] = span / 1e9;
            return out;
        }

        /** Mean absolute value of the readings: the magnitude rounding errors of sum, mean and stddev scale with. */
        static double scale(Collection<Reading> readings) {
            double total = 0;
            for (Reading r : readings) {
                total += Math.abs(r.value());
            }
            return readings.isEmpty() ? 0 : total / readings.size();
        }
    }

    /** Full recomputation on a stride (about 8 times per window length), every step for small windows, and at the end. */
    static boolean shouldCheckAll(int step, int contents, int total) {
        return step == total - 1 || contents <= 32 || step % Math.max(1, contents / 8) == 0;
    }

    private static void check(Window window, Contents contents, int step, int total, Supplier<String> where) {
        // O(1) checks after every reading
        ArrayDeque<Reading> readings = contents.readings;
        Reading first = readings.peekFirst();
        Reading newest = readings.peekLast();
        assertStat(Stat.COUNT, window.value(Stat.COUNT), readings.size(), 0, where);
        assertStat(Stat.FIRST, window.value(Stat.FIRST), first.value(), 0, where);
        assertStat(Stat.LAST, window.value(Stat.LAST), newest.value(), 0, where);
        assertStat(Stat.MIN, window.value(Stat.MIN), contents.values.firstKey(), 0, where);
        assertStat(Stat.MAX, window.value(Stat.MAX), contents.values.lastKey(), 0, where);
        long span = newest.ts() - first.ts();
        assertStat(Stat.TIME_SPAN, window.value(Stat.TIME_SPAN), span / 1e9, 0, where);
        assertStat(Stat.RATE_OF_CHANGE, window.value(Stat.RATE_OF_CHANGE),
                span == 0 ? Double.NaN : (newest.value() - first.value()) / (span / 1e9), 0, where);
        if (shouldCheckAll(step, readings.size(), total)) {
            double[] expected = Naive.stats(readings);
            double scale = Naive.scale(readings);
            for (Stat stat : Stat.values()) {
                assertStat(stat, window.value(stat), expected[stat.ordinal()], scale, where);
            }
            WindowResult current = window.current();
            assertResult(current, first.ts(), newest.ts(), expected, scale, where);
        }
    }

    private static void assertStats(String what, WindowStats stats, List<Reading> readings, Supplier<String> where) {
        double[] expected = Naive.stats(readings);
        double scale = Naive.scale(readings);
        assertThat(stats.count() == readings.size(), what + " count; " + where.get());
        for (Stat stat : Stat.values()) {
            assertStat(stat, stats.get(stat), expected[stat.ordinal()], scale, () -> what + ": " + where.get());
        }
    }

    private static void assertResult(WindowResult result, long start, long end, double[] expected, double scale,
                                     Supplier<String> where) {
        assertThat("w".equals(result.windowId()) && result.channel() == CHANNEL,
                "result id/channel " + result + "; " + where.get());
        assertThat(result.startNanos() == start && result.endNanos() == end,
                "result bounds [" + result.startNanos() + ", " + result.endNanos() + "], expected [" + start + ", "
                        + end + "]; " + where.get());
        assertThat(result.count() == (long) expected[Stat.COUNT.ordinal()], "result count; " + where.get());
        for (Stat stat : Stat.values()) {
            assertStat(stat, result.get(stat), expected[stat.ordinal()], scale, () -> "result: " + where.get());
        }
    }

    static void assertStat(Stat stat, double actual, double expected, double scale, Supplier<String> where) {
        boolean ok;
        if (Double.isNaN(expected)) {
            ok = Double.isNaN(actual);
        } else {
            ok = switch (stat) {
                case COUNT, MIN, MAX, FIRST, LAST -> actual == expected;
                case SUM, MEAN, STDDEV -> Math.abs(actual - expected) <= REL_TOL * Math.max(Math.abs(expected), scale);
                case RATE_OF_CHANGE, TIME_SPAN -> Math.abs(actual - expected) <= REL_TOL * Math.abs(expected);
            };
        }
        if (!ok) {
            throw new AssertionError(stat + " = " + actual + ", naive recomputation = " + expected
                    + " (error " + Math.abs(actual - expected) + ", scale " + scale + "); " + where.get());
        }
    }

    static void assertThat(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
