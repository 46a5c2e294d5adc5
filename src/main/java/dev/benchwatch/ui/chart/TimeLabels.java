package dev.benchwatch.ui.chart;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Text for time on the x axis and in the cursor readout: time of day in a zone for
 * {@link TimeAxisMode#HOST_TIME}, seconds since an origin for {@link TimeAxisMode#DEVICE_TIME} and
 * {@link TimeAxisMode#DEVICE_CLOCK} (whose origin is the moment the board's clock read zero); the
 * precision follows the tick step, so labels are as short as they can be and still differ.
 */
public final class TimeLabels {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter DAYS = DateTimeFormatter.ofPattern("MMM d HH:mm");

    private final ZoneId zone;

    public TimeLabels(ZoneId zone) {
        this.zone = zone;
    }

    /** Label of a tick at {@code time} (ns) on an axis with ticks {@code step} ns apart. */
    public String tick(TimeAxisMode mode, long time, long step, long origin) {
        if (mode != TimeAxisMode.HOST_TIME) {
            double seconds = (time - origin) / 1e9;
            return AxisTicks.format(seconds, AxisTicks.decimalsFor(step / 1e9));
        }
        DateTimeFormatter format = step >= 86_400_000_000_000L ? DAYS
                : step >= 1_000_000_000L ? SECONDS : step >= 1_000_000L ? MILLIS : MICROS;
        return format.format(local(time));
    }

    /** A point in time for the readout, to the millisecond (or microsecond when {@code fine}). */
    public String instant(TimeAxisMode mode, long time, long origin, boolean fine) {
        if (mode != TimeAxisMode.HOST_TIME) {
            return AxisTicks.format((time - origin) / 1e9, fine ? 6 : 3) + " s";
        }
        return (fine ? MICROS : MILLIS).format(local(time));
    }

    /** A duration: "2.250 s", "15.0 ms", "120 µs", "1:02:03.5". */
    public static String duration(long nanos) {
        long magnitude = Math.abs(nanos);
        String sign = nanos < 0 ? "-" : "";
        if (magnitude >= 3_600_000_000_000L) {
            long totalTenths = magnitude / 100_000_000L;
            long h = totalTenths / 36_000;
            long m = totalTenths / 600 % 60;
            double s = totalTenths % 600 / 10.0;
            return String.format(java.util.Locale.ROOT, "%s%d:%02d:%04.1f", sign, h, m, s);
        }
        if (magnitude >= 1_000_000_000L) {
            return sign + AxisTicks.format(magnitude / 1e9, 3) + " s";
        }
        if (magnitude >= 1_000_000L) {
            return sign + AxisTicks.format(magnitude / 1e6, 2) + " ms";
        }
        return sign + AxisTicks.format(magnitude / 1e3, 1) + " µs";
    }

    /** Name of the axis, shown under its right end ({@code clock}: the device clock's channel, or null). */
    public String axisName(TimeAxisMode mode, String clock) {
        return switch (mode) {
            case DEVICE_TIME -> "s since start";
            case DEVICE_CLOCK -> "s on " + (clock == null ? "the device" : clock) + "'s clock";
            case HOST_TIME -> "time of day (" + zone.getId() + ")";
        };
    }

    /** Epoch ns of the local midnight that starts the day of {@code time}. */
    public long localMidnight(long time) {
        LocalDateTime midnight = local(time).toLocalDate().atStartOfDay();
        return midnight.atZone(zone).toEpochSecond() * 1_000_000_000L;
    }

    private LocalDateTime local(long time) {
        return LocalDateTime.ofInstant(Instant.ofEpochSecond(Math.floorDiv(time, 1_000_000_000L),
                Math.floorMod(time, 1_000_000_000L)), zone);
    }
}
