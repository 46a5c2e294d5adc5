package dev.benchwatch.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The pyramid's answers against brute force over the same points, for random data, wraps and ranges. */
class MinMaxDecimatorPropertyTest {

    /** Fills a buffer, keeping a plain copy of every point (the model) to compare with. */
    private record Filled(SeriesBuffer buffer, long[] times, double[] values) {
        int firstHeld() {
            return times.length - buffer.size();
        }
    }

    private static Filled fill(int capacity, int points, long seed, int maxStep, boolean withNaN) {
        Random random = new Random(seed);
        SeriesBuffer buffer = new SeriesBuffer(capacity);
        long[] times = new long[points];
        double[] values = new double[points];
        long t = 1_000_000;
        long last = Long.MIN_VALUE;
        double walk = 0;
        for (int i = 0; i < points; i++) {
            t += random.nextInt(maxStep + 1) - (random.nextInt(20) == 0 ? 3 : 0); // some out of order
            walk += random.nextGaussian() * (random.nextInt(50) == 0 ? 100 : 1);
            double v = withNaN && random.nextInt(30) == 0 ? Double.NaN : walk;
            buffer.append(t, v);
            last = Math.max(last, t); // the buffer keeps a late point at the newest time
            times[i] = last;
            values[i] = v;
        }
        return new Filled(buffer, times, values);
    }

    @Property(tries = 200)
    void extentOfAnySequenceRangeMatchesBruteForce(@ForAll @IntRange(min = 1, max = 5000) int capacity,
                                                   @ForAll @IntRange(min = 0, max = 20000) int points,
                                                   @ForAll long seed,
                                                   @ForAll boolean withNaN) {
        Filled f = fill(capacity, points, seed, 5, withNaN);
        SeriesBuffer b = f.buffer();
        assertThat(b.size()).isEqualTo(Math.min(points, b.capacity()));
        assertThat(b.endSequence()).isEqualTo(points);
        Random random = new Random(seed ^ 0x5DEECE66DL);
        double[] out = new double[2];
        for (int q = 0; q < 50; q++) {
            long from = b.firstSequence() + (b.size() == 0 ? 0 : random.nextInt(b.size() + 1));
            long to = from + (b.endSequence() == from ? 0 : random.nextInt((int) (b.endSequence() - from) + 1));
            b.extent(from, to, out);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (long s = from; s < to; s++) {
                double v = f.values()[(int) s];
                lo = v < lo ? v : lo;
                hi = v > hi ? v : hi;
                assertThat((Double) b.valueAt(s)).isEqualTo((Double) v);
                assertThat(b.timeAt(s)).isEqualTo(f.times()[(int) s]);
            }
            assertThat(out[0]).as("min of [%d, %d)", from, to).isEqualTo(lo);
            assertThat(out[1]).as("max of [%d, %d)", from, to).isEqualTo(hi);
        }
    }

