package dev.benchwatch.engine.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReadingLaneTest {

    record Reading(int channel, long timestamp, double value, long ingest) {
    }

    /** Collects drained readings. */
    static final class Collector implements ReadingSink {
        final List<Reading> readings = new ArrayList<>();

        @Override
        public void accept(int channel, long timestampNanos, double value, long ingestNanoTime) {
            readings.add(new Reading(channel, timestampNanos, value, ingestNanoTime));
        }
    }

    private static Reading reading(int i) {
        return new Reading(i % 7, 1_000L * i, i + 0.5, -i);
    }

    private static boolean offer(ReadingLane lane, Reading r) {
        return lane.offer(r.channel(), r.timestamp(), r.value(), r.ingest());
    }

    // ------------------------------------------------------------------ capacity

    @ParameterizedTest
    @CsvSource({"2, 2", "3, 4", "4, 4", "5, 8", "1000, 1024", "1024, 1024", "1025, 2048", "65536, 65536"})
    void capacityIsRoundedUpToAPowerOfTwo(int requested, int expected) {
        ReadingLane lane = new ReadingLane(requested);
        assertThat(lane.capacity()).isEqualTo(expected);
        for (int i = 0; i < expected; i++) {
            assertThat(lane.offer(1, i, i, i)).as("offer #%d of %d", i, expected).isTrue();
        }
        assertThat(lane.offer(1, 0, 0, 0)).as("offer beyond the rounded capacity").isFalse();
        assertThat(lane.size()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 1, (1 << 28) + 1, Integer.MAX_VALUE})
    void invalidCapacityIsRejectedWithTheValue(int capacity) {
        assertThatThrownBy(() -> new ReadingLane(capacity))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(capacity));
    }

    // ------------------------------------------------------------------ single thread

    @Test
    void drainsInFifoOrderWithEveryFieldIntact() {
        ReadingLane lane = new ReadingLane(8);
        for (int i = 0; i < 8; i++) {
            assertThat(offer(lane, reading(i))).isTrue();
        }
        Collector out = new Collector();
        assertThat(lane.drain(out, 3)).isEqualTo(3);
        assertThat(lane.size()).isEqualTo(5);
        assertThat(lane.drain(out, 100)).isEqualTo(5);
        assertThat(lane.drain(out, 100)).isZero();
        assertThat(lane.size()).isZero();
        List<Reading> expected = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            expected.add(reading(i));
        }
        assertThat(out.readings).containsExactlyElementsOf(expected);
    }

    @Test
    void extremePrimitiveValuesSurviveTheTrip() {
        ReadingLane lane = new ReadingLane(4);
        lane.offer(Integer.MIN_VALUE, Long.MIN_VALUE, Double.NaN, Long.MAX_VALUE);
        lane.offer(Integer.MAX_VALUE, Long.MAX_VALUE, -0.0, Long.MIN_VALUE);
        lane.offer(0, 0, Double.NEGATIVE_INFINITY, 0);
        Collector out = new Collector();
        lane.drain(out, 10);
        assertThat(out.readings).containsExactly(
                new Reading(Integer.MIN_VALUE, Long.MIN_VALUE, Double.NaN, Long.MAX_VALUE),
                new Reading(Integer.MAX_VALUE, Long.MAX_VALUE, -0.0, Long.MIN_VALUE),
                new Reading(0, 0, Double.NEGATIVE_INFINITY, 0));
    }

    @Test
    void offerReturnsFalseWhenFullAndTrueAgainOnceOneIsDrained() {
        ReadingLane lane = new ReadingLane(4);
        for (int i = 0; i < 4; i++) {
            assertThat(offer(lane, reading(i))).isTrue();
        }
        assertThat(offer(lane, reading(99))).isFalse();
        assertThat(offer(lane, reading(99))).isFalse();
        assertThat(lane.size()).isEqualTo(4);
        Collector out = new Collector();
        assertThat(lane.drain(out, 1)).isEqualTo(1);
        assertThat(offer(lane, reading(4))).isTrue();
        assertThat(offer(lane, reading(5))).isFalse();
        lane.drain(out, 10);
        assertThat(out.readings).containsExactly(reading(0), reading(1), reading(2), reading(3), reading(4));
    }

    @Test
    void drainWithLimitZeroTakesNothing() {
        ReadingLane lane = new ReadingLane(2);
        offer(lane, reading(1));
        Collector out = new Collector();
        assertThat(lane.drain(out, 0)).isZero();
        assertThat(out.readings).isEmpty();
        assertThat(lane.size()).isEqualTo(1);
    }

    /** Many laps around a small ring: slots are reused with the right sequence numbers. */
    @Test
    void keepsOrderOverManyLapsOfTheRing() {
        ReadingLane lane = new ReadingLane(4);
        Collector out = new Collector();
        int next = 0;
        int expected = 0;
        for (int lap = 0; lap < 10_000; lap++) {
            int burst = 1 + lap % 4;
            for (int i = 0; i < burst; i++) {
                assertThat(offer(lane, reading(next++))).isTrue();
            }
            lane.drain(out, 1 + lap % 3);
            for (Reading r : out.readings) {
                assertThat(r).isEqualTo(reading(expected++));
            }
            out.readings.clear();
            lane.drain(out, 4);
            for (Reading r : out.readings) {
                assertThat(r).isEqualTo(reading(expected++));
            }
            out.readings.clear();
        }
        assertThat(expected).isEqualTo(next);
    }

    @Test
    void discardOldestRemovesTheOldestAndReportsAnEmptyLane() {
        ReadingLane lane = new ReadingLane(4);
        assertThat(lane.discardOldest()).isFalse();
        for (int i = 0; i < 4; i++) {
            offer(lane, reading(i));
        }
        assertThat(lane.discardOldest()).isTrue();
        assertThat(lane.size()).isEqualTo(3);
        assertThat(offer(lane, reading(4))).as("a discard makes room").isTrue();
        assertThat(lane.discardOldest()).isTrue();
        Collector out = new Collector();
        lane.drain(out, 10);
        assertThat(out.readings).containsExactly(reading(2), reading(3), reading(4));
        assertThat(lane.discardOldest()).isFalse();
        // and the lane keeps working after being emptied by discards
        for (int i = 0; i < 3; i++) {
            offer(lane, reading(10 + i));
        }
        while (lane.discardOldest()) {
            // discard all
        }
        assertThat(lane.size()).isZero();
        offer(lane, reading(20));
        out.readings.clear();
        lane.drain(out, 10);
        assertThat(out.readings).containsExactly(reading(20));
    }

    // ------------------------------------------------------------------ concurrency

    /**
     * 4 producers x 200,000 readings through a 1,024-slot lane into one consumer: every reading arrives
     * exactly once, and each producer's readings arrive in the order it offered them. The producer id
     * travels in the channel; its sequence number in the timestamp, the value and the ingest time.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void manyProducersOneConsumerLoseNothingDuplicateNothingAndKeepPerProducerOrder() throws Exception {
        int producers = 4;
        int perProducer = 200_000;
        ReadingLane lane = new ReadingLane(1_024);
        CountDownLatch start = new CountDownLatch(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int id = p;
            threads.add(Thread.ofPlatform().daemon(true).name("producer-" + p).start(() -> {
                try {
                    start.await();
                    for (int seq = 0; seq < perProducer; seq++) {
                        while (!lane.offer(id, seq, id * 1e7 + seq, ((long) id << 32) | seq)) {
                            if (System.nanoTime() > deadline) {
                                throw new AssertionError("producer " + id + " stuck at " + seq + ": lane never had room");
                            }
                            Thread.yield();
                        }
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }));
        }
        long[] next = new long[producers];
        long[] received = {0};
        String[] error = {null};
        ReadingSink check = (channel, timestamp, value, ingest) -> {
            received[0]++;
            if (error[0] != null) {
                return;
            }
            if (channel < 0 || channel >= producers) {
                error[0] = "unknown producer " + channel;
            } else if (timestamp != next[channel]) {
                error[0] = "producer " + channel + ": expected sequence " + next[channel] + " but got " + timestamp
                        + (timestamp < next[channel] ? " (duplicate or reordered)" : " (lost readings)");
            } else if (value != channel * 1e7 + timestamp || ingest != (((long) channel << 32) | timestamp)) {
                error[0] = "torn reading: channel " + channel + ", ts " + timestamp + ", value " + value
                        + ", ingest " + ingest;
            } else {
                next[channel]++;
            }
        };
        start.countDown();
        long total = (long) producers * perProducer;
        while (received[0] < total && System.nanoTime() < deadline && error[0] == null) {
            if (lane.drain(check, 256) == 0) {
                Thread.yield();
            }
        }
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(5));
            assertThat(t.isAlive()).as("%s still running", t.getName()).isFalse();
        }
        assertThat(failure.get()).isNull();
        assertThat(error[0]).isNull();
        assertThat(received[0]).isEqualTo(total);
        assertThat(next).containsOnly(perProducer);
        assertThat(lane.drain(check, 10)).as("nothing left over").isZero();
        assertThat(lane.size()).isZero();
    }

    /**
     * The lane is multi-consumer too (DROP_OLDEST discards from producer threads): with two consumers
     * draining concurrently every reading is taken exactly once, and each consumer sees each producer's
     * readings in order.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void twoConsumersTakeEveryReadingExactlyOnce() throws Exception {
        int producers = 2;
        int perProducer = 100_000;
        ReadingLane lane = new ReadingLane(64);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        AtomicBoolean producing = new AtomicBoolean(true);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> producerThreads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int id = p;
            producerThreads.add(Thread.ofPlatform().daemon(true).start(() -> {
                try {
                    start.await();
                    for (int seq = 0; seq < perProducer; seq++) {
                        while (!lane.offer(id, seq, seq, seq)) {
                            if (System.nanoTime() > deadline) {
                                throw new AssertionError("producer " + id + " stuck at " + seq + ": lane never had room");
                            }
                            Thread.yield();
                        }
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }));
        }
        BitSet[][] seen = new BitSet[2][producers];
        List<Thread> consumers = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            BitSet[] mine = seen[c];
            for (int p = 0; p < producers; p++) {
                mine[p] = new BitSet(perProducer);
            }
            long[] last = new long[producers];
            java.util.Arrays.fill(last, -1);
            ReadingSink sink = (channel, timestamp, value, ingest) -> {
                if (timestamp <= last[channel]) {
                    failure.compareAndSet(null, new AssertionError("consumer saw producer " + channel + " go from "
                            + last[channel] + " to " + timestamp));
                }
                last[channel] = timestamp;
                if (mine[channel].get((int) timestamp)) {
                    failure.compareAndSet(null, new AssertionError("duplicate " + channel + "/" + timestamp));
                }
                mine[channel].set((int) timestamp);
            };
            consumers.add(Thread.ofPlatform().daemon(true).start(() -> {
                try {
                    start.await();
                    while ((producing.get() || lane.size() > 0) && System.nanoTime() < deadline) {
                        if (lane.drain(sink, 32) == 0) {
                            Thread.yield();
                        }
                    }
                    lane.drain(sink, Integer.MAX_VALUE);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }));
        }
        start.countDown();
        for (Thread t : producerThreads) {
            t.join(TimeUnit.SECONDS.toMillis(25));
        }
        producing.set(false);
        for (Thread t : consumers) {
            t.join(TimeUnit.SECONDS.toMillis(5));
            assertThat(t.isAlive()).as("consumer still running").isFalse();
        }
        assertThat(failure.get()).isNull();
        for (int p = 0; p < producers; p++) {
            BitSet a = seen[0][p];
            BitSet b = seen[1][p];
            assertThat(a.intersects(b)).as("producer %d readings taken twice", p).isFalse();
            BitSet union = (BitSet) a.clone();
            union.or(b);
            assertThat(union.cardinality()).as("producer %d readings taken", p).isEqualTo(perProducer);
        }
    }
}
