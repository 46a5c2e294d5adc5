package dev.benchwatch.bench;

import dev.benchwatch.bench.esper.EsperThroughputBenchmark;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the throughput benchmarks in one JMH run and prints them as ratios against each other: Benchwatch
 * against every Esper configuration (and the fastest), Benchwatch against the bare lane, and the allocation
 * per reading. Takes the usual JMH command-line options; without a benchmark pattern it runs
 * {@link EngineThroughputBenchmark} and {@link EsperThroughputBenchmark}, and without a profiler it adds
 * {@code -prof gc}.
 */
public final class ThroughputComparison {
    private ThroughputComparison() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions command = new CommandLineOptions(args);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(command);
        if (command.getIncludes().isEmpty()) {
            options.include(EngineThroughputBenchmark.class.getName() + "\\.")
                    .include(EsperThroughputBenchmark.class.getName() + "\\.");
        }
        if (command.getProfilers().isEmpty()) {
            options.addProfiler(GCProfiler.class);
        }
        Collection<RunResult> results = new Runner(options.build()).run();

        List<Row> rows = new ArrayList<>();
        for (RunResult result : results) {
            rows.add(Row.of(result));
        }
        Row engine = find(rows, "EngineThroughputBenchmark.engine");
        Row lane = find(rows, "EngineThroughputBenchmark.laneOnly");
        Row fastestEsper = null;
        for (Row row : rows) {
            if (row.name.startsWith("EsperThroughputBenchmark") && (fastestEsper == null || row.score > fastestEsper.score)) {
                fastestEsper = row;
            }
        }

        System.out.println();
        System.out.println("| benchmark | readings/s | ± (99.9%) | B/reading (gc.alloc.rate.norm) | Benchwatch engine / this |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        for (Row row : rows) {
            String ratio = engine == null ? "" : String.format(Locale.ROOT, "%.2fx", engine.score / row.score);
            System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f | %s | %s |%n", row.label(), row.score, row.error,
                    Double.isNaN(row.allocPerOp) ? "" : String.format(Locale.ROOT, "%.3f", row.allocPerOp), ratio);
        }
        System.out.println();
        if (engine != null && fastestEsper != null) {
            System.out.printf(Locale.ROOT, "Benchwatch / fastest Esper (%s): %.1fx (target >= 3x)%n", fastestEsper.label(),
                    engine.score / fastestEsper.score);
        }
        if (engine != null) {
            System.out.printf(Locale.ROOT, "Benchwatch: %,.0f readings/s on one thread (target >= 5,000,000), "
                    + "%.3f B allocated per reading (target <= 1)%n", engine.score, engine.allocPerOp);
        }
        if (engine != null && lane != null) {
            System.out.printf(Locale.ROOT, "Benchwatch / bare lane hand-off: %.3f (the lane alone: %.1f ns per reading, "
                    + "the engine: %.1f ns per reading)%n", engine.score / lane.score, 1e9 / lane.score, 1e9 / engine.score);
        }
    }

    private static Row find(List<Row> rows, String name) {
        return rows.stream().filter(r -> r.name.equals(name)).findFirst().orElse(null);
    }

    private record Row(String name, String params, double score, double error, double allocPerOp) {
        static Row of(RunResult result) {
            String benchmark = result.getParams().getBenchmark();
            String[] parts = benchmark.split("\\.");
            String name = parts[parts.length - 2] + "." + parts[parts.length - 1];
            StringBuilder params = new StringBuilder();
            for (String key : result.getParams().getParamsKeys()) {
                params.append(params.length() == 0 ? "" : ", ").append(key).append('=')
                        .append(result.getParams().getParam(key));
            }
            Result<?> primary = result.getPrimaryResult();
            Result<?> alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
            return new Row(name, params.toString(), primary.getScore(), primary.getScoreError(),
                    alloc == null ? Double.NaN : alloc.getScore());
        }

        String label() {
            return params.isEmpty() ? name : name + " (" + params + ")";
        }
    }
}
