package dev.benchwatch.app;

import dev.benchwatch.device.BenchActionPorts;
import dev.benchwatch.device.DeviceBench;
import dev.benchwatch.device.health.DeviceHealthMonitor;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineConfig;
import dev.benchwatch.engine.action.ActionPorts;
import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.event.EventType;
import dev.benchwatch.record.RecorderMarkers;
import dev.benchwatch.record.SessionRecorder;
import dev.benchwatch.workspace.HealthSetup;
import dev.benchwatch.workspace.WorkspaceSetup;
import dev.benchwatch.workspace.WorkspaceSetupReport;
import dev.benchwatch.workspace.file.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code benchwatch run WORKSPACE}: the console's engine without the console, for a lab server. Runs the
 * workspace's devices, engine, triggers, detectors and actions; prints trigger transitions, anomalies and system
 * alerts (device health, pipeline validation) as they happen, one line each ({@link EventLine}), and a status
 * line every few seconds; serves Prometheus metrics on localhost when asked. Stops after {@code --duration},
 * or on SIGTERM / Ctrl+C, in order: devices, then the engine (which finishes the readings it has). Exit
 * status 0 after a clean stop, 2 for a workspace that is not valid.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a workspace headless: devices, engine, triggers, detectors and actions (and a recording), "
                + "with no display. Prints trigger transitions, anomalies and system alerts as they happen and a status "
                + "line every few seconds; SIGTERM or Ctrl+C stops it cleanly (exit 0).")
public final class RunCommand implements Callable<Integer> {
    static final int INVALID = 2;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WORKSPACE", description = "The workspace file (JSON).")
    Path workspaceFile;

    @Option(names = "--duration", paramLabel = "DURATION", description = "Stop after this long (e.g. 90s, 8h); default: until stopped.")
    Duration duration;

    @Option(names = "--status-every", paramLabel = "DURATION", defaultValue = "5s",
            description = "How often to print the status line (default: ${DEFAULT-VALUE}).")
    Duration statusEvery;

    @Option(names = "--record", paramLabel = "FILE.db",
            description = "Record the session (every reading, event and marker) into this SQLite file.")
    Path record;

    @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "-1",
            description = "Serve Prometheus metrics at http://127.0.0.1:PORT/metrics (0: any free port).")
    int metricsPort;

    private final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Workspace workspace = WorkspaceFile.read(workspaceFile, "run", err);
        if (workspace == null) {
            return INVALID;
        }
        if (statusEvery.isNegative() || statusEvery.isZero()) {
            err.println("benchwatch run: --status-every must be positive, got " + statusEvery);
            return INVALID;
        }
        BenchActionPorts benchPorts = new BenchActionPorts();
        RecorderMarkers markers = new RecorderMarkers(); // the recorder is built after the engine
        ActionPorts ports = markers.routing(benchPorts.routing(ActionPorts.unconnected()));
        Engine engine = new Engine(EngineConfig.builder().build(), ports);
        DeviceBench bench = new DeviceBench(engine);
        benchPorts.attach(bench);
        // SYSTEM_ALERT on rate, malformed frames and unexpected senders, by the workspace's thresholds
        DeviceHealthMonitor health = HealthSetup.start(workspace, bench);
        engine.onEvent(EventType.THRESHOLD_BREACH, event -> print(out, event));
        engine.onEvent(EventType.ANOMALY_DETECTED, event -> print(out, event));
        engine.onEvent(EventType.SYSTEM_ALERT, event -> print(out, event));
        engine.start();
        MetricsEndpoint metrics = null;
        SessionRecorder recorder = null;
        try {
            if (record != null) {
                recorder = new SessionRecorder(engine);
                try {
                    recorder.start(record, workspaceFile.toString());
                } catch (IOException e) {
                    err.println("benchwatch run: " + e.getMessage());
                    recorder = null;
                    return INVALID;
                }
                markers.attach(recorder);
                out.println("recording to " + record);
            }
            Path base = workspaceFile.toAbsolutePath().getParent();
            WorkspaceSetupReport report = WorkspaceSetup.apply(workspace, engine, bench, System.getenv(), base,
                    RunCommand::askOnTerminal);
            for (WorkspaceSetupReport.Problem problem : report.errors()) {
                err.println("benchwatch run: " + workspaceFile + ": " + problem + " (the rest keeps running)");
            }
            if (metricsPort >= 0) {
                metrics = MetricsEndpoint.start(engine, metricsPort);
                out.println("metrics at http://127.0.0.1:" + metrics.port() + "/metrics");
            }
            out.println("running " + workspaceFile + ": " + report.devicesAdded().size() + " device(s), "
                    + workspace.triggers().size() + " trigger(s)"
                    + (workspace.detectors().isEmpty() ? "" : ", " + workspace.detectors().size() + " detector(s)")
                    + (duration == null ? "; stop with Ctrl+C or SIGTERM" : " for " + duration));
            out.flush();
            err.flush();
            StopSignals.onTermination(stop::countDown);
            waitAndReport(engine, bench, recorder, out);
        } finally {
            if (metrics != null) {
                metrics.close();
            }
            health.close();
            bench.close();
            if (recorder != null) {
                recorder.close(); // flushes what the engine accepted, builds the index, closes the file
                out.printf(java.util.Locale.ROOT, "recorded %,d readings to %s (%,d lost)%n", recorder.recorded(),
                        record, recorder.lost());
            }
            engine.close();
        }
        var m = engine.snapshotNow().metrics();
        out.printf(java.util.Locale.ROOT, "stopped: %,d readings accepted, %,d rejected, %,d dropped, %,d errors%n",
                m.accepted(), m.rejectedTotal(), m.drops(), m.errors());
        out.flush();
        return 0;
    }

    /** A password the workspace does not name, read without echo when a person is at the terminal. */
    private static char[] askOnTerminal(String device, String username) {
        java.io.Console console = System.console();
        return console == null ? null
                : console.readPassword("MQTT password for %s on device '%s': ", username, device);
    }

    private void waitAndReport(Engine engine, DeviceBench bench, SessionRecorder recorder, PrintWriter out)
            throws InterruptedException {
        StatusLine status = new StatusLine();
        status.format(engine.snapshotNow(), bench, System.nanoTime(), Instant.now()); // the rate's starting point
        long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        long period = statusEvery.toNanos();
        while (true) {
            long wait = Math.min(period, end - System.nanoTime());
            if (wait <= 0 || stop.await(wait, TimeUnit.NANOSECONDS)) {
                return;
            }
            if (System.nanoTime() - end >= 0) {
                return;
            }
            String line = status.format(engine.snapshotNow(), bench, System.nanoTime(), Instant.now());
            if (recorder != null) {
                line += String.format(java.util.Locale.ROOT, "  recorded %,d lost %,d", recorder.recorded(),
                        recorder.lost());
            }
            out.println(line);
            out.flush();
        }
    }

    private static void print(PrintWriter out, Event event) {
        synchronized (out) {
            out.println(EventLine.format(event));
            out.flush();
        }
    }
}
