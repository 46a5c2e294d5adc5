package dev.benchwatch.engine.detect;

/**
 * Count, mean and sum of squared deviations from the mean (M2) of some readings: Welford's update for one
 * reading, Chan's pairwise formula for a whole group. Neither subtracts one large sum from another, so neither
 * loses precision to cancellation. Mutable, to be reused on the hot path without allocating.
 */
final class Moments {
    private long count;
    private double mean;
    private double m2;

    long count() {
        return count;
    }

    double mean() {
        return mean;
    }

    double m2() {
        return m2;
    }

    /** Sample standard deviation; 0 for fewer than two readings. */
    double stddev() {
        return count < 2 ? 0 : Math.sqrt(m2 / (count - 1));
    }

    void add(double value) {
        count++;
        double delta = value - mean;
        mean += delta / count;
        m2 += delta * (value - mean);
    }

    /** Merges a group of {@code n} readings with the given mean and M2 into these (Chan et al.). */
    void include(long n, double groupMean, double groupM2) {
        if (n == 0) {
            return;
        }
        if (count == 0) {
            set(n, groupMean, groupM2);
            return;
        }
        long total = count + n;
        double delta = groupMean - mean;
        double share = (double) n / total;
        mean += delta * share;
        m2 += groupM2 + delta * delta * count * share;
        count = total;
    }

    void include(Moments other) {
        include(other.count, other.mean, other.m2);
    }

    void set(long n, double newMean, double newM2) {
        count = n;
        mean = newMean;
        m2 = newM2;
    }

    void set(Moments other) {
        set(other.count, other.mean, other.m2);
    }

    void clear() {
        set(0, 0, 0);
    }
}
