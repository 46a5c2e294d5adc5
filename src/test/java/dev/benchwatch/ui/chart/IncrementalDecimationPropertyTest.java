package dev.benchwatch.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The incremental path of {@link MinMaxDecimator#decimateAligned}: columns kept from frame to frame and
 * only partly recomputed must equal a full recompute (and brute force) after any sequence of appends, ring
 * wraps, clears, scrolls and jumps of the range.
 */
class IncrementalDecimationPropertyTest {

    @Property(tries = 300)
    void gridColumnsTileTimeExactly(@ForAll @LongRange(min = -1L << 42, max = 1L << 42) long time,
                                    @ForAll @LongRange(min = 1_000, max = 30L * 24 * 3600 * 1_000_000_000L) long span,
                                    @ForAll @IntRange(min = 1, max = 5000) int columns) {
        long k = MinMaxDecimator.gridColumn(time, span, columns);
        assertThat(MinMaxDecimator.gridTime(k, span, columns)).isLessThanOrEqualTo(time);
        assertThat(MinMaxDecimator.gridTime(k + 1, span, columns)).isGreaterThan(time);
        assertThat(MinMaxDecimator.gridTime(k + columns, span, columns))
                .isEqualTo(MinMaxDecimator.gridTime(k, span, columns) + span);
        long first = MinMaxDecimator.firstGridColumn(time + 1, span, columns);
        assertThat(first + columns - 1).isEqualTo(k);
    }

    @Property(tries = 150)
    void incrementalColumnsEqualAFullRecomputeAfterRandomAppends(
            @ForAll @IntRange(min = 1, max = 20_000) int capacity,
            @ForAll @IntRange(min = 1, max = 600) int columns,
            @ForAll @LongRange(min = 1_000, max = 5_000_000) long span,
            @ForAll @IntRange(min = 0, max = 2_000) int maxStep,
            @ForAll @IntRange(min = 1, max = 60) int frames,
            @ForAll long seed,
            @ForAll boolean withNaN) {
        Random random = new Random(seed);
        SeriesBuffer buffer = new SeriesBuffer(capacity);
        Model model = new Model(buffer.capacity()); // the points the buffer should hold
        MinMaxDecimator decimator = new MinMaxDecimator();
        DecimatedColumns kept = new DecimatedColumns();
        long t = 1_764_216_000_000_000_000L + random.nextInt(1_000_000);
        long origin = Math.floorDiv(t, span) * span - span * random.nextInt(100); // a multiple of the span
        long last = Long.MIN_VALUE;
        long pannedBy = 0;
        double walk = 0;
        for (int frame = 0; frame < frames; frame++) {
            int event = random.nextInt(100);
            if (event < 3) {
                buffer.clear();
                model.clear();
                last = Long.MIN_VALUE;
                t -= random.nextInt(3) * (long) maxStep; // after a clear, time may go back
            } else if (event < 8) {
                pannedBy = -random.nextInt(2 * columns + 1); // the range jumps back (a pan)
            } else if (event < 12) {
                pannedBy = 0;
            }
            // a frame's worth of readings: none, a few, or a burst that wraps the ring
            int n = switch (random.nextInt(6)) {
                case 0 -> 0;
                case 1 -> random.nextInt(3);
                case 2 -> random.nextInt(capacity * 2 + 2);
                default -> random.nextInt(200);
            };
            for (int i = 0; i < n; i++) {
                t += random.nextInt(maxStep + 1) - (random.nextInt(25) == 0 ? 5 : 0); // some out of order
                walk += random.nextGaussian();
                double v = withNaN && random.nextInt(20) == 0 ? Double.NaN : walk;
                buffer.append(t, v);
                last = Math.max(last, t);
                model.add(last, v);
            }
            long end = (buffer.isEmpty() ? t : buffer.lastTime()) + 1;
            for (int q = 0; q < 5 && !buffer.isEmpty(); q++) { // the search back from the end
                long time = buffer.firstTime() - 3 + (long) (random.nextDouble() * (end + 6 - buffer.firstTime()));
                assertThat(buffer.sequenceAtOrAfterFromEnd(time)).as("first point at or after %d", time)
                        .isEqualTo(buffer.sequenceAtOrAfter(time));
            }
            long firstColumn = MinMaxDecimator.firstGridColumn(end - origin, span, columns) + pannedBy;
            decimator.decimateAligned(buffer, origin, firstColumn, span, columns, kept);

            DecimatedColumns full = new DecimatedColumns();
            decimator.decimateAligned(buffer, origin, firstColumn, span, columns, full);
            assertThat(full.recomputedFrom()).isZero();
            assertSame(kept, full, columns, "frame " + frame);
            if (frame % 7 == 0 || frame == frames - 1) {
                assertThat(buffer.size()).isEqualTo(model.size());
                assertMatchesBruteForce(full, model, origin, firstColumn, span, columns);
            }
        }
    }

    @Test
    void followingLiveDataRecomputesOnlyTheColumnsNewPointsReach() {
        SeriesBuffer buffer = new SeriesBuffer(1 << 17);
        long span = 40_000_000_000L; // 100,000 points at 400 µs in view
        int columns = 1050;
        long step = 400_000L;
        long t = 1_764_216_000_000_000_000L;
        for (int i = 0; i < 100_000; i++, t += step) {
            buffer.append(t, Math.sin(i / 2000.0));
        }
        MinMaxDecimator decimator = new MinMaxDecimator();
        DecimatedColumns kept = new DecimatedColumns();
        long origin = Math.floorDiv(t, span) * span;
        decimator.decimateAligned(buffer, origin,
                MinMaxDecimator.firstGridColumn(buffer.lastTime() + 1 - origin, span, columns), span, columns, kept);
        assertThat(kept.recomputedFrom()).isZero();
        int total = 0;
        for (int frame = 0; frame < 200; frame++) { // 60 frames/s: 42 points per frame, about 1.1 columns
            for (int i = 0; i < 42; i++, t += step) {
                buffer.append(t, Math.sin(frame + i / 50.0));
            }
            long firstColumn = MinMaxDecimator.firstGridColumn(buffer.lastTime() + 1 - origin, span, columns);
            decimator.decimateAligned(buffer, origin, firstColumn, span, columns, kept);
            int recomputed = columns - kept.recomputedFrom();
            assertThat(recomputed).as("columns recomputed in frame %d", frame).isBetween(1, 3);
            total += recomputed;
            DecimatedColumns full = new DecimatedColumns();
            decimator.decimateAligned(buffer, origin, firstColumn, span, columns, full);
            assertSame(kept, full, columns, "frame " + frame);
        }
        assertThat(total).isLessThan(200 * 3);
    }

    @Test
    void aRingThatOverwritesVisiblePointsRecomputesEverything() {
        SeriesBuffer buffer = new SeriesBuffer(256); // smaller than the range: the oldest shown points go
        long span = 1_000_000;
        int columns = 100;
        long t = 0;
        for (int i = 0; i < 256; i++, t += 1_000) {
            buffer.append(t, i);
        }
        MinMaxDecimator decimator = new MinMaxDecimator();
        DecimatedColumns kept = new DecimatedColumns();
        decimator.decimateAligned(buffer, 0, MinMaxDecimator.firstGridColumn(t, span, columns), span, columns, kept);
        buffer.append(t, -1);
        long firstColumn = MinMaxDecimator.firstGridColumn(t + 1, span, columns);
        decimator.decimateAligned(buffer, 0, firstColumn, span, columns, kept);
        assertThat(kept.recomputedFrom()).isZero();
        DecimatedColumns full = new DecimatedColumns();
        decimator.decimateAligned(buffer, 0, firstColumn, span, columns, full);
        assertSame(kept, full, columns, "after the wrap");
    }

    @Test
    void aBufferClearedBeforeItGrewKeepsItsPointsWhenItGrows() {
        // the arrays start at 4096 points: after a clear at 3000 the next 4096 points wrap round them, and
        // the one after that makes the buffer grow, which must move them, not copy the arrays as they are
        SeriesBuffer buffer = new SeriesBuffer(1 << 16);
        for (int i = 0; i < 3000; i++) {
            buffer.append(i, 1_000 + i);
        }
        buffer.clear();
        for (int i = 0; i < 10_000; i++) {
            buffer.append(10_000 + i, i);
        }
        assertThat(buffer.size()).isEqualTo(10_000);
        double[] extent = new double[2];
        for (int i = 0; i < 10_000; i += 7) {
            long s = buffer.firstSequence() + i;
            assertThat(buffer.timeAt(s)).isEqualTo(10_000 + i);
            assertThat(buffer.valueAt(s)).isEqualTo(i);
            buffer.extent(s, s + 300, extent);
            assertThat(extent[0]).isEqualTo(i);
            assertThat(extent[1]).isEqualTo(Math.min(9_999, i + 299));
        }
    }

    private static void assertSame(DecimatedColumns kept, DecimatedColumns full, int columns, String when) {
        assertThat(kept.columns()).isEqualTo(columns);
        for (int c = 0; c < columns; c++) {
            assertThat(kept.count(c)).as("%s: count of column %d", when, c).isEqualTo(full.count(c));
            assertThat(kept.min(c)).as("%s: min of column %d", when, c).isEqualTo(full.min(c));
            assertThat(kept.max(c)).as("%s: max of column %d", when, c).isEqualTo(full.max(c));
            assertThat((Double) kept.first(c)).as("%s: first of column %d", when, c).isEqualTo((Double) full.first(c));
            assertThat((Double) kept.last(c)).as("%s: last of column %d", when, c).isEqualTo((Double) full.last(c));
        }
        assertThat(kept.hasBefore()).as(when).isEqualTo(full.hasBefore());
        if (full.hasBefore()) {
            assertThat(kept.beforeTime()).isEqualTo(full.beforeTime());
            assertThat((Double) kept.beforeValue()).isEqualTo((Double) full.beforeValue());
        }
        assertThat(kept.hasAfter()).as(when).isEqualTo(full.hasAfter());
        if (full.hasAfter()) {
            assertThat(kept.afterTime()).isEqualTo(full.afterTime());
            assertThat((Double) kept.afterValue()).isEqualTo((Double) full.afterValue());
        }
        assertThat(kept.overallMin()).isEqualTo(full.overallMin());
        assertThat(kept.overallMax()).isEqualTo(full.overallMax());
    }

    /** The points a buffer of this capacity holds: the newest {@code capacity} appended since a clear. */
    private static final class Model {
        final long[] times;
        final double[] values;
        long appended;

        Model(int capacity) {
            times = new long[capacity];
            values = new double[capacity];
        }

        void clear() {
            appended = 0;
        }

        void add(long time, double value) {
            int i = (int) (appended++ % times.length);
            times[i] = time;
            values[i] = value;
        }

        int size() {
            return (int) Math.min(appended, times.length);
        }
    }

    /** The recompute against every point held, each put in its column of the aligned grid. */
    private static void assertMatchesBruteForce(DecimatedColumns out, Model model, long origin, long firstColumn,
                                                long span, int columns) {
        int[] count = new int[columns];
        double[] lo = new double[columns];
        double[] hi = new double[columns];
        double[] first = new double[columns];
        double[] last = new double[columns];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(first, Double.NaN);
        java.util.Arrays.fill(last, Double.NaN);
        for (long s = model.appended - model.size(); s < model.appended; s++) {
            int i = (int) (s % model.times.length);
            long c = MinMaxDecimator.gridColumn(model.times[i] - origin, span, columns) - firstColumn;
            if (c < 0 || c >= columns) {
                continue;
            }
            int k = (int) c;
            double v = model.values[i];
            if (count[k]++ == 0) {
                first[k] = v;
            }
            last[k] = v;
            lo[k] = v < lo[k] ? v : lo[k];
            hi[k] = v > hi[k] ? v : hi[k];
        }
        for (int c = 0; c < columns; c++) {
            assertThat(out.count(c)).as("count of column %d", c).isEqualTo(count[c]);
            assertThat(out.min(c)).as("min of column %d", c).isEqualTo(lo[c]);
            assertThat(out.max(c)).as("max of column %d", c).isEqualTo(hi[c]);
            assertThat((Double) out.first(c)).as("first of column %d", c).isEqualTo((Double) first[c]);
            assertThat((Double) out.last(c)).as("last of column %d", c).isEqualTo((Double) last[c]);
        }
    }
}
