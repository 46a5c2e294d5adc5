package dev.benchwatch.ui.chart;

/** What the chart's x axis shows. */
public enum TimeAxisMode {
    /** Wall-clock time of day on this computer (the readings' host timestamps). */
    HOST_TIME,
    /** Seconds since the start of the series (the chart's time origin). */
    DEVICE_TIME,
    /** Seconds on a board's own clock, read from one of its channels ({@link DeviceClock}). */
    DEVICE_CLOCK
}
