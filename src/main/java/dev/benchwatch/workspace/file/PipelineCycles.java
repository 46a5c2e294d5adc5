package dev.benchwatch.workspace.file;

import dev.benchwatch.engine.pipeline.OperatorSpec;
import dev.benchwatch.engine.pipeline.PipelineSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds pipelines that feed each other in a cycle. */
final class PipelineCycles {
    private PipelineCycles() {
    }

    /**
     * A pipeline fed, through inputs and joins, by its own output would never get a first reading; the
     * engine refuses it, so the file is refused too (once per cycle, at the first pipeline of it in the file).
     */
    static void check(List<PipelineSpec> pipelines, Map<String, References.Reference> inputs, Problems problems) {
        Map<String, PipelineSpec> producer = new LinkedHashMap<>();
        pipelines.forEach(p -> producer.put(p.output(), p));
        Set<String> reported = new LinkedHashSet<>();
        for (PipelineSpec start : pipelines) {
            List<String> cycle = cycleThrough(start, producer);
            if (cycle != null && Collections.disjoint(cycle, reported)) {
                reported.addAll(cycle);
                References.Reference input = inputs.get(start.id());
                problems.at(input.at(), input.path(), "pipelines " + String.join(" -> ", cycle) + " -> " + start.id()
                        + " feed each other in a cycle; expected every pipeline to start from a device's channel");
            }
        }
    }

    /** The ids of a cycle that leads from {@code start} back to itself, or null. */
    private static List<String> cycleThrough(PipelineSpec start, Map<String, PipelineSpec> producer) {
        ArrayDeque<List<String>> paths = new ArrayDeque<>();
        paths.add(List.of(start.id()));
        Map<String, PipelineSpec> byId = new LinkedHashMap<>();
        producer.values().forEach(p -> byId.put(p.id(), p));
        Set<String> seen = new LinkedHashSet<>();
        while (!paths.isEmpty()) {
            List<String> path = paths.poll();
            PipelineSpec last = byId.get(path.get(path.size() - 1));
            List<String> sources = new ArrayList<>();
            sources.add(last.input());
            last.operators().stream().filter(o -> o instanceof OperatorSpec.Join)
                    .forEach(o -> sources.add(((OperatorSpec.Join) o).otherChannel()));
            for (String channel : sources) {
                PipelineSpec feeder = producer.get(channel);
                if (feeder == null) {
                    continue;
                }
                if (feeder.id().equals(start.id())) {
                    List<String> cycle = new ArrayList<>(path);
                    Collections.reverse(cycle.subList(1, cycle.size()));
                    return cycle;
                }
                if (seen.add(feeder.id())) {
                    List<String> longer = new ArrayList<>(path);
                    longer.add(feeder.id());
                    paths.add(longer);
                }
            }
        }
        return null;
    }
}
