package dev.benchwatch.engine.window;

/**
 * The statistics of a window at one moment: emitted when a tumbling bucket or a session closes, and
 * carried in snapshots for the others.
 *
 * @param windowId  the window's id
 * @param channel   the channel id
 * @param startNanos timestamp of the first reading (or the bucket's start for tumbling windows)
 * @param endNanos  timestamp of the last reading (or the bucket's end for tumbling windows)
 * @param stats     every statistic, indexed by {@link Stat#ordinal()}
 */
public record WindowResult(String windowId, int channel, long startNanos, long endNanos, double[] stats) {
    public double get(Stat stat) {
        return stats[stat.ordinal()];
    }

    public long count() {
        return (long) stats[Stat.COUNT.ordinal()];
    }
}
