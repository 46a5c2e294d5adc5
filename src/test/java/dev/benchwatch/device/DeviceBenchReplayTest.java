package dev.benchwatch.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.device.sim.NabRecording;
import dev.benchwatch.device.sim.RecordingReplay;
import dev.benchwatch.device.sim.SimulatedChannel;
import dev.benchwatch.device.sim.SimulatorDevice;
import dev.benchwatch.device.sim.Waveform;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineConfig;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A recording played at maximum speed through the bench is held back by a small lane, never dropped. */
class DeviceBenchReplayTest {
    @Test
    void aMaximumSpeedReplayOnTheBenchLosesNothingThroughATinyLane() throws Exception {
        Path file = Path.of(getClass().getResource("/nab/machine_temperature_system_failure.csv").toURI());
        NabRecording recording = NabRecording.read(file);
        try (Engine engine = new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO).laneCapacity(64).build());
             DeviceBench bench = new DeviceBench(engine)) {
            engine.start();
            bench.add("replay", () -> new RecordingReplay("machine", "machine_temp", "°F", recording,
                    RecordingReplay.MAX_SPEED, RecordingReplay.Timestamps.RECORDED));
            assertThat(bench.find("machine").orElseThrow().adapter().overloadPolicy()).isEqualTo(OverloadPolicy.BLOCK);
            bench.connect("machine");
            assertThat(((RecordingReplay) bench.find("machine").orElseThrow().adapter()).awaitEnd(30_000)).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (engine.snapshotNow().metrics().accepted() < recording.size() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(engine.snapshotNow().metrics().accepted()).isEqualTo(recording.size());
            assertThat(engine.snapshotNow().metrics().drops()).isZero();
        }
    }

    @Test
    void aLiveDeviceDisplacesTheOldestReadingsRatherThanStall() {
        SimulatorDevice live = new SimulatorDevice("oven", 100, List.of(new SimulatedChannel("t", "°C",
                List.of(new Waveform.Noise(0, 1)))), 1);
        assertThat(live.overloadPolicy()).isEqualTo(OverloadPolicy.DROP_OLDEST);
        NabRecording one = new NabRecording("one", new long[] {1}, new double[] {1});
        assertThat(new RecordingReplay("m", "c", "", one, 1.0, RecordingReplay.Timestamps.RECORDED).overloadPolicy())
                .as("a replay at its own pace behaves as a live device").isEqualTo(OverloadPolicy.DROP_OLDEST);
    }
}
