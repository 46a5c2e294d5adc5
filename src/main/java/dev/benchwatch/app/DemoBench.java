package dev.benchwatch.app;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.action.ActionSpec;
import dev.benchwatch.engine.pipeline.JoinFunction;
import dev.benchwatch.engine.pipeline.OperatorSpec;
import dev.benchwatch.engine.pipeline.PipelineSpec;
import dev.benchwatch.engine.trigger.ComparisonOp;
import dev.benchwatch.engine.trigger.Condition;
import dev.benchwatch.engine.trigger.Operand;
import dev.benchwatch.engine.trigger.Severity;
import dev.benchwatch.engine.trigger.TriggerSpec;
import dev.benchwatch.engine.window.Stat;
import dev.benchwatch.engine.window.WindowSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The bench the engine demo simulates: an oven whose temperature swings through its alarm band, a power
 * supply whose current surges, and a vibration sensor with bursts. Configures channels, windows,
 * pipelines and triggers on an engine.
 */
final class DemoBench {
    static final String OVEN = "oven";
    static final String PSU = "psu";
    static final String SHAKER = "shaker";

    private DemoBench() {
    }

    static void configure(Engine engine, int extraChannels) {
        engine.registerChannel("oven_temp", "°C", OVEN);
        engine.registerChannel("psu_volts", "V", PSU);
        engine.registerChannel("psu_amps", "A", PSU);
        engine.registerChannel("vibration", "g", SHAKER);
        for (int i = 0; i < extraChannels; i++) {
            engine.registerChannel("load_" + i, "", SHAKER);
        }

        engine.addWindow(WindowSpec.slidingTime("oven_temp_500ms", "oven_temp", Duration.ofMillis(500)));
        engine.addWindow(WindowSpec.tumblingTime("psu_volts_1s", "psu_volts", Duration.ofSeconds(1)));
        engine.addWindow(WindowSpec.count("vibration_200", "vibration", 200));

        engine.addPipeline(new PipelineSpec("oven_fahrenheit", "oven_temp", "oven_temp_f", "°F",
                List.of(OperatorSpec.Map.convert("°C", "°F"))));
        engine.addPipeline(new PipelineSpec("psu_power", "psu_volts", "psu_power", "W", List.of(
                new OperatorSpec.Validate(0, 30, 0),
                new OperatorSpec.Join("psu_amps", Duration.ofMillis(1).toNanos(), JoinFunction.MULTIPLY),
                new OperatorSpec.Enrich(Map.of("derived", "volts x amps")))));
        // only strong shocks pass the filter; a session window groups them into bursts
        engine.addPipeline(new PipelineSpec("vibration_shocks", "vibration", "vibration_shocks", "g",
                List.of(new OperatorSpec.Filter(ComparisonOp.GT, 1.5))));
        engine.addWindow(WindowSpec.session("shock_bursts", "vibration_shocks", Duration.ofMillis(200)));
        engine.addWindow(WindowSpec.slidingTime("psu_power_200ms", "psu_power", Duration.ofMillis(200)));

        engine.addTrigger(TriggerSpec.builder("oven_overheat",
                        Condition.compare(Operand.window("oven_temp_500ms", Stat.MEAN), ComparisonOp.GT, 176))
                .name("Oven overheating")
                .severity(Severity.CRITICAL)
                .holdFor(Duration.ofMillis(300))
                .clearWhen(Condition.compare(Operand.window("oven_temp_500ms", Stat.MEAN), ComparisonOp.LT, 173))
                .cooldown(Duration.ofSeconds(1))
                .action(new ActionSpec.Log("{trigger}: mean oven temperature {value} °C"))
                .action(new ActionSpec.Notify("{trigger}", "{channel} at {value}"))
                .build());
        engine.addTrigger(TriggerSpec.builder("power_surge",
                        Condition.compare(Operand.window("psu_power_200ms", Stat.MAX), ComparisonOp.GT, 30))
                .name("Power surge")
                .severity(Severity.WARNING)
                .action(new ActionSpec.MqttPublish("lab/alarms/{trigger}", "{\"value\": {value}}", 1, false))
                .shadow(true)
                .build());
        engine.addTrigger(TriggerSpec.builder("vibration_burst", Condition.or(
                        Condition.compare(Operand.window("vibration_200", Stat.STDDEV), ComparisonOp.GT, 0.5),
                        new Condition.Range(Operand.latest("vibration"), false, -3, 3)))
                .name("Vibration burst")
                .severity(Severity.INFO)
                .clearWhen(Condition.compare(Operand.window("vibration_200", Stat.STDDEV), ComparisonOp.LT, 0.3))
                .build());
    }

    /** The simulated value of a channel at time t (seconds since the demo started). */
    static double signal(String channel, double t, java.util.Random noise) {
        return switch (channel) {
            case "oven_temp" -> 170 + 9 * Math.sin(2 * Math.PI * t / 4) + noise.nextGaussian() * 0.3;
            case "psu_volts" -> 12 + noise.nextGaussian() * 0.05;
            case "psu_amps" -> (t % 3 > 2.6 ? 2.8 : 1.5) + noise.nextGaussian() * 0.02;
            case "vibration" -> (t % 2.5 > 2.0 ? 1.2 : 0.1) * noise.nextGaussian();
            default -> Math.sin(t) + noise.nextGaussian() * 0.1;
        };
    }
}
