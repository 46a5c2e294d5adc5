package dev.benchwatch.workspace.file;

import java.time.Duration;
import java.util.List;

/** Binds one waveform of a simulated channel: sine, noise, steps, random_walk or spikes. */
final class WaveformBinder {
    private final Problems problems;

    WaveformBinder(Problems problems) {
        this.problems = problems;
    }

    DeviceConfig.WaveformConfig bind(Json node, String path) {
        Fields w = Fields.of(node, path, "a waveform", problems);
        if (w == null) {
            return null;
        }
        String type = w.name("type", true, null, "one of sine, noise, steps, random_walk, spikes");
        if (type == null) {
            return null;
        }
        DeviceConfig.WaveformConfig result = switch (type) {
            case "sine" -> new DeviceConfig.WaveformConfig.Sine(w.number("offset", false, 0), w.number("amplitude", true, 0),
                    w.duration("period", true, Duration.ofSeconds(1), true));
            case "noise" -> new DeviceConfig.WaveformConfig.Noise(w.number("mean", false, 0),
                    w.number("sigma", true, 0, "a standard deviation >= 0", s -> s >= 0));
            case "steps" -> {
                List<Double> levels = w.list("levels", true, "numbers", (n, p) -> {
                    if (n instanceof Json.Num num && Double.isFinite(num.doubleValue())) {
                        return num.doubleValue();
                    }
                    problems.at(n, p, "expected a number, got " + n.show());
                    return null;
                });
                if (w.ok() && levels.isEmpty()) {
                    w.error(w.raw("levels"), "levels", "expected at least one level");
                }
                yield new DeviceConfig.WaveformConfig.Steps(levels, w.duration("hold", true, Duration.ofSeconds(1), true));
            }
            case "random_walk" -> {
                double start = w.number("start", false, 0);
                double step = w.number("step", true, 0, "a step standard deviation >= 0", s -> s >= 0);
                double min = w.number("min", true, -1);
                double max = w.number("max", true, 1);
                if (w.ok() && !(min < max && start >= min && start <= max)) {
                    w.error(w.raw("min") , "min", "expected min < max with start within them, got start " + JsonText.number(start)
                            + " in [" + JsonText.number(min) + ", " + JsonText.number(max) + "]");
                }
                yield new DeviceConfig.WaveformConfig.RandomWalk(start, step, min, max);
            }
            case "spikes" -> new DeviceConfig.WaveformConfig.Spikes(w.number("height", true, 0),
                    w.number("probability", true, 0, "a probability per reading from 0 to 1", p -> p >= 0 && p <= 1),
                    w.flag("twoSided", false));
            default -> {
                w.error(w.raw("type"), "type", "expected one of sine, noise, steps, random_walk, spikes, got "
                        + w.raw("type").show());
                yield null;
            }
        };
        w.rejectUnknown();
        return w.ok() ? result : null;
    }
}
