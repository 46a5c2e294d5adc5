package dev.benchwatch.app;

import dev.benchwatch.device.DeviceBench;
import dev.benchwatch.device.sim.SimulatedChannel;
import dev.benchwatch.device.sim.SimulatorDevice;
import dev.benchwatch.device.sim.Waveform;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.window.WindowSpec;
import java.time.Duration;
import java.util.List;

/**
 * The bench a first launch shows, with no hardware attached: the demo's oven, power supply and shaker
 * as simulated devices (so they appear in the devices panel and can be disconnected like real ones), the
 * demo's windows, pipelines and triggers, and a 10 s window per channel for the charts' statistics bands.
 */
final class SimulatorBench {
    /** Readings per second per simulated channel. */
    static final double RATE_HZ = 200;

    private SimulatorBench() {
    }

    /** @param connect start the simulated devices at once (tests connect them through the console) */
    static void configure(Engine engine, DeviceBench bench, boolean connect) {
        DemoBench.configure(engine, 0);
        for (String channel : List.of("oven_temp", "psu_volts", "psu_amps", "vibration")) {
            engine.addWindow(WindowSpec.slidingTime(channel + "_10s", channel, Duration.ofSeconds(10)));
        }
        bench.add("simulator", () -> new SimulatorDevice(DemoBench.OVEN, RATE_HZ, List.of(
                new SimulatedChannel("oven_temp", "°C", List.of(new Waveform.Sine(170, 9, 40), new Waveform.Noise(0, 0.4)))),
                1));
        bench.add("simulator", () -> new SimulatorDevice(DemoBench.PSU, RATE_HZ, List.of(
                new SimulatedChannel("psu_volts", "V", List.of(new Waveform.Sine(12, 0.05, 7), new Waveform.Noise(0, 0.03))),
                new SimulatedChannel("psu_amps", "A", List.of(new Waveform.Steps(new double[] {1.5, 1.5, 1.5, 2.8}, 2),
                        new Waveform.Noise(0, 0.03)))), 2));
        bench.add("simulator", () -> new SimulatorDevice(DemoBench.SHAKER, RATE_HZ, List.of(
                new SimulatedChannel("vibration", "g", List.of(new Waveform.Noise(0, 0.15), new Waveform.Spikes(2.5, 0.004, true)))),
                3));
        if (connect) {
            for (DeviceBench.Attached device : bench.devices()) {
                bench.connect(device.name());
            }
        }
    }
}
