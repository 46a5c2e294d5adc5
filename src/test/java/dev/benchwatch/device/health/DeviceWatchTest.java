package dev.benchwatch.device.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The judging alone, on a hand-driven clock: one tick per second, a 5 s window, 10 s warm-up. */
class DeviceWatchTest {
    private static final long S = 1_000_000_000L;
    private final HealthSettings settings = new HealthSettings(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(60), Duration.ofSeconds(10), 1.0 / 3, 3, 20);
    private final DeviceWatch watch = new DeviceWatch("oven", settings);
    private final CounterAdapter adapter = new CounterAdapter("oven");
    private final List<HealthAlert> alerts = new ArrayList<>();
    private long t;

    /** {@code seconds} ticks with the device sending {@code perSecond} readings each second. */
    private void run(int seconds, long perSecond) {
        for (int i = 0; i < seconds; i++) {
            t += S;
            adapter.readings.addAndGet(perSecond);
            watch.tick(t, adapter, alerts::add);
        }
    }

    @Test
    void aSilentDeviceRaisesOneAlertAndOneClearing() {
        run(30, 100);
        assertThat(alerts).isEmpty();
        run(20, 0);
        assertThat(alerts).hasSize(1);
        HealthAlert raised = alerts.get(0);
        assertThat(raised.kind()).isEqualTo("rate");
        assertThat(raised.raised()).isTrue();
        assertThat(raised.details()).containsEntry("direction", "silent");
        assertThat(raised.observed()).isCloseTo(20, org.assertj.core.data.Offset.offset(1.0)); // 1 of 5 s
        assertThat(raised.expected()).isCloseTo(100, org.assertj.core.data.Offset.offset(5.0)); // the drop's first seconds are learned
        assertThat(raised.priority()).isEqualTo(HealthAlert.SILENT_PRIORITY);
        run(10, 100);
        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(1).raised()).isFalse();
        assertThat(alerts.get(1).correlationId()).isEqualTo(raised.correlationId());
        assertThat(alerts.get(1).priority()).isEqualTo(HealthAlert.CLEARED_PRIORITY);
    }

    @Test
    void aRateThreeTimesNormalIsAnAlertAndTwiceNormalIsNot() {
        run(30, 100);
        run(20, 200);
        assertThat(alerts).isEmpty();
        run(20, 100);
        run(20, 400);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.details()).containsEntry("direction", "high");
            assertThat(a.observed()).isCloseTo(400, org.assertj.core.data.Offset.offset(1.0));
        });
    }

    @Test
    void aLowRateIsAnAlertButNotDuringWarmUp() {
        run(5, 100);
        run(5, 10); // warm-up: not judged, and not even learned as normal yet... the first windows
        assertThat(alerts).isEmpty();
        run(60, 100);
        run(10, 20);
        assertThat(alerts).singleElement().satisfies(a -> assertThat(a.details()).containsEntry("direction", "low"));
    }

    @Test
    void aBurstOfMalformedFramesIsOneAlertClearedWhenTheyStop() {
        run(3, 100);
        for (int i = 0; i < 4; i++) {
            adapter.checksumErrors.addAndGet(6); // 24 within 5 s, over the limit of 20 at the 4th second
            run(1, 100);
        }
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("malformed");
            assertThat(a.observed()).isEqualTo(24);
            assertThat(a.expected()).isEqualTo(20);
        });
        run(10, 100);
        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(1).raised()).isFalse();
    }

    @Test
    void aBurstBeforeTheFirstLookAtAnAdapterIsStillABurst() {
        adapter.checksumErrors.addAndGet(21); // between the adapter's start and the monitor's first tick
        run(1, 100);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("malformed");
            assertThat(a.observed()).isEqualTo(21);
        });
    }

    @Test
    void twentyMalformedFramesIsNotABurst() {
        run(3, 100);
        adapter.checksumErrors.addAndGet(20);
        run(10, 100);
        assertThat(alerts).isEmpty();
    }

    @Test
    void anUnexpectedSenderIsReportedOnceWhileItSendsAndClearedWhenQuiet() {
        run(2, 100);
        adapter.unexpected.put("lab/intruder/temp", 3L);
        run(1, 100);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("unexpected");
            assertThat(a.details()).containsEntry("sender", "lab/intruder/temp");
            assertThat(a.observed()).isEqualTo(3);
        });
        adapter.unexpected.put("lab/intruder/temp", 5L);
        run(2, 100);
        assertThat(alerts).hasSize(1);
        run(10, 100);
        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(1).raised()).isFalse();
    }

    @Test
    void disconnectingOnTheBenchClearsAnOpenRateAlertAndAFreshAdapterStartsOver() {
        run(30, 100);
        run(10, 0);
        assertThat(alerts).hasSize(1);
        t += S;
        watch.tick(t, null, alerts::add);
        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(1).raised()).isFalse();
        CounterAdapter fresh = new CounterAdapter("oven"); // counters from 0 again: no false alarm
        for (int i = 0; i < 20; i++) {
            t += S;
            fresh.readings.addAndGet(100);
            watch.tick(t, fresh, alerts::add);
        }
        assertThat(alerts).hasSize(2);
    }

    @Test
    void aReplayThatEndsIsNotASilentDevice() {
        for (int i = 0; i < 60; i++) {
            t += S;
            adapter.readings.addAndGet(i < 30 ? 100 : 0);
            watch.tick(t, adapter, false, alerts::add);
        }
        assertThat(alerts).isEmpty();
    }
}
