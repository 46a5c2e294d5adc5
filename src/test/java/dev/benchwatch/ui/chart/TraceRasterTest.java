package dev.benchwatch.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceRasterTest {
    private static final int RED = 0xffff0000;

    private static TraceRaster raster(int w, int h) {
        TraceRaster r = new TraceRaster();
        r.resize(w, h);
        r.clear();
        return r;
    }

    @Test
    void eachColumnIsARunFromItsMinimumToItsMaximumJoinedToItsNeighbours() {
        TraceRaster r = raster(4, 20);
        int[] count = {1, 5, 0, 1};
        double[] min = {2, 5, Double.NaN, 10};
        double[] max = {2, 15, Double.NaN, 10};
        double[] first = {2, 5, Double.NaN, 10};
        double[] last = {2, 15, Double.NaN, 10};
        r.trace(4, count, min, max, first, last, Double.NaN, Double.NaN, Double.NaN, Double.NaN, RED);
        for (int y = 5; y <= 15; y++) {
            assertThat(r.pixel(1, y)).as("column 1, row %d", y).isEqualTo(RED);
        }
        assertThat(r.pixel(1, 17)).isZero();
        assertThat(r.pixel(0, 2)).isEqualTo(RED);
        assertThat(r.pixel(0, 3)).as("half-way to column 1's first value").isEqualTo(RED);
        // the empty column 2 is crossed by the line from column 1's last (15) to column 3's first (10)
        assertThat(r.pixel(2, 12)).isEqualTo(RED);
        assertThat(r.pixel(2, 5)).isZero();
        assertThat(r.pixel(3, 10)).isEqualTo(RED);
    }

    @Test
    void entersFromTheNeighbourBeforeAndClipsToThePlot() {
        TraceRaster r = raster(3, 10);
        int[] count = {0, 0, 1};
        double[] rows = {Double.NaN, Double.NaN, 12};
        // from (-10, 0) to (2, 12): slope 1, so column 0 holds rows 9.5 to 10.5, clipped to row 9
        r.trace(3, count, rows, rows, rows, rows, -10, 0, Double.NaN, Double.NaN, RED);
        assertThat(r.pixel(0, 9)).isEqualTo(RED);
        assertThat(r.pixel(0, 8)).isZero();
        assertThat(r.pixel(2, 9)).as("column 2's point lies below the plot").isZero();
        r.clear();
        assertThat(r.pixel(2, 9)).isZero();
    }
}
