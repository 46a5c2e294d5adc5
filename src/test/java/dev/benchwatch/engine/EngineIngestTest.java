package dev.benchwatch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchwatch.engine.ingest.IngestSource;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import dev.benchwatch.engine.ingest.RejectReason;
import dev.benchwatch.engine.metrics.EngineMetrics;
import dev.benchwatch.engine.metrics.SourceMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EngineIngestTest {
    private static final long T0 = 1_700_000_000_000_000_000L;

    @Test
    void readingsFromManyProducerThreadsAllArriveOnTheEngineThread() throws Exception {
        try (Engine engine = new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO).laneCapacity(1024)
                .build())) {
            int producers = 4;
            int perProducer = 50_000;
            List<Integer> channels = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                channels.add(engine.registerChannel("ch" + p, "V", "dev" + p).id());
            }
            engine.start();
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                // two sources share one lane to exercise multi-producer offers into one source
                IngestSource source = p < 2 ? sourceNamed(engine, "shared")
                        : engine.registerSource("dev" + p, OverloadPolicy.BLOCK);
                int channel = channels.get(p);
                threads.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < perProducer; i++) {
                        source.offer(channel, T0 + i, i);
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            awaitAccepted(engine, (long) producers * perProducer);
            EngineSnapshot snapshot = engine.snapshotNow();
            for (int p = 0; p < producers; p++) {
                assertThat(snapshot.channel("ch" + p).count()).isEqualTo(perProducer);
                // per-producer order is kept: the last value is the last offered
                assertThat(snapshot.channel("ch" + p).latest()).isEqualTo(perProducer - 1);
            }
            assertThat(snapshot.metrics().rejectedTotal()).isZero();
            assertThat(snapshot.metrics().latency().count()).isEqualTo((long) producers * perProducer);
        }
    }

    private static IngestSource sharedSource;

    private static synchronized IngestSource sourceNamed(Engine engine, String name) {
        if (sharedSource == null || !sharedSource.name().equals(name) || sharedSourceEngine != engine) {
            sharedSource = engine.registerSource(name, OverloadPolicy.BLOCK);
            sharedSourceEngine = engine;
        }
        return sharedSource;
    }

    private static Engine sharedSourceEngine;

    @Test
    void rejectsAreCountedPerReasonAndPerSource() {
        AtomicLong now = new AtomicLong(T0);
        try (Engine engine = new Engine(EngineConfig.builder().clock(now::get).build())) {
            int temp = engine.registerChannel("temp", "°C", "oven").id();
            IngestSource oven = engine.registerSource("oven", OverloadPolicy.BLOCK);
            IngestSource psu = engine.registerSource("psu", OverloadPolicy.BLOCK);
            oven.offer(temp, T0, 20.0);
            oven.offer(temp, T0 - Duration.ofSeconds(6).toNanos(), 21.0); // stale: older than the default 5 s
            oven.offer(temp, T0 - Duration.ofSeconds(4).toNanos(), 22.0); // within 5 s: accepted
            oven.offer(temp, T0, Double.NaN);
            oven.offer(temp, T0, Double.POSITIVE_INFINITY);
            psu.offer(42, T0, 1.0); // unknown channel
            psu.offer(-1, T0, 1.0);
            psu.offer(temp, T0, 23.0);
            drain(engine);

            EngineMetrics m = engine.snapshotNow().metrics();
            assertThat(m.accepted()).isEqualTo(3);
            assertThat(m.rejected(RejectReason.STALE)).isEqualTo(1);
            assertThat(m.rejected(RejectReason.NON_FINITE)).isEqualTo(2);
            assertThat(m.rejected(RejectReason.UNKNOWN_CHANNEL)).isEqualTo(2);
            SourceMetrics ovenMetrics = source(m, "oven");
            SourceMetrics psuMetrics = source(m, "psu");
            assertThat(ovenMetrics.accepted()).isEqualTo(2);
            assertThat(ovenMetrics.rejected(RejectReason.STALE)).isEqualTo(1);
            assertThat(ovenMetrics.rejected(RejectReason.NON_FINITE)).isEqualTo(2);
            assertThat(ovenMetrics.rejected(RejectReason.UNKNOWN_CHANNEL)).isZero();
            assertThat(psuMetrics.accepted()).isEqualTo(1);
            assertThat(psuMetrics.rejected(RejectReason.UNKNOWN_CHANNEL)).isEqualTo(2);
            // nothing is lost without a counter
            for (SourceMetrics s : m.sources()) {
                long rejected = s.rejected().values().stream().mapToLong(Long::longValue).sum();
                assertThat(s.accepted() + rejected).isEqualTo(s.offered());
            }
            assertThat(engine.snapshotNow().channel("temp").latest()).isEqualTo(23.0);
        }
    }

    @Test
    void maxAgeIsConfigurableAndZeroDisablesIt() {
        AtomicLong now = new AtomicLong(T0);
        try (Engine strict = new Engine(EngineConfig.builder().clock(now::get)
                .maxReadingAge(Duration.ofMillis(100)).build());
             Engine lenient = new Engine(EngineConfig.builder().clock(now::get).maxReadingAge(Duration.ZERO).build())) {
            for (Engine engine : List.of(strict, lenient)) {
                int ch = engine.registerChannel("x", "", "d").id();
                IngestSource source = engine.registerSource("d", OverloadPolicy.BLOCK);
                source.offer(ch, T0 - Duration.ofMillis(200).toNanos(), 1);
                source.offer(ch, T0 - Duration.ofDays(365).toNanos(), 1);
                drain(engine);
            }
            assertThat(strict.snapshotNow().metrics().rejected(RejectReason.STALE)).isEqualTo(2);
            assertThat(lenient.snapshotNow().metrics().accepted()).isEqualTo(2);
        }
    }

    @Test
    void dropOldestKeepsTheNewestReadingsAndCountsEveryDrop() {
        try (Engine engine = new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO).build())) {
            int ch = engine.registerChannel("x", "", "d").id();
            IngestSource source = engine.registerSource("d", OverloadPolicy.DROP_OLDEST, 16);
            for (int i = 0; i < 100; i++) {
                assertThat(source.offer(ch, T0 + i, i)).isTrue(); // never blocks
            }
            drain(engine);
            EngineSnapshot snapshot = engine.snapshotNow();
            assertThat(snapshot.metrics().drops()).isEqualTo(84);
            assertThat(snapshot.metrics().accepted()).isEqualTo(16);
            assertThat(snapshot.channel("x").latest()).isEqualTo(99);
            double[] values = new double[engine.history("x").capacity()];
            int n = engine.history("x").copyTo(new long[values.length], values);
            assertThat(n).isEqualTo(16);
            assertThat(values[0]).isEqualTo(84); // the 16 newest survived, in order
        }
    }

    @Test
    void blockPolicyWaitsForTheEngineAndLosesNothing() throws Exception {
        try (Engine engine = new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO).build())) {
            int ch = engine.registerChannel("x", "", "d").id();
            IngestSource source = engine.registerSource("d", OverloadPolicy.BLOCK, 8);
            Thread producer = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 10_000; i++) {
                    source.offer(ch, T0 + i, i);
                }
            });
            Thread.sleep(50);
            assertThat(producer.isAlive()).as("producer blocks on a full lane").isTrue();
            engine.start();
            producer.join(10_000);
            awaitAccepted(engine, 10_000);
            assertThat(engine.snapshotNow().metrics().drops()).isZero();
            assertThat(source.blockedWaits()).isPositive();
        }
    }

    @Test
    void closingDrainsWhatWasQueuedAndLaterOffersAreRefusedAndCounted() throws Exception {
        Engine engine = new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO).build());
        int ch = engine.registerChannel("x", "", "d").id();
        IngestSource source = engine.registerSource("d", OverloadPolicy.BLOCK, 1 << 16);
        for (int i = 0; i < 10_000; i++) {
            source.offer(ch, T0 + i, i);
        }
        engine.start();
        // producers still offering while the engine closes: every offer is accepted or counted, none stranded
        Thread producer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 200_000; i++) {
                source.offer(ch, T0 + i, i);
            }
        });
        Thread.sleep(5);
        engine.close();
        producer.join();
        EngineMetrics m = engine.snapshot().metrics();
        assertThat(m.accepted() + source.rejected(RejectReason.ENGINE_STOPPED)).isEqualTo(source.offered());
        assertThat(source.queueDepth()).isZero();
        assertThat(source.offer(ch, T0, 1)).isFalse();
        assertThat(source.rejected(RejectReason.ENGINE_STOPPED)).isPositive();
    }

    @Test
    void duplicateSourceNamesAreRejected() {
        try (Engine engine = new Engine()) {
            engine.registerSource("psu", OverloadPolicy.BLOCK);
            assertThatThrownBy(() -> engine.registerSource("psu", OverloadPolicy.DROP_OLDEST))
                    .hasMessageContaining("source 'psu' is already registered");
        }
    }

    @Test
    void channelRegistryMapsNamesUnitsAndDevicesToIds() {
        try (Engine engine = new Engine()) {
            Channel volts = engine.registerChannel("psu_volts", "V", "psu");
            Channel amps = engine.registerChannel("psu_amps", "A", "psu");
            assertThat(volts.id()).isEqualTo(0);
            assertThat(amps.id()).isEqualTo(1);
            assertThat(engine.registerChannel("psu_volts", "V", "psu")).isEqualTo(volts);
            assertThat(engine.channels().idOf("psu_amps")).isEqualTo(1);
            assertThat(engine.channels().get(1).unit()).isEqualTo("A");
            assertThatThrownBy(() -> engine.registerChannel("psu_volts", "mV", "psu"))
                    .hasMessageContaining("already registered with unit 'V'");
            assertThatThrownBy(() -> engine.registerChannel("bad name", "", ""))
                    .hasMessageContaining("invalid channel name 'bad name'");
            assertThatThrownBy(() -> engine.channels().idOf("nope")).hasMessageContaining("unknown channel 'nope'");
        }
    }

    @Test
    void historyIsRetainedByCountAndByAge() {
        try (Engine engine = new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO)
                .history(1000, Duration.ofSeconds(1)).build())) {
            int ch = engine.registerChannel("x", "", "d").id();
            IngestSource source = engine.registerSource("d", OverloadPolicy.BLOCK, 4096);
            long step = Duration.ofMillis(10).toNanos();
            for (int i = 0; i < 500; i++) {
                source.offer(ch, T0 + i * step, i);
            }
            drain(engine);
            ChannelHistory history = engine.history("x");
            // 1 s of readings 10 ms apart, newest at 4.99 s: readings from 3.99 s on are kept
            assertThat(history.size()).isEqualTo(101);
            assertThat(history.latest()).isEqualTo(499);
        }
        try (Engine engine = new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO)
                .history(100, Duration.ZERO).build())) {
            int ch = engine.registerChannel("x", "", "d").id();
            IngestSource source = engine.registerSource("d", OverloadPolicy.BLOCK, 4096);
            for (int i = 0; i < 500; i++) {
                source.offer(ch, T0 + i, i);
            }
            drain(engine);
            assertThat(engine.history("x").size()).isEqualTo(100);
        }
    }

    static SourceMetrics source(EngineMetrics metrics, String name) {
        return metrics.sources().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** Drives an engine without its own thread until every lane is empty. */
    static void drain(Engine engine) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (engine.doWork() > 0 || engine.snapshotNow().metrics().queueDepth() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("engine did not drain");
            }
        }
    }

    static void awaitAccepted(Engine engine, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (engine.snapshotNow().metrics().accepted() < expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("accepted " + engine.snapshotNow().metrics().accepted() + " of " + expected);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void theLowCpuIdleModeParksBetweenBurstsAndStillTakesEveryReading() throws Exception {
        try (Engine engine = new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO)
                .idleMode(EngineConfig.IdleMode.LOW_CPU).build())) {
            int ch = engine.registerChannel("x", "", "d").id();
            IngestSource source = engine.registerSource("d", OverloadPolicy.BLOCK);
            engine.start();
            for (int burst = 0; burst < 50; burst++) { // bursts with pauses: the engine parks in between
                for (int i = 0; i < 1_000; i++) {
                    assertThat(source.offer(ch, T0 + burst * 1_000L + i, i)).isTrue();
                }
                Thread.sleep(2);
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (engine.history("x").appended() < 50_000 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(engine.history("x").appended()).isEqualTo(50_000);
            assertThat(engine.snapshotNow().metrics().accepted()).isEqualTo(50_000);
        }
    }
}
