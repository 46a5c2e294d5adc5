package dev.benchwatch.device.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineConfig;
import dev.benchwatch.engine.EngineSnapshot;
import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.event.EventType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SimulatorDeviceTest {
    @Test
    void producesLiveReadingsAndReportsItsStatus() throws Exception {
        List<Event> statuses = new ArrayList<>();
        try (Engine engine = new Engine()) {
            engine.onEvent(EventType.DEVICE_STATUS, e -> {
                synchronized (statuses) {
                    statuses.add(e);
                }
            });
            engine.start();
            SimulatorDevice sim = new SimulatorDevice("bench_sim", 500, List.of(
                    new SimulatedChannel("temp", "°C", List.of(new Waveform.Sine(20, 2, 1), new Waveform.Noise(0, 0.1))),
                    new SimulatedChannel("level", "mm", List.of(new Waveform.Steps(new double[] {1, 2}, 0.1)))), 1);
            sim.start(engine);
            Thread.sleep(400);
            sim.close();
            assertThat(sim.isRunning()).isFalse();
            long produced = sim.produced();
            Thread.sleep(50);
            assertThat(sim.produced()).as("stops producing when closed").isEqualTo(produced);
            assertThat(produced).as("about 2 x 500/s for 0.4 s").isBetween(100L, 1_000L);
            EngineSnapshot snapshot = engine.snapshotNow();
            assertThat(snapshot.channel("temp").device()).isEqualTo("bench_sim");
            assertThat(snapshot.channel("temp").unit()).isEqualTo("°C");
            assertThat(snapshot.channel("temp").latest()).isBetween(17.0, 23.0);
            assertThat(snapshot.channel("level").latest()).isIn(1.0, 2.0);
            assertThat(snapshot.metrics().accepted()).isEqualTo(produced);
            engine.events().awaitIdle(5, TimeUnit.SECONDS);
        }
        synchronized (statuses) {
            assertThat(statuses).extracting(e -> e.metadata().get("state")).containsExactly("CONNECTED", "DISCONNECTED");
        }
    }

    @Test
    void replaysARealNabRecordingWithItsOwnTimestamps() throws Exception {
        // a copy of shared/data/nab (see src/test/resources/nab/README.md)
        Path file = Path.of(getClass().getResource("/nab/machine_temperature_system_failure.csv").toURI());
        NabRecording recording = NabRecording.read(file);
        assertThat(recording.size()).isEqualTo(22_695);
        assertThat(recording.values()[0]).isEqualTo(73.96732207);
        try (Engine engine = new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO).build())) {
            engine.start();
            RecordingReplay replay = new RecordingReplay("machine", "machine_temp", "°F", recording,
                    RecordingReplay.MAX_SPEED, RecordingReplay.Timestamps.RECORDED);
            replay.start(engine);
            assertThat(replay.awaitEnd(30_000)).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (engine.snapshotNow().metrics().accepted() < recording.size() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            EngineSnapshot snapshot = engine.snapshotNow();
            assertThat(snapshot.metrics().accepted()).isEqualTo(recording.size());
            int last = recording.size() - 1;
            assertThat(snapshot.channel("machine_temp").latest()).isEqualTo(recording.values()[last]);
            assertThat(snapshot.channel("machine_temp").latestNanos()).isEqualTo(recording.timestampsNanos()[last]);
            replay.close();
        }
    }

    @Test
    void aBrokenRecordingNamesFileLineAndColumn(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.csv");
        java.nio.file.Files.writeString(file, "timestamp,value\n2013-12-02 21:15:00,73.9\n2013-12-02 21:20:00,abc\n");
        assertThatThrownBy(() -> NabRecording.read(file)).hasMessageEndingWith("broken.csv:3:21: invalid value 'abc'");
        java.nio.file.Files.writeString(file, "timestamp,value\n02/12/2013,1\n");
        assertThatThrownBy(() -> NabRecording.read(file)).hasMessageContaining("broken.csv:2:1: invalid timestamp");
    }

    @Test
    void badSettingsAreRejected() {
        List<SimulatedChannel> one = List.of(new SimulatedChannel("x", "", List.of(new Waveform.Noise(0, 1))));
        assertThatThrownBy(() -> new SimulatorDevice("sim", 0, one, 1)).hasMessageContaining("rate must be within");
        assertThatThrownBy(() -> new SimulatorDevice("sim", 10, List.of(), 1)).hasMessageContaining("at least one channel");
    }
}
