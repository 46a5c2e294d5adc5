package dev.benchwatch.engine.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class WakeupTest {
    @Test
    void aSignalEndsAParkLongBeforeItsTimeout() throws Exception {
        Wakeup wakeup = new Wakeup();
        long parkNanos = Duration.ofSeconds(30).toNanos();
        Thread sleeper = Thread.ofPlatform().start(() -> wakeup.park(() -> false, parkNanos));
        while (sleeper.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();
        }
        wakeup.signal();
        sleeper.join(Duration.ofSeconds(10));
        assertThat(sleeper.isAlive()).as("woken by the signal, not the 30 s timeout").isFalse();
    }

    @Test
    void workFoundOnTheLastLookMeansNoPark() throws Exception {
        Wakeup wakeup = new Wakeup();
        AtomicBoolean returned = new AtomicBoolean();
        Thread sleeper = Thread.ofPlatform().start(() -> {
            wakeup.park(() -> true, Duration.ofSeconds(30).toNanos());
            returned.set(true);
        });
        sleeper.join(Duration.ofSeconds(10));
        assertThat(returned).isTrue();
    }

    @Test
    void offeringWakesTheSleeper() throws Exception {
        Wakeup wakeup = new Wakeup();
        IngestSource source = new IngestSource(0, "d", OverloadPolicy.BLOCK, 16, () -> true, wakeup);
        Thread sleeper = Thread.ofPlatform().start(() ->
                wakeup.park(() -> source.queueDepth() > 0, Duration.ofSeconds(30).toNanos()));
        while (sleeper.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();
        }
        source.offer(0, 1, 1.0);
        sleeper.join(Duration.ofSeconds(10));
        assertThat(sleeper.isAlive()).isFalse();
    }

    @org.junit.jupiter.api.Test
    void aLazyWakeupLeavesTheSleeperToWakeByItselfUnlessAProducerMustWait() throws Exception {
        Wakeup lazy = new Wakeup(true);
        java.util.concurrent.atomic.AtomicLong sleptNanos = new java.util.concurrent.atomic.AtomicLong();
        Thread sleeper = Thread.ofPlatform().start(() -> {
            long start = System.nanoTime();
            lazy.park(() -> false, 300_000_000L);
            sleptNanos.set(System.nanoTime() - start);
        });
        Thread.sleep(50);
        lazy.signal(); // a reading queued: not worth a wake-up
        Thread.sleep(100);
        org.assertj.core.api.Assertions.assertThat(sleeper.isAlive()).isTrue();
        lazy.signalNow(); // a producer waits for room
        sleeper.join(2_000);
        org.assertj.core.api.Assertions.assertThat(sleeper.isAlive()).isFalse();
        org.assertj.core.api.Assertions.assertThat(sleptNanos.get()).isLessThan(290_000_000L);
    }
}
