package dev.benchwatch.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.device.DeviceOutput;
import dev.benchwatch.engine.ChannelHistory;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineConfig;
import dev.benchwatch.engine.NanoClock;
import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.metrics.SourceMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recording played back as a device: everything, in order, at the asked pace, with pause and seek. */
class RecordingReplaySourceTest {
    static final long T0 = 1_795_756_387_000_000_000L;
    static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    /** Collects what an adapter hands over. */
    static final class Collected implements DeviceOutput {
        final Map<String, Integer> channels = new LinkedHashMap<>();
        final List<long[]> readings = new ArrayList<>(); // channel, stamp, value bits, arrival nanoTime

        @Override
        public synchronized int channel(String name, String unit, String device) {
            return channels.computeIfAbsent(name + "|" + unit + "|" + device, k -> channels.size());
        }

        @Override
        public synchronized boolean reading(int channel, long timestampNanos, double value) {
            readings.add(new long[] {channel, timestampNanos, Double.doubleToLongBits(value), System.nanoTime()});
            return true;
        }

        synchronized int size() {
            return readings.size();
        }

        synchronized List<long[]> copy() {
            return new ArrayList<>(readings);
        }

        @Override
        public void status(Event event) {
        }
    }

    /** Readings every {@code stepMs} over two device channels and one derived channel. */
    private Path recording(int n, long stepMs) throws Exception {
        Path file = dir.resolve("bench.db");
        try (RecordingFixture f = RecordingFixture.create(file)) {
            long s = f.session(T0, null);
            int a = f.channel(s, "temp", "°C", "oven", false);
            int b = f.channel(s, "volts", "V", "psu", false);
            int d = f.channel(s, "temp_mean", "°C", "", true);
            for (int i = 0; i < n; i++) {
                f.reading(i % 2 == 0 ? a : b, T0 + i * stepMs * MS, i * 0.5);
                f.reading(d, T0 + i * stepMs * MS, -1);
            }
        }
        return file;
    }

    @Test
    void maximumSpeedFeedsTheEngineEverythingWithRecordedTimes() throws Exception {
        int n = 200_000;
        Path file = recording(n, 1);
        Engine engine = new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO)
                .history(n, Duration.ZERO).build());
        engine.start();
        String sourceName;
        try (RecordingReplaySource replay = RecordingReplaySource.open(file, null,
                RecordingReplaySource.MAX_SPEED, RecordingReplaySource.Timestamps.RECORDED)) {
            assertThat(replay.channels()).extracting(RecordedChannel::name).containsExactly("temp", "volts");
            replay.start(engine);
            assertThat(replay.awaitEnd(60_000)).isTrue();
            assertThat(replay.replayed()).isEqualTo(n);
            sourceName = replay.name();
        }
        engine.close();
        assertThat(sourceName).isEqualTo("replay:bench#1");
        assertThat(engine.channels().find("temp_mean")).isEmpty();
        assertThat(engine.channels().find("temp").orElseThrow().unit()).isEqualTo("°C");
        assertThat(engine.channels().find("volts").orElseThrow().device()).isEqualTo("psu");
        SourceMetrics metrics = engine.snapshotNow().metrics().sources().stream()
                .filter(m -> m.name().equals(sourceName)).findFirst().orElseThrow();
        assertThat(metrics.accepted()).isEqualTo(n);
        for (String channel : List.of("temp", "volts")) {
            ChannelHistory history = engine.history(channel);
            long[] ts = new long[n];
            double[] values = new double[n];
            int got = history.copyTo(ts, values);
            assertThat(got).isEqualTo(n / 2);
            int first = channel.equals("temp") ? 0 : 1;
            for (int k = 0; k < got; k++) {
                int i = first + 2 * k;
                assertThat(ts[k]).isEqualTo(T0 + i * MS);
                assertThat(values[k]).isEqualTo(i * 0.5);
            }
        }
    }

    @Test
    void aFiniteSpeedKeepsThePaceAndShiftsTimesToNow() throws Exception {
        Path file = recording(21, 20); // 400 ms of readings
        Collected out = new Collected();
        long before = NanoClock.SYSTEM.nowNanos();
        long started = System.nanoTime();
        try (RecordingReplaySource replay = RecordingReplaySource.open(file, 1L, 2,
                RecordingReplaySource.Timestamps.SHIFTED)) {
            replay.start(out);
            assertThat(replay.awaitEnd(10_000)).isTrue();
        }
        long elapsedMs = (System.nanoTime() - started) / MS;
        assertThat(elapsedMs).isBetween(190L, 2_000L); // 400 ms at 2x
        List<long[]> got = out.copy();
        assertThat(got).hasSize(21);
        long firstStamp = got.getFirst()[1];
        assertThat(firstStamp).isBetween(before, before + 1_000 * MS);
        for (int i = 0; i < got.size(); i++) {
            assertThat(got.get(i)[1] - firstStamp).isEqualTo(i * 10 * MS); // recorded spacing / speed
            assertThat(got.get(i)[3] - got.getFirst()[3]).isGreaterThanOrEqualTo(i * 10 * MS - MS);
        }
    }

    @Test
    void pauseHoldsAndResumeGoesOn() throws Exception {
        Path file = recording(200, 5); // 1 s at 1x
        Collected out = new Collected();
        try (RecordingReplaySource replay = RecordingReplaySource.open(file, null, 1,
                RecordingReplaySource.Timestamps.RECORDED)) {
            replay.start(out);
            Thread.sleep(200);
            replay.pause();
            Thread.sleep(50);
            int held = out.size();
            assertThat(held).isBetween(10, 150);
            Thread.sleep(300);
            assertThat(out.size()).isEqualTo(held);
            assertThat(replay.paused()).isTrue();
            replay.resume();
            assertThat(replay.awaitEnd(10_000)).isTrue();
        }
        List<long[]> got = out.copy();
        assertThat(got).hasSize(200);
        for (int i = 0; i < got.size(); i++) {
            assertThat(got.get(i)[1]).isEqualTo(T0 + i * 5 * MS);
        }
    }

    @Test
    void seekContinuesFromTheOffset() throws Exception {
        Path file = recording(1_000, 10);
        Collected out = new Collected();
        try (RecordingReplaySource replay = RecordingReplaySource.open(file, null, RecordingReplaySource.MAX_SPEED,
                RecordingReplaySource.Timestamps.RECORDED)) {
            replay.pause();
            replay.start(out);
            Thread.sleep(50);
            assertThat(out.size()).isZero();
            replay.seek(Duration.ofMillis(9_000));
            replay.resume();
            assertThat(replay.awaitEnd(10_000)).isTrue();
            assertThat(replay.finished()).isTrue();
        }
        List<long[]> got = out.copy();
        assertThat(got).hasSize(100);
        assertThat(got.getFirst()[1]).isEqualTo(T0 + 9_000 * MS);
        assertThat(got.getLast()[1]).isEqualTo(T0 + 9_990 * MS);
    }

    @Test
    void closingStopsAReplayEarly() throws Exception {
        Path file = recording(1_000, 10); // 10 s at 1x
        Collected out = new Collected();
        RecordingReplaySource replay = RecordingReplaySource.open(file, null, 1,
                RecordingReplaySource.Timestamps.RECORDED);
        replay.start(out);
        Thread.sleep(100);
        long closing = System.nanoTime();
        replay.close();
        assertThat((System.nanoTime() - closing) / MS).isLessThan(1_000);
        assertThat(replay.finished()).isFalse();
        assertThat(out.size()).isLessThan(1_000);
    }
}
