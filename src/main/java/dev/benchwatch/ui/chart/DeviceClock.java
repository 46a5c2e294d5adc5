package dev.benchwatch.ui.chart;

import java.util.Locale;

/**
 * A board's own clock, read from one of its channels: a field the board sends with each frame holding
 * its time (for example milliseconds since it booted), declared in the workspace with a time unit
 * ({@code s}, {@code ms}, {@code us}/{@code µs} or {@code ns}). The chart's x axis can then count seconds on
 * that clock ({@link TimeAxisMode#DEVICE_CLOCK}) instead of the host's.
 *
 * <p>Readings keep the host's time stamps (windows, triggers and staleness run on one clock). The axis is
 * mapped through the clock's latest reading at or before the moment asked about: at host time {@code t_k}
 * the board said {@code v_k}, so its clock read zero at {@code t_k - v_k}, and the axis counts seconds from
 * there. A board whose clock drifts against the host's shows the drift as the mapping moves between readings.
 */
public final class DeviceClock {
    private final String channel;
    private final double nanosPerUnit;
    private final SeriesBuffer readings;

    /**
     * @param channel      the clock's channel name
     * @param nanosPerUnit nanoseconds in one unit of the channel's values ({@link #nanosPerUnit(String)})
     * @param readings     the channel's readings: host time stamps and the board's clock values
     */
    public DeviceClock(String channel, double nanosPerUnit, SeriesBuffer readings) {
        if (!(nanosPerUnit > 0)) {
            throw new IllegalArgumentException("a clock's unit must be a positive length of time");
        }
        this.channel = channel;
        this.nanosPerUnit = nanosPerUnit;
        this.readings = readings;
    }

    /** Nanoseconds in one {@code unit}, or NaN when the unit is not one of time (s, ms, us, µs, ns). */
    public static double nanosPerUnit(String unit) {
        return switch (unit == null ? "" : unit.trim().toLowerCase(Locale.ROOT)) {
            case "s" -> 1e9;
            case "ms" -> 1e6;
            case "us", "µs", "μs" -> 1e3;
            case "ns" -> 1;
            default -> Double.NaN;
        };
    }

    public String channel() {
        return channel;
    }

    /** The clock's readings (the chart's panel fills them from the engine's history). */
    public SeriesBuffer readings() {
        return readings;
    }

    /**
     * The host time (epoch ns) at which the board's clock read zero, judged by its latest reading at or
     * before {@code hostTime} (its first reading when none is that old); {@link Long#MIN_VALUE} when the
     * clock has no reading yet or the reading is NaN.
     */
    public long zeroAt(long hostTime) {
        if (readings.isEmpty()) {
            return Long.MIN_VALUE;
        }
        long s = readings.sequenceAtOrAfter(hostTime + 1) - 1;
        if (s < readings.firstSequence()) {
            s = readings.firstSequence();
        }
        double value = readings.valueAt(s);
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Long.MIN_VALUE;
        }
        return readings.timeAt(s) - Math.round(value * nanosPerUnit);
    }
}
