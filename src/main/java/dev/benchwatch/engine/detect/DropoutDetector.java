package dev.benchwatch.engine.detect;

/**
 * Dropout: no reading for longer than a duration. Scored two ways: {@link #update} returns the gap (seconds)
 * that the reading just closed, so a replay finds every gap; {@link #silentFor(long)} says how long a live
 * channel has been quiet at a given clock time, for a periodic check that cannot wait for the next reading.
 * Run one per device (or per channel) whose silence matters.
 */
public final class DropoutDetector implements Detector {
    private final double durationSeconds;
    private long lastTimestamp = Long.MIN_VALUE;
    private double lastGap;

    /** @param durationNanos silence longer than this is a dropout */
    public DropoutDetector(long durationNanos) {
        Settings.requirePositive(durationNanos, "duration");
        this.durationSeconds = durationNanos / 1e9;
    }

    @Override
    public double update(long timestampNanos, double value) {
        double gap = Double.NaN;
        if (lastTimestamp != Long.MIN_VALUE) {
            gap = Math.max(0, timestampNanos - lastTimestamp) / 1e9;
            lastGap = gap;
        }
        lastTimestamp = Math.max(lastTimestamp, timestampNanos);
        return gap;
    }

    /** Seconds since the newest reading, at clock time {@code nowNanos} (NaN before the first reading). */
    public double silentFor(long nowNanos) {
        return lastTimestamp == Long.MIN_VALUE ? Double.NaN : Math.max(0, nowNanos - lastTimestamp) / 1e9;
    }

    @Override
    public boolean warmedUp() {
        return lastTimestamp != Long.MIN_VALUE;
    }

    @Override
    public double threshold() {
        return durationSeconds;
    }

    @Override
    public String describe(double score, double value) {
        return String.format(java.util.Locale.ROOT, "no reading for %s (limit %s)",
                Settings.duration((long) (lastGap * 1e9)), Settings.duration((long) (durationSeconds * 1e9)));
    }
}
