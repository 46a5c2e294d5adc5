package dev.benchwatch.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A board's clock read from one of its channels maps host time to seconds on that clock. */
class DeviceClockTest {
    private static final long S = 1_000_000_000L;
    private static final long T0 = 1_750_000_000L * S;

    @Test
    void unitsOfTimeAndOnlyThose() {
        assertThat(DeviceClock.nanosPerUnit("s")).isEqualTo(1e9);
        assertThat(DeviceClock.nanosPerUnit("ms")).isEqualTo(1e6);
        assertThat(DeviceClock.nanosPerUnit(" MS ")).isEqualTo(1e6);
        assertThat(DeviceClock.nanosPerUnit("us")).isEqualTo(1e3);
        assertThat(DeviceClock.nanosPerUnit("µs")).isEqualTo(1e3);
        assertThat(DeviceClock.nanosPerUnit("ns")).isEqualTo(1);
        assertThat(DeviceClock.nanosPerUnit("°C")).isNaN();
        assertThat(DeviceClock.nanosPerUnit("")).isNaN();
        assertThat(DeviceClock.nanosPerUnit(null)).isNaN();
        assertThatThrownBy(() -> new DeviceClock("t", Double.NaN, new SeriesBuffer(16)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zeroIsWhereTheLatestReadingAtOrBeforeTheMomentPutsIt() {
        SeriesBuffer readings = new SeriesBuffer(16);
        DeviceClock clock = new DeviceClock("board.t", 1e6, readings);
        assertThat(clock.zeroAt(T0)).as("no reading yet").isEqualTo(Long.MIN_VALUE);

        readings.append(T0, 2_000);          // 2 s on the board's clock at T0
        readings.append(T0 + S, 3_010);      // it runs 10 ms fast per second
        assertThat(clock.zeroAt(T0 - S)).as("before the first reading: the first").isEqualTo(T0 - 2 * S);
        assertThat(clock.zeroAt(T0)).isEqualTo(T0 - 2 * S);
        assertThat(clock.zeroAt(T0 + S / 2)).isEqualTo(T0 - 2 * S);
        assertThat(clock.zeroAt(T0 + 5 * S)).as("the latest reading").isEqualTo(T0 + S - 3_010_000_000L);

        readings.append(T0 + 2 * S, Double.NaN);
        assertThat(clock.zeroAt(T0 + 2 * S)).as("a NaN reading gives no zero").isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void axisNamesTheClock() {
        TimeLabels labels = new TimeLabels(java.time.ZoneOffset.UTC);
        assertThat(labels.axisName(TimeAxisMode.DEVICE_CLOCK, "board.t")).isEqualTo("s on board.t's clock");
        assertThat(labels.axisName(TimeAxisMode.DEVICE_TIME, null)).isEqualTo("s since start");
        assertThat(labels.tick(TimeAxisMode.DEVICE_CLOCK, T0 + 12_500_000_000L, S / 2, T0)).isEqualTo("12.5");
    }
}
