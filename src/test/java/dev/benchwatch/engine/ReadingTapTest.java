package dev.benchwatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.engine.ingest.IngestSource;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import dev.benchwatch.engine.pipeline.OperatorSpec;
import dev.benchwatch.engine.pipeline.PipelineSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReadingTapTest {
    private static final long T0 = 1_700_000_000_000_000_000L;

    private record Seen(int channel, long ts, double value, boolean derived, String thread) {
    }

    @Test
    void seesEveryAcceptedReadingAndPipelineOutputInOrderButNoRejectedOne() {
        AtomicLong now = new AtomicLong(T0);
        try (Engine engine = new Engine(EngineConfig.builder().clock(now::get).build())) {
            int volts = engine.registerChannel("volts", "V", "psu").id();
            engine.addPipeline(new PipelineSpec("double", "volts", "volts_x2", "V",
                    List.of(new OperatorSpec.Map(2, 0))));
            int doubled = engine.channels().idOf("volts_x2");
            List<Seen> seen = new ArrayList<>();
            engine.addReadingTap((channel, ts, value, derived) ->
                    seen.add(new Seen(channel, ts, value, derived, Thread.currentThread().getName())));
            IngestSource psu = engine.registerSource("psu", OverloadPolicy.BLOCK);

            psu.offer(volts, T0, 1.5);
            psu.offer(volts, T0 + 1, Double.NaN);                              // rejected: not tapped
            psu.offer(volts, T0 - Duration.ofSeconds(10).toNanos(), 3.0);     // stale: not tapped
            psu.offer(volts, T0 + 2, 2.5);
            engine.doWork();

            assertThat(seen).extracting(Seen::channel, Seen::ts, Seen::value, Seen::derived).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(volts, T0, 1.5, false),
                    org.assertj.core.groups.Tuple.tuple(doubled, T0, 3.0, true),
                    org.assertj.core.groups.Tuple.tuple(volts, T0 + 2, 2.5, false),
                    org.assertj.core.groups.Tuple.tuple(doubled, T0 + 2, 5.0, true));
            assertThat(engine.snapshotNow().metrics().accepted()).isEqualTo(2);
        }
    }

    @Test
    void runsOnTheEngineThreadAndStopsOnceRemoved() throws Exception {
        try (Engine engine = new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO).build())) {
            int ch = engine.registerChannel("ch", "", "dev").id();
            IngestSource source = engine.registerSource("dev", OverloadPolicy.BLOCK);
            engine.start();
            AtomicLong count = new AtomicLong();
            List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
            ReadingTap tap = (channel, ts, value, derived) -> {
                if (count.getAndIncrement() == 0) {
                    threads.add(Thread.currentThread().getName());
                }
            };
            engine.addReadingTap(tap);
            for (int i = 0; i < 1_000; i++) {
                source.offer(ch, T0 + i, i);
            }
            awaitAccepted(engine, 1_000);
            assertThat(count.get()).isEqualTo(1_000);
            assertThat(threads).containsExactly("benchwatch-engine");

            assertThat(engine.removeReadingTap(tap)).isTrue();
            assertThat(engine.removeReadingTap(tap)).isFalse();
            for (int i = 0; i < 1_000; i++) {
                source.offer(ch, T0 + 1_000 + i, i);
            }
            awaitAccepted(engine, 2_000);
            assertThat(count.get()).isEqualTo(1_000);
        }
    }

    @Test
    void severalTapsEachSeeEverythingAndAThrowingTapIsCountedWithoutStoppingTheEngine() {
        try (Engine engine = new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO).build())) {
            int ch = engine.registerChannel("ch", "", "dev").id();
            IngestSource source = engine.registerSource("dev", OverloadPolicy.BLOCK);
            AtomicLong first = new AtomicLong();
            AtomicLong second = new AtomicLong();
            engine.addReadingTap((channel, ts, value, derived) -> first.incrementAndGet());
            engine.addReadingTap((channel, ts, value, derived) -> second.incrementAndGet());
            for (int i = 0; i < 10; i++) {
                source.offer(ch, T0 + i, i);
            }
            engine.doWork();
            assertThat(first.get()).isEqualTo(10);
            assertThat(second.get()).isEqualTo(10);

            engine.addReadingTap((channel, ts, value, derived) -> {
                throw new IllegalStateException("broken tap");
            });
            source.offer(ch, T0 + 10, 10);
            source.offer(ch, T0 + 11, 11);
            engine.doWork();
            EngineSnapshot snapshot = engine.snapshotNow();
            assertThat(snapshot.metrics().accepted()).isEqualTo(12);
            assertThat(snapshot.metrics().errors()).isEqualTo(2);
            assertThat(snapshot.channel("ch").latest()).isEqualTo(11.0);
        }
    }

    private static void awaitAccepted(Engine engine, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (engine.snapshotNow().metrics().accepted() < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(engine.snapshotNow().metrics().accepted()).isEqualTo(expected);
    }
}