    @Property(tries = 200)
    void decimatedColumnsMatchBruteForce(@ForAll @IntRange(min = 1, max = 70000) int capacity,
                                         @ForAll @IntRange(min = 0, max = 60000) int points,
                                         @ForAll @IntRange(min = 1, max = 400) int columns,
                                         @ForAll @IntRange(min = 0, max = 40) int maxStep,
                                         @ForAll @LongRange(min = -1000, max = 2_000_000) long startOffset,
                                         @ForAll @IntRange(min = 1, max = 3_000_000) int span,
                                         @ForAll long seed,
                                         @ForAll boolean withNaN) {
        Filled f = fill(capacity, points, seed, maxStep, withNaN);
        long start = 1_000_000 + startOffset;
        long end = start + span;
        DecimatedColumns out = new DecimatedColumns();
        new MinMaxDecimator().decimate(f.buffer(), start, end, columns, out);
        assertThat(out.columns()).isEqualTo(columns);
        int held = f.firstHeld();
        for (int c = 0; c < columns; c++) {
            long c0 = MinMaxDecimator.columnStart(start, end, columns, c);
            long c1 = MinMaxDecimator.columnStart(start, end, columns, c + 1);
            int count = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            double first = Double.NaN;
            double last = Double.NaN;
            for (int i = held; i < points; i++) {
                long t = f.times()[i];
                if (t >= c0 && t < c1) {
                    double v = f.values()[i];
                    if (count == 0) {
                        first = v;
                    }
                    last = v;
                    count++;
                    lo = v < lo ? v : lo;
                    hi = v > hi ? v : hi;
                }
            }
            assertThat(out.count(c)).as("count of column %d", c).isEqualTo(count);
            assertThat(out.min(c)).as("min of column %d", c).isEqualTo(lo);
            assertThat(out.max(c)).as("max of column %d", c).isEqualTo(hi);
            assertThat((Double) out.first(c)).as("first of column %d", c).isEqualTo((Double) first);
            assertThat((Double) out.last(c)).as("last of column %d", c).isEqualTo((Double) last);
        }
        int before = -1;
        int after = -1;
        for (int i = held; i < points; i++) {
            if (f.times()[i] < start) {
                before = i;
            } else if (f.times()[i] >= end && after < 0) {
                after = i;
            }
        }
        assertThat(out.hasBefore()).isEqualTo(before >= 0);
        if (before >= 0) {
            assertThat(out.beforeTime()).isEqualTo(f.times()[before]);
            assertThat((Double) out.beforeValue()).isEqualTo((Double) f.values()[before]);
        }
        assertThat(out.hasAfter()).isEqualTo(after >= 0);
        if (after >= 0) {
            assertThat((Double) out.afterValue()).isEqualTo((Double) f.values()[after]);
        }
    }

    @Test
    void millionsOfPointsWrapAndStillDecimateExactly() {
        Filled f = fill(1 << 20, 3_000_000, 42, 3, false);
        SeriesBuffer b = f.buffer();
        assertThat(b.levels()).isEqualTo(4);
        assertThat(b.size()).isEqualTo(1 << 20);
        DecimatedColumns out = new DecimatedColumns();
        long start = b.firstTime();
        long end = b.lastTime() + 1;
        new MinMaxDecimator().decimate(b, start, end, 1600, out);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        long total = 0;
        for (int i = f.firstHeld(); i < f.values().length; i++) {
            lo = Math.min(lo, f.values()[i]);
            hi = Math.max(hi, f.values()[i]);
        }
        for (int c = 0; c < 1600; c++) {
            total += out.count(c);
        }
        assertThat(total).isEqualTo(1 << 20);
        assertThat(out.overallMin()).isEqualTo(lo);
        assertThat(out.overallMax()).isEqualTo(hi);
    }

    @Test
    void valueAtTimeIsTheNewestPointAtOrBefore() {
        SeriesBuffer b = new SeriesBuffer(16);
        assertThat(b.valueAtTime(5)).isNaN();
        b.append(10, 1);
        b.append(20, 2);
        b.append(20, 3);
        b.append(30, 4);
        assertThat(b.valueAtTime(9)).isNaN();
        assertThat(b.valueAtTime(10)).isEqualTo(1);
        assertThat(b.valueAtTime(19)).isEqualTo(1);
        assertThat(b.valueAtTime(20)).isEqualTo(3);
        assertThat(b.valueAtTime(1_000)).isEqualTo(4);
        b.append(25, 5); // late: kept at the newest time
        assertThat(b.lastTime()).isEqualTo(30);
        assertThat(b.valueAtTime(30)).isEqualTo(5);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> new SeriesBuffer(0)).hasMessageContaining("capacity").hasMessageContaining("0");
        SeriesBuffer b = new SeriesBuffer(10);
        assertThat(b.capacity()).isEqualTo(256);
        assertThat(new SeriesBuffer(1000).capacity()).isEqualTo(1024);
        assertThat(new SeriesBuffer(1024).capacity()).isEqualTo(1024);
        MinMaxDecimator d = new MinMaxDecimator();
        assertThatThrownBy(() -> d.decimate(b, 0, 10, 0, new DecimatedColumns())).hasMessageContaining("columns");
        assertThatThrownBy(() -> d.decimate(b, 10, 10, 5, new DecimatedColumns())).hasMessageContaining("empty");
    }
}
