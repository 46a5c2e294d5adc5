package dev.benchwatch.engine.pipeline;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A named chain of operators from an input channel to a derived output channel,
 * e.g. volts → join(amps, 5 ms, multiply) → aggregate(sliding 1 s, mean) → power_avg.
 *
 * @param id         unique pipeline id
 * @param input      the input channel's name
 * @param output     the derived channel's name (created when the pipeline is registered)
 * @param outputUnit the derived channel's unit
 * @param operators  the steps, in order (may be empty: a plain copy)
 */
public record PipelineSpec(String id, String input, String output, String outputUnit, List<OperatorSpec> operators) {
    private static final Pattern VALID_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]{0,127}");

    public PipelineSpec {
        if (id == null || !VALID_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("invalid pipeline id '" + id + "'");
        }
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("pipeline '" + id + "': input channel must not be empty");
        }
        if (output == null || output.isBlank()) {
            throw new IllegalArgumentException("pipeline '" + id + "': output channel must not be empty");
        }
        if (input.equals(output)) {
            throw new IllegalArgumentException("pipeline '" + id + "': output '" + output
                    + "' must differ from the input (a pipeline derives a new channel)");
        }
        outputUnit = outputUnit == null ? "" : outputUnit;
        operators = operators == null ? List.of() : List.copyOf(operators);
    }
}
