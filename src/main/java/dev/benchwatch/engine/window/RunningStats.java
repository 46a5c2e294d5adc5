package dev.benchwatch.engine.window;

/**
 * Add-only statistics (tumbling and session windows): Welford's online mean and variance, running
 * min/max, first and last. O(1) per reading, no allocation.
 */
public final class RunningStats implements WindowStats {
    private long count;
    private double sum;
    private double mean;
    private double m2;
    private double min;
    private double max;
    private double first;
    private double last;
    private long firstTs;
    private long lastTs;

    public void add(long timestampNanos, double value) {
        if (count == 0) {
            first = value;
            firstTs = timestampNanos;
            min = value;
            max = value;
        } else {
            if (value < min) {
                min = value;
            }
            if (value > max) {
                max = value;
            }
        }
        count++;
        sum += value;
        double delta = value - mean;
        mean += delta / count;
        m2 += delta * (value - mean);
        last = value;
        lastTs = timestampNanos;
    }

    public void reset() {
        count = 0;
        sum = 0;
        mean = 0;
        m2 = 0;
    }

    @Override
    public long count() {
        return count;
    }

    public long firstTimestamp() {
        return firstTs;
    }

    public long lastTimestamp() {
        return lastTs;
    }

    @Override
    public double get(Stat stat) {
        if (count == 0) {
            return stat == Stat.COUNT || stat == Stat.SUM ? 0 : Double.NaN;
        }
        return switch (stat) {
            case COUNT -> count;
            case SUM -> sum;
            case MEAN -> mean;
            case MIN -> min;
            case MAX -> max;
            case STDDEV -> count < 2 ? 0 : Math.sqrt(m2 / (count - 1));
            case FIRST -> first;
            case LAST -> last;
            case RATE_OF_CHANGE -> rate(first, last, firstTs, lastTs);
            case TIME_SPAN -> (lastTs - firstTs) / 1e9;
        };
    }

    static double rate(double first, double last, long firstTs, long lastTs) {
        long span = lastTs - firstTs;
        return span == 0 ? Double.NaN : (last - first) / (span / 1e9);
    }
}
