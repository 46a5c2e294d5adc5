package dev.benchwatch.ui.chart;

/**
 * A window's statistics over time, for a chart's overlay: samples of (time, mean, min, max, stddev), kept
 * as five {@link SeriesBuffer}s (mean, min, max, mean - stddev, mean + stddev) so each part decimates
 * like any series. Statistics arrive at a window's pace (a closed bucket, or one sample per frame for a
 * sliding window), so a few thousand samples go a long way.
 */
public final class WindowStatsSeries {
    private final SeriesBuffer mean;
    private final SeriesBuffer min;
    private final SeriesBuffer max;
    private final SeriesBuffer lowerDeviation;
    private final SeriesBuffer upperDeviation;

    /** @param capacity samples kept at least */
    public WindowStatsSeries(int capacity) {
        mean = new SeriesBuffer(capacity);
        min = new SeriesBuffer(capacity);
        max = new SeriesBuffer(capacity);
        lowerDeviation = new SeriesBuffer(capacity);
        upperDeviation = new SeriesBuffer(capacity);
    }

    /** One sample; a NaN statistic (an empty window) leaves a gap in its part of the overlay. */
    public void append(long timestampNanos, double meanValue, double minValue, double maxValue, double stddev) {
        mean.append(timestampNanos, meanValue);
        min.append(timestampNanos, minValue);
        max.append(timestampNanos, maxValue);
        lowerDeviation.append(timestampNanos, meanValue - stddev);
        upperDeviation.append(timestampNanos, meanValue + stddev);
    }

    public void clear() {
        mean.clear();
        min.clear();
        max.clear();
        lowerDeviation.clear();
        upperDeviation.clear();
    }

    public int size() {
        return mean.size();
    }

    public SeriesBuffer mean() {
        return mean;
    }

    public SeriesBuffer min() {
        return min;
    }

    public SeriesBuffer max() {
        return max;
    }

    /** mean - stddev */
    public SeriesBuffer lowerDeviation() {
        return lowerDeviation;
    }

    /** mean + stddev */
    public SeriesBuffer upperDeviation() {
        return upperDeviation;
    }
}
