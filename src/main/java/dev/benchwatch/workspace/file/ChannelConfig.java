package dev.benchwatch.workspace.file;

import dev.benchwatch.engine.pipeline.OperatorSpec;
import java.util.Optional;

/**
 * A channel the workspace names: its engine name, unit, the device that produces it and an optional linear
 * scaling from the device's raw value ({@code value * scale + offset}).
 *
 * <p>Scaling is a pipeline map step ({@link Scaling#toOperator()}, the engine's {@link OperatorSpec.Map}) from
 * the device's raw readings to the named channel; docs/WORKSPACE.md, "Channels", says how it will be applied.
 */
public record ChannelConfig(String name, String unit, String device, Scaling scaling) {
    public ChannelConfig {
        unit = unit == null ? "" : unit;
    }

    /** {@code value * scale + offset}. */
    public record Scaling(double scale, double offset) {
        /** The pipeline step that applies it. */
        public OperatorSpec.Map toOperator() {
            return new OperatorSpec.Map(scale, offset);
        }
    }

    public Optional<Scaling> scalingIfAny() {
        return Optional.ofNullable(scaling);
    }
}
