package dev.benchwatch.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Ticks, labels and the visible range: the chart's arithmetic, without a display. */
class ChartAxesTest {
    private static final long S = 1_000_000_000L;

    @Test
    void valueStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(AxisTicks.valueStep(10, 5)).isEqualTo(2);
        assertThat(AxisTicks.valueStep(100, 10)).isEqualTo(10);
        assertThat(AxisTicks.valueStep(0.07, 5)).isCloseTo(0.02, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(AxisTicks.valueStep(37, 4)).isEqualTo(10);
        assertThat(AxisTicks.valueStep(0, 4)).isEqualTo(1);
        assertThat(AxisTicks.decimalsFor(0.02)).isEqualTo(2);
        assertThat(AxisTicks.decimalsFor(5)).isZero();
        assertThat(AxisTicks.format(-0.0001, 2)).isEqualTo("0.00");
    }

    @Test
    void timeStepsAreRoundForAPerson() {
        assertThat(AxisTicks.timeStep(10 * S, 8)).isEqualTo(2 * S);
        assertThat(AxisTicks.timeStep(60 * S, 6)).isEqualTo(10 * S);
        assertThat(AxisTicks.timeStep(90 * S, 6)).isEqualTo(15 * S);
        assertThat(AxisTicks.timeStep(S / 100, 10)).isEqualTo(1_000_000L);
        assertThat(AxisTicks.timeStep(3600 * S, 6)).isEqualTo(600 * S);
    }

    @Test
    void readoutNumbersKeepFiveSignificantDigitsAndDeltasTheirDecimals() {
        assertThat(AxisTicks.significant(21.43712)).isEqualTo("21.437");
        assertThat(AxisTicks.significant(12345.6)).isEqualTo("12346");
        assertThat(AxisTicks.significant(0.00123456)).isEqualTo("0.0012346");
        assertThat(AxisTicks.significant(Double.NaN)).isEqualTo("-");
        assertThat(AxisTicks.delta(0.0641, 66.573, 66.637)).isEqualTo("+0.064");
        assertThat(AxisTicks.delta(-5.8148, 47.036, 41.222)).isEqualTo("-5.815");
    }

    @Test
    void hostTimeIsTimeOfDayAndDeviceTimeIsSecondsSinceTheOrigin() {
        TimeLabels labels = new TimeLabels(ZoneOffset.UTC);
        long t = 1_764_216_000_000_000_000L + 3_723 * S + 250_000_000L; // 05:02:03.250 UTC
        assertThat(labels.tick(TimeAxisMode.HOST_TIME, t, S, 0)).isEqualTo("05:02:03");
        assertThat(labels.tick(TimeAxisMode.HOST_TIME, t, 50_000_000L, 0)).isEqualTo("05:02:03.250");
        assertThat(labels.tick(TimeAxisMode.DEVICE_TIME, t, 500_000_000L, t - 12_250_000_000L)).isEqualTo("12.3");
        assertThat(labels.tick(TimeAxisMode.DEVICE_TIME, t - 250_000_000L, 2 * S, t - 12_250_000_000L)).isEqualTo("12");
        assertThat(labels.instant(TimeAxisMode.DEVICE_TIME, t, t - 2 * S, false)).isEqualTo("2.000 s");
        assertThat(TimeLabels.duration(2_250_000_000L)).isEqualTo("2.250 s");
        assertThat(TimeLabels.duration(-15_000_000L)).isEqualTo("-15.00 ms");
        assertThat(TimeLabels.duration(3_723_500_000_000L)).isEqualTo("1:02:03.5");
        assertThat(labels.localMidnight(t)).isEqualTo(1_764_201_600_000_000_000L);
    }

    @Test
    void viewportFollowsUntilZoomedPannedOrFrozen() {
        TimeViewport v = new TimeViewport(10 * S);
        assertThat(v.track(100 * S)).isTrue();
        assertThat(v.end()).isEqualTo(100 * S + 1);
        assertThat(v.span()).isEqualTo(10 * S);
        assertThat(v.track(100 * S)).isFalse();
        v.freeze();
        assertThat(v.track(200 * S)).isFalse();
        assertThat(v.end()).isEqualTo(100 * S + 1);
        v.follow();
        assertThat(v.track(200 * S)).isTrue();
        long anchor = v.start() + v.span() / 4;
        double before = (double) (anchor - v.start()) / v.span();
        v.zoom(0.5, anchor);
        assertThat(v.following()).isFalse();
        assertThat(v.span()).isEqualTo(5 * S);
        assertThat((double) (anchor - v.start()) / v.span()).isCloseTo(before, org.assertj.core.data.Offset.offset(1e-9));
        v.pan(S);
        assertThat(v.end() - v.start()).isEqualTo(5 * S);
        v.reset();
        assertThat(v.following()).isTrue();
        assertThat(v.span()).isEqualTo(10 * S);
        assertThatThrownBy(() -> v.zoom(0, 0)).hasMessageContaining("zoom");
        assertThatThrownBy(() -> v.show(5, 6)).hasMessageContaining("span");
    }
}
