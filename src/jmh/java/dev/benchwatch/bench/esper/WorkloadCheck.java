package dev.benchwatch.bench.esper;

import dev.benchwatch.bench.Workload;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineSnapshot;
import dev.benchwatch.engine.ingest.IngestSource;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import dev.benchwatch.engine.window.Stat;
import dev.benchwatch.engine.window.WindowResult;

/**
 * Proves the two benchmarks do the same work: the same readings go through a Benchwatch engine and an
 * Esper runtime (in check mode), and every channel's 1 s and 1000-reading windows must agree on count,
 * min and max exactly and on mean and stddev within 1e-9 (relative).
 */
public final class WorkloadCheck {
    private static final int ROUNDS = 15_000; // 1.5 s of event time: the 1 s windows have been evicting

    private WorkloadCheck() {
    }

    public static void check(EsperWorkload.Layout layout, EsperWorkload.Clock clock,
                             EsperWorkload.Representation representation, EsperWorkload.MinMax minMax) {
        try (Engine engine = Workload.newEngine(Workload.config().build());
             EsperWorkload esper = new EsperWorkload(layout, clock, representation, minMax, true)) {
            IngestSource source = engine.registerSource("check", OverloadPolicy.BLOCK, 2 * Workload.BATCH);
            long t = Workload.START_NANOS;
            int v = 0;
            for (int r = 0; r < ROUNDS; r++) {
                esper.startRound(t);
                for (int c = 0; c < Workload.CHANNELS; c++) {
                    double value = Workload.value(v++);
                    source.offer(c, t, value, System.nanoTime());
                    esper.send(c, t, value);
                }
                t += Workload.STEP_NANOS;
                if (r % Workload.ROUNDS == 0) {
                    engine.doWork();
                }
            }
            while (engine.doWork() > 0) {
                // drain
            }
            EngineSnapshot snapshot = engine.snapshotNow();
            for (int c = 0; c < Workload.CHANNELS; c++) {
                compare(snapshot.window(Workload.timeWindowId(c)), esper.stats(c, true));
                compare(snapshot.window(Workload.countWindowId(c)), esper.stats(c, false));
            }
            WindowResult time = snapshot.window(Workload.timeWindowId(0));
            WindowResult count = snapshot.window(Workload.countWindowId(0));
            System.out.printf("workload check %s/%s/%s/%s passed: 1 s window %d readings, count window %d readings, "
                            + "mean %.6f, stddev %.6f%n", layout, clock, representation, minMax, time.count(), count.count(),
                    time.get(Stat.MEAN), time.get(Stat.STDDEV));
        }
    }

    private static void compare(WindowResult ours, double[] theirs) {
        if (theirs == null) {
            throw new IllegalStateException(ours.windowId() + ": Esper's window is empty");
        }
        same(ours, "count", ours.count(), theirs[4], 0);
        same(ours, "min", ours.get(Stat.MIN), theirs[1], 0);
        same(ours, "max", ours.get(Stat.MAX), theirs[2], 0);
        same(ours, "mean", ours.get(Stat.MEAN), theirs[0], 1e-9);
        same(ours, "stddev", ours.get(Stat.STDDEV), theirs[3], 1e-9);
    }

    private static void same(WindowResult ours, String what, double a, double b, double relative) {
        if (Math.abs(a - b) > relative * Math.max(Math.abs(a), Math.abs(b))) {
            throw new IllegalStateException(ours.windowId() + ": " + what + " differs: Benchwatch " + a + ", Esper " + b);
        }
    }
}
