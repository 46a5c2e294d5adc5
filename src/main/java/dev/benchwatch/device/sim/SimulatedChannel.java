package dev.benchwatch.device.sim;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * A simulated channel: a name, a unit and the sum of its waveforms, e.g. a sine plus noise plus spikes.
 * Not thread-safe (random walks keep state): one simulator thread owns it.
 */
public final class SimulatedChannel {
    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]{0,127}");

    private final String name;
    private final String unit;
    private final List<Waveform> components;

    public SimulatedChannel(String name, String unit, List<Waveform> components) {
        if (name == null || !VALID_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid simulated channel name '" + name + "'");
        }
        if (components == null || components.isEmpty()) {
            throw new IllegalArgumentException("simulated channel '" + name + "' needs at least one waveform");
        }
        this.name = name;
        this.unit = unit == null ? "" : unit;
        this.components = List.copyOf(components);
    }

    public String name() {
        return name;
    }

    public String unit() {
        return unit;
    }

    public List<Waveform> components() {
        return components;
    }

    /** The channel's value at {@code t} seconds. */
    public double next(double t, Random random) {
        double sum = 0;
        for (Waveform component : components) {
            sum += component.next(t, random);
        }
        return sum;
    }
}
