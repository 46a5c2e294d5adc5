package dev.benchwatch.workspace.file;

import dev.benchwatch.engine.pipeline.OperatorSpec;
import dev.benchwatch.engine.pipeline.PipelineSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds one pipeline of the {@code pipelines} section, keeping where each output channel and input stands for the
 * checks made once everything is defined: outputs that clash with existing channels, and cycles.
 */
final class PipelineBinder {
    private final Problems problems;
    private final References references;
    private final OperatorBinder operators;
    private final DefinedNames ids = new DefinedNames();
    /** Output channels defined so far, with where. */
    private final Map<String, String> pipelineOutputs = new LinkedHashMap<>();
    private final Map<String, Json.Location> pipelineOutputLocations = new LinkedHashMap<>();
    /** Where each valid pipeline's input stands, for cycle messages. */
    private final Map<String, References.Reference> pipelineInputs = new LinkedHashMap<>();

    PipelineBinder(Problems problems, References references) {
        this.problems = problems;
        this.references = references;
        this.operators = new OperatorBinder(problems, references);
    }

    /** The channels the pipelines create. */
    Set<String> outputs() {
        return pipelineOutputs.keySet();
    }

    PipelineSpec bind(Json node, String path) {
        Fields f = Fields.of(node, path, "a pipeline", problems);
        if (f == null) {
            return null;
        }
        String id = f.identifier("id", true, "a pipeline id");
        ids.define(id, f, "id", "pipeline");
        String input = f.identifier("input", true, "the input channel's name");
        references.add(References.Target.CHANNEL, input, f, "input");
        String output = f.identifier("output", true, "the name of the channel the pipeline creates");
        if (input != null && input.equals(output)) {
            f.error(f.raw("output"), "output", "expected a new channel name, different from the input '" + input + "'");
        }
        if (output != null) {
            String earlier = pipelineOutputs.putIfAbsent(output, f.path("output"));
            if (earlier == null) {
                pipelineOutputLocations.put(f.path("output"), f.raw("output").location());
            } else {
                f.error(f.raw("output"), "output", "channel '" + output + "' is already the output of " + earlier
                        + "; expected each pipeline to create its own channel");
            }
        }
        String unit = f.text("unit", false, "", "a unit text such as \"W\"");
        List<OperatorSpec> operators = f.list("operators", false, "operators", this.operators::bind);
        f.rejectUnknown();
        if (!f.ok()) {
            return null;
        }
        pipelineInputs.put(id, new References.Reference(References.Target.CHANNEL, input, f.raw("input"), f.path("input")));
        return new PipelineSpec(id, input, output, unit, operators);
    }

    /** Reports every output that names one of the {@code existing} channels (declared or defined by a device). */
    void checkOutputs(Set<String> existing) {
        pipelineOutputs.forEach((output, path) -> {
            if (existing.contains(output)) {
                problems.at(locate(path), path, "channel '" + output + "' already exists (declared or defined by a device); "
                        + "expected a new channel name for the pipeline's output");
            }
        });
    }

    /** Reports pipelines that feed each other in a cycle. */
    void checkCycles(List<PipelineSpec> pipelines) {
        PipelineCycles.check(pipelines, pipelineInputs, problems);
    }

    /** The location of a path recorded earlier (pipeline outputs are kept by path only). */
    private Json.Location locate(String path) {
        return pipelineOutputLocations.getOrDefault(path, Json.Location.NONE);
    }
}
