package dev.benchwatch.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import dev.benchwatch.ui.chart.DecimatedColumns;
import dev.benchwatch.ui.chart.MinMaxDecimator;
import dev.benchwatch.ui.chart.SeriesBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One chart frame's decimation of one series: its whole history (1 M or 10 M points, 1 kHz) reduced to
 * 1600 pixel columns of min, max, first and last, by {@link MinMaxDecimator} over the series' min/max
 * pyramid against the baseline of scanning every point, in the same run. Also what the pyramid costs per
 * appended point ({@code append}, 4096 points into a full 1 M ring).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ChartDecimationBenchmark {
    private static final long START = 1_764_216_000_000_000_000L;
    private static final long PERIOD = 1_000_000L;
    private static final int COLUMNS = 1600;
    private static final int APPENDS = 4096;

    /** A series of {@code points} at 1 kHz (a random walk), and scratch for both decimations. */
    @State(Scope.Thread)
    public static class Series {
        @Param({"1000000", "10000000"})
        public int points;

        SeriesBuffer series;
        final MinMaxDecimator decimator = new MinMaxDecimator();
        final DecimatedColumns out = new DecimatedColumns();
        final double[] min = new double[COLUMNS];
        final double[] max = new double[COLUMNS];
        final double[] first = new double[COLUMNS];
        final double[] last = new double[COLUMNS];
        final int[] count = new int[COLUMNS];
        long start;
        long end;

        @Setup(Level.Trial)
        public void setUp() {
            series = new SeriesBuffer(points);
            Random random = new Random(1);
            double walk = 0;
            for (int i = 0; i < points; i++) {
                walk += random.nextGaussian();
                series.append(START + i * PERIOD, walk);
            }
            start = series.firstTime();
            end = series.lastTime() + 1;
        }
    }

    /** A full 1 M-point ring to append to. */
    @State(Scope.Thread)
    public static class Ring {
        SeriesBuffer target;
        double[] values;
        long time;

        @Setup(Level.Trial)
        public void setUp() {
            target = new SeriesBuffer(1 << 20);
            for (int i = 0; i < 1 << 20; i++) {
                target.append(START + i * PERIOD, i);
            }
            time = START + (1L << 20) * PERIOD;
            Random random = new Random(2);
            values = new double[APPENDS];
            for (int i = 0; i < APPENDS; i++) {
                values[i] = random.nextGaussian();
            }
        }
    }

    @Benchmark
    public void pyramid(Series state, Blackhole bh) {
        state.decimator.decimate(state.series, state.start, state.end, COLUMNS, state.out);
        bh.consume(state.out.min(COLUMNS / 2));
    }

    /** Baseline: every point visited once, its column found by walking the column boundaries. */
    @Benchmark
    public void naiveScan(Series state, Blackhole bh) {
        SeriesBuffer series = state.series;
        long start = state.start;
        long end = state.end;
        int[] count = state.count;
        double[] min = state.min;
        double[] max = state.max;
        double[] first = state.first;
        double[] last = state.last;
        for (int c = 0; c < COLUMNS; c++) {
            count[c] = 0;
            min[c] = Double.POSITIVE_INFINITY;
            max[c] = Double.NEGATIVE_INFINITY;
        }
        int c = 0;
        long nextBoundary = MinMaxDecimator.columnStart(start, end, COLUMNS, 1);
        long stop = series.endSequence();
        for (long s = series.sequenceAtOrAfter(start); s < stop; s++) {
            long t = series.timeAt(s);
            if (t >= end) {
                break;
            }
            while (t >= nextBoundary) {
                c++;
                nextBoundary = MinMaxDecimator.columnStart(start, end, COLUMNS, c + 1);
            }
            double v = series.valueAt(s);
            if (count[c]++ == 0) {
                first[c] = v;
            }
            last[c] = v;
            if (v < min[c]) {
                min[c] = v;
            }
            if (v > max[c]) {
                max[c] = v;
            }
        }
        bh.consume(min[COLUMNS / 2]);
        bh.consume(last[COLUMNS - 1]);
    }

    /** 4096 appends to a full 1 M-point ring, pyramid kept up to date (divide by 4096 for one). */
    @Benchmark
    public void append(Ring ring, Blackhole bh) {
        SeriesBuffer target = ring.target;
        long t = ring.time;
        for (int i = 0; i < APPENDS; i++) {
            target.append(t, ring.values[i]);
            t += PERIOD;
        }
        ring.time = t;
        bh.consume(target.endSequence());
    }
}
