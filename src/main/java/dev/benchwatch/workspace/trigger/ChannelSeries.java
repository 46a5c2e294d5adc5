package dev.benchwatch.workspace.trigger;

import java.util.Objects;

/**
 * One channel's recorded readings as two parallel primitive arrays, the shape the engine's history copies
 * into ({@code ChannelHistory.copyTo}): a backtest over a million readings then needs no object per reading.
 *
 * <p>The arrays are not copied (a copy of a million readings per keystroke in the editor would be waste):
 * the caller must not change the first {@code length} entries while a backtest or a chart uses them.
 *
 * @param channel    the channel's name, as triggers name it
 * @param unit       the channel's unit, "" when it has none
 * @param timestamps event time of each reading, nanoseconds since the epoch, in arrival order
 * @param values     the value of each reading
 * @param length     how many entries of the arrays are readings (the arrays may be longer)
 */
public record ChannelSeries(String channel, String unit, long[] timestamps, double[] values, int length) {
    public ChannelSeries {
        if (channel == null || channel.isBlank()) {
            throw new IllegalArgumentException("a series needs a channel name");
        }
        unit = unit == null ? "" : unit;
        Objects.requireNonNull(timestamps, "timestamps");
        Objects.requireNonNull(values, "values");
        if (length < 0 || length > timestamps.length || length > values.length) {
            throw new IllegalArgumentException("series '" + channel + "': length " + length + " does not fit "
                    + timestamps.length + " timestamps and " + values.length + " values");
        }
    }

    /** A series over the whole of both arrays, which must have the same length. */
    public static ChannelSeries of(String channel, String unit, long[] timestamps, double[] values) {
        if (timestamps.length != values.length) {
            throw new IllegalArgumentException("series '" + channel + "': " + timestamps.length + " timestamps but "
                    + values.length + " values");
        }
        return new ChannelSeries(channel, unit, timestamps, values, timestamps.length);
    }

    public boolean isEmpty() {
        return length == 0;
    }

    public long timestamp(int i) {
        return timestamps[Objects.checkIndex(i, length)];
    }

    public double value(int i) {
        return values[Objects.checkIndex(i, length)];
    }

    /** The first reading's timestamp; the series must not be empty. */
    public long firstTimestamp() {
        return timestamp(0);
    }

    /** The last reading's timestamp; the series must not be empty. */
    public long lastTimestamp() {
        return timestamp(length - 1);
    }
}
