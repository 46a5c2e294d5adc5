package dev.benchwatch.engine.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Batch offers through a small lane while the engine side drains (and, under DROP_OLDEST, producers discard):
 * every reading arrives once, whole and in its producer's order, or is counted as dropped.
 */
class BatchOfferTest {
    private static final int PRODUCERS = 3;
    private static final int PER_PRODUCER = 200_000;

    @Test
    void aBatchTakesTheFreeSlotsInARowAndNoMore() {
        ReadingLane lane = new ReadingLane(8);
        int[] channels = {1, 2, 3, 4, 5, 6};
        long[] times = {10, 20, 30, 40, 50, 60};
        double[] values = {1.5, 2.5, 3.5, 4.5, 5.5, 6.5};
        assertThat(lane.offerBatch(channels, times, values, 7, 0, 6)).isEqualTo(6);
        assertThat(lane.offerBatch(channels, times, values, 7, 1, 5)).isEqualTo(2); // 8 slots: 2 were left
        assertThat(lane.offerBatch(channels, times, values, 7, 3, 3)).isZero();
        List<String> out = new ArrayList<>();
        lane.drain((c, t, v, i) -> out.add(c + "@" + t + "=" + v + "/" + i), 100);
        assertThat(out).containsExactly("1@10=1.5/7", "2@20=2.5/7", "3@30=3.5/7", "4@40=4.5/7", "5@50=5.5/7",
                "6@60=6.5/7", "2@20=2.5/7", "3@30=3.5/7");
    }

    @RepeatedTest(3)
    void underBlockEveryReadingArrivesOnceInItsProducersOrder() throws Exception {
        Outcome outcome = run(OverloadPolicy.BLOCK);
        for (int p = 0; p < PRODUCERS; p++) {
            assertThat(outcome.received[p]).as("producer %d", p).isEqualTo(PER_PRODUCER);
        }
        assertThat(outcome.source.rejectedTotal()).isZero();
        assertThat(outcome.source.offersInProgress()).isZero();
    }

    @RepeatedTest(3)
    void underDropOldestWhatArrivesIsWholeAndInOrderAndTheRestIsCounted() throws Exception {
        Outcome outcome = run(OverloadPolicy.DROP_OLDEST);
        long received = 0;
        for (int p = 0; p < PRODUCERS; p++) {
            received += outcome.received[p];
        }
        assertThat(received + outcome.source.rejected(RejectReason.DROPPED_OVERLOAD))
                .isEqualTo((long) PRODUCERS * PER_PRODUCER);
        assertThat(outcome.source.offersInProgress()).isZero();
    }

    private record Outcome(IngestSource source, long[] received) {
    }

    /** Producers offer batches of 1-100 readings; checks torn or reordered readings while draining. */
    private static Outcome run(OverloadPolicy policy) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        IngestSource source = new IngestSource(0, "batch", policy, 64, running::get);
        long[] received = new long[PRODUCERS];
        long[] last = {-1, -1, -1};
        List<String> problems = new ArrayList<>();
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            int producer = p;
            producers.add(Thread.ofPlatform().start(() -> {
                int[] channels = new int[100];
                long[] times = new long[100];
                double[] values = new double[100];
                int next = 0;
                while (next < PER_PRODUCER) {
                    int n = Math.min(PER_PRODUCER - next, 1 + ThreadLocalRandom.current().nextInt(100));
                    for (int i = 0; i < n; i++) {
                        channels[i] = producer;
                        times[i] = next + i;
                        values[i] = producer * 1e9 + next + i;
                    }
                    source.offerBatch(channels, times, values, n, 42);
                    next += n;
                }
            }));
        }
        boolean producing = true;
        while (producing || source.queueDepth() > 0) {
            producing = producers.stream().anyMatch(Thread::isAlive);
            source.lane().drain((channel, time, value, ingest) -> {
                if (value != channel * 1e9 + time || ingest != 42) {
                    problems.add("torn reading " + channel + "@" + time + "=" + value);
                } else if (time <= last[channel]) {
                    problems.add("producer " + channel + ": " + time + " after " + last[channel]);
                }
                last[channel] = time;
                received[channel]++;
            }, 256);
        }
        for (Thread producer : producers) {
            producer.join();
        }
        assertThat(problems).isEmpty();
        return new Outcome(source, received);
    }
}
