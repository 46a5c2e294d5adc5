package dev.benchwatch.engine.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IngestSourceTest {

    record Reading(int channel, long timestamp, double value, long ingest) {
    }

    private static List<Reading> drainAll(IngestSource source) {
        List<Reading> out = new ArrayList<>();
        source.lane().drain((c, t, v, i) -> out.add(new Reading(c, t, v, i)), Integer.MAX_VALUE);
        return out;
    }

    @Test
    void describesItself() {
        IngestSource source = new IngestSource(3, "bench-psu", OverloadPolicy.BLOCK, 100, () -> true);
        assertThat(source.index()).isEqualTo(3);
        assertThat(source.name()).isEqualTo("bench-psu");
        assertThat(source.policy()).isEqualTo(OverloadPolicy.BLOCK);
        assertThat(source.lane().capacity()).isEqualTo(128);
        assertThat(source.queueDepth()).isZero();
        assertThat(source.offered()).isZero();
        assertThat(source.rejectedTotal()).isZero();
        assertThatThrownBy(() -> new IngestSource(0, null, OverloadPolicy.BLOCK, 8, () -> true))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new IngestSource(0, "x", null, 8, () -> true))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void countsRejectionsPerReasonAndInTotal() {
        IngestSource source = new IngestSource(0, "s", OverloadPolicy.BLOCK, 8, () -> true);
        source.count(RejectReason.STALE);
        source.count(RejectReason.STALE);
        source.count(RejectReason.NON_FINITE);
        assertThat(source.rejected(RejectReason.STALE)).isEqualTo(2);
        assertThat(source.rejected(RejectReason.NON_FINITE)).isEqualTo(1);
        assertThat(source.rejected(RejectReason.UNKNOWN_CHANNEL)).isZero();
        assertThat(source.rejectedTotal()).isEqualTo(3);
    }

    @Test
    void offerWithoutIngestTimeStampsTheCurrentNanoTime() {
        IngestSource source = new IngestSource(0, "s", OverloadPolicy.BLOCK, 8, () -> true);
        long before = System.nanoTime();
        assertThat(source.offer(4, 55, 1.5)).isTrue();
        long after = System.nanoTime();
        Reading r = drainAll(source).get(0);
        assertThat(r.channel()).isEqualTo(4);
        assertThat(r.timestamp()).isEqualTo(55);
        assertThat(r.value()).isEqualTo(1.5);
        assertThat(r.ingest()).isBetween(before, after);
    }

    // ------------------------------------------------------------------ DROP_OLDEST

    @Test
    void dropOldestNeverBlocksKeepsTheNewestAndCountsEveryDrop() {
        IngestSource source = new IngestSource(0, "flood", OverloadPolicy.DROP_OLDEST, 8, () -> true);
        int offers = 100_000;
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (int i = 0; i < offers; i++) {
                assertThat(source.offer(1, i, i, i)).isTrue();
            }
        });
        assertThat(source.offered()).isEqualTo(offers);
        assertThat(source.blockedWaits()).isZero();
        assertThat(source.queueDepth()).isEqualTo(8);
        List<Reading> drained = drainAll(source);
        assertThat(source.rejected(RejectReason.DROPPED_OVERLOAD)).isEqualTo(offers - drained.size());
        assertThat(source.rejectedTotal()).isEqualTo(offers - drained.size());
        assertThat(drained).extracting(Reading::timestamp)
                .containsExactly(99_992L, 99_993L, 99_994L, 99_995L, 99_996L, 99_997L, 99_998L, 99_999L);
    }

    /**
     * Two flooding producers and a consumer, all concurrent: producers never wait, and every offered
     * reading was either drained (in per-producer order, once) or counted as DROPPED_OVERLOAD.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void dropOldestUnderConcurrencyAccountsForEveryReading() throws Exception {
        IngestSource source = new IngestSource(0, "flood", OverloadPolicy.DROP_OLDEST, 64, () -> true);
        int producers = 2;
        int perProducer = 200_000;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = startProducers(source, producers, perProducer, start, failure);
        long[] last = {-1, -1};
        long[] drained = {0};
        ReadingSink sink = (channel, timestamp, value, ingest) -> {
            drained[0]++;
            if (timestamp <= last[channel]) {
                failure.compareAndSet(null, new AssertionError("producer " + channel + " went from "
                        + last[channel] + " to " + timestamp));
            }
            last[channel] = timestamp;
        };
        start.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (threads.stream().anyMatch(Thread::isAlive) && System.nanoTime() < deadline) {
            if (source.lane().drain(sink, 16) == 0) {
                Thread.yield();
            }
        }
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(5));
            assertThat(t.isAlive()).as("a DROP_OLDEST producer is stuck").isFalse();
        }
        source.lane().drain(sink, Integer.MAX_VALUE);
        assertThat(failure.get()).isNull();
        assertThat(source.offered()).isEqualTo((long) producers * perProducer);
        assertThat(source.blockedWaits()).isZero();
        assertThat(source.rejected(RejectReason.ENGINE_STOPPED)).isZero();
        assertThat(source.rejected(RejectReason.DROPPED_OVERLOAD))
                .as("dropped = offered - drained").isEqualTo(source.offered() - drained[0]);
        assertThat(drained[0]).isPositive();
        // a discard always makes room for an offer that follows it, so the reading queued last survives:
        // the final reading of whichever producer queued last (the other's may have been pushed out)
        assertThat(Math.max(last[0], last[1])).as("the newest reading survives").isEqualTo(perProducer - 1L);
    }

    /**
     * Starts producers that wait for {@code start}, then each offer {@code perProducer} readings with the
     * producer's number as channel and its sequence as timestamp; a refused offer or error lands in
     * {@code failure}.
     */
    private static List<Thread> startProducers(IngestSource source, int producers, int perProducer,
                                               CountDownLatch start, AtomicReference<Throwable> failure) {
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int id = p;
            threads.add(Thread.ofPlatform().daemon(true).start(() -> {
                try {
                    start.await();
                    for (int seq = 0; seq < perProducer; seq++) {
                        if (!source.offer(id, seq, seq, seq)) {
                            throw new AssertionError(source.policy() + " refused a reading while the engine runs");
                        }
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }));
        }
        return threads;
    }

    // ------------------------------------------------------------------ BLOCK

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void blockWaitsUntilAConsumerMakesRoom() throws Exception {
        IngestSource source = new IngestSource(0, "psu", OverloadPolicy.BLOCK, 2, () -> true);
        assertThat(source.offer(1, 1, 1, 1)).isTrue();
        assertThat(source.offer(1, 2, 2, 2)).isTrue();
        CompletableFuture<Boolean> blocked = CompletableFuture.supplyAsync(() -> source.offer(1, 3, 3, 3),
                runnable -> Thread.ofPlatform().daemon(true).start(runnable));
        Thread.sleep(200);
        assertThat(blocked).as("offer into a full BLOCK lane must wait").isNotDone();
        assertThat(source.blockedWaits()).isPositive();
        assertThat(source.queueDepth()).isEqualTo(2);
        List<Reading> first = new ArrayList<>();
        source.lane().drain((c, t, v, i) -> first.add(new Reading(c, t, v, i)), 1);
        assertThat(blocked.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(first).extracting(Reading::timestamp).containsExactly(1L);
        assertThat(drainAll(source)).extracting(Reading::timestamp).containsExactly(2L, 3L);
        assertThat(source.rejectedTotal()).isZero();
        assertThat(source.offered()).isEqualTo(3);
    }

    /** Two producers, a slow consumer and a 4-slot lane: everything arrives, once, in order per producer. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void blockLosesNothingUnderConcurrency() throws Exception {
        IngestSource source = new IngestSource(0, "psu", OverloadPolicy.BLOCK, 4, () -> true);
        int producers = 2;
        int perProducer = 20_000;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = startProducers(source, producers, perProducer, start, failure);
        long[] next = new long[producers];
        AtomicLong received = new AtomicLong();
        ReadingSink sink = (channel, timestamp, value, ingest) -> {
            received.incrementAndGet();
            if (timestamp != next[channel]) {
                failure.compareAndSet(null, new AssertionError("producer " + channel + ": expected "
                        + next[channel] + ", got " + timestamp));
            }
            next[channel] = timestamp + 1;
        };
        start.countDown();
        long total = (long) producers * perProducer;
        int rounds = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (received.get() < total && failure.get() == null && System.nanoTime() < deadline) {
            if (source.lane().drain(sink, 3) == 0 || ++rounds % 500 == 0) {
                Thread.sleep(0, 100_000); // a slow consumer: producers have to wait now and then
            }
        }
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(5));
            assertThat(t.isAlive()).as("a BLOCK producer is stuck").isFalse();
        }
        assertThat(failure.get()).isNull();
        assertThat(received.get()).isEqualTo(total);
        assertThat(next).containsOnly(perProducer);
        assertThat(source.rejectedTotal()).isZero();
        assertThat(source.offered()).isEqualTo(total);
        assertThat(source.blockedWaits()).as("the lane was full at times").isPositive();
        assertThat(source.queueDepth()).isZero();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void blockedOfferGivesUpWhenTheEngineStops() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        IngestSource source = new IngestSource(0, "psu", OverloadPolicy.BLOCK, 2, running::get);
        source.offer(1, 1, 1, 1);
        source.offer(1, 2, 2, 2);
        CompletableFuture<Boolean> blocked = CompletableFuture.supplyAsync(() -> source.offer(1, 3, 3, 3),
                runnable -> Thread.ofPlatform().daemon(true).start(runnable));
        Thread.sleep(100);
        assertThat(blocked).isNotDone();
        running.set(false);
        assertThat(blocked.get(5, TimeUnit.SECONDS)).as("offer after the engine stopped").isFalse();
        assertThat(source.rejected(RejectReason.ENGINE_STOPPED)).isEqualTo(1);
        assertThat(source.rejectedTotal()).isEqualTo(1);
        assertThat(drainAll(source)).extracting(Reading::timestamp).containsExactly(1L, 2L);
    }

    // ------------------------------------------------------------------ engine stopped

    /**
     * Once the engine-running supplier says false, offers are refused and counted, whether or not the lane
     * has room: nobody will drain a reading queued now, so accepting it would lose it silently.
     */
    @ParameterizedTest
    @EnumSource(OverloadPolicy.class)
    void offersAfterTheEngineStoppedAreRejectedAndCounted(OverloadPolicy policy) {
        AtomicBoolean running = new AtomicBoolean(true);
        IngestSource source = new IngestSource(0, "s", policy, 8, running::get);
        assertThat(source.offer(1, 1, 1, 1)).isTrue();
        running.set(false);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThat(source.offer(1, 2, 2, 2)).as("%s offer into a lane with room after stop", policy).isFalse();
            assertThat(source.offer(1, 3, 3, 3)).isFalse();
        });
        assertThat(source.rejected(RejectReason.ENGINE_STOPPED)).isEqualTo(2);
        assertThat(source.offered()).isEqualTo(3);
        assertThat(drainAll(source)).extracting(Reading::timestamp).containsExactly(1L);
    }

    @ParameterizedTest
    @EnumSource(OverloadPolicy.class)
    void offersIntoAFullLaneAfterTheEngineStoppedAreRejectedWithoutDroppingAnything(OverloadPolicy policy) {
        AtomicBoolean running = new AtomicBoolean(true);
        IngestSource source = new IngestSource(0, "s", policy, 2, running::get);
        source.offer(1, 1, 1, 1);
        source.offer(1, 2, 2, 2);
        running.set(false);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThat(source.offer(1, 3, 3, 3)).isFalse());
        assertThat(source.rejected(RejectReason.ENGINE_STOPPED)).isEqualTo(1);
        assertThat(source.rejected(RejectReason.DROPPED_OVERLOAD)).isZero();
        assertThat(drainAll(source)).extracting(Reading::timestamp).containsExactly(1L, 2L);
    }
}
