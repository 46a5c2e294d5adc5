package dev.benchwatch.app;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineConfig;
import dev.benchwatch.engine.action.ActionPorts;
import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.event.EventType;
import dev.benchwatch.engine.metrics.SourceMetrics;
import dev.benchwatch.record.RecordingException;
import dev.benchwatch.record.RecordingReplaySource;
import dev.benchwatch.workspace.WorkspaceSetup;
import dev.benchwatch.workspace.WorkspaceSetupReport;
import dev.benchwatch.workspace.file.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code benchwatch replay FILE.db --workspace W.json --speed max|1|N [--session N]}: replays a recorded
 * session through a headless engine set up from a workspace (its channels, pipelines, windows and triggers;
 * none of its devices: the recording stands in for them), printing trigger transitions as they happen and
 * a summary (docs/RECORDING.md, "Replay"). Actions are not performed: a replay never writes to a device,
 * a broker or a recording.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay a recorded session through a workspace's pipelines, windows and triggers, "
                + "printing trigger transitions and a summary. Exit status 0 when replayed, 2 when not.")
public final class ReplayCommand implements Callable<Integer> {
    static final int FAILED = 2;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.db", description = "The recording.")
    Path file;

    @Option(names = "--workspace", required = true, paramLabel = "W.json", description = "The workspace whose processing to apply.")
    Path workspaceFile;

    @Option(names = "--speed", defaultValue = "max", paramLabel = "max|N",
            description = "max (as fast as the engine takes it), or a multiple of real time: 1, 10, 0.5 (default: ${DEFAULT-VALUE}).")
    String speed;

    @Option(names = "--session", paramLabel = "N", description = "The session to replay (default: the latest).")
    Long session;

    @Option(names = "--timestamps", defaultValue = "recorded", paramLabel = "recorded|shifted",
            description = "recorded: the recorded times (default; results match a backtest); shifted: moved to now.")
    RecordingReplaySource.Timestamps timestamps;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        double pace;
        try {
            pace = parseSpeed(speed);
        } catch (IllegalArgumentException e) {
            err.println("benchwatch replay: " + e.getMessage());
            err.flush();
            return FAILED;
        }
        Workspace workspace = WorkspaceFile.read(workspaceFile, "replay", err);
        if (workspace == null) {
            err.flush();
            return FAILED;
        }
        try (RecordingReplaySource replay = RecordingReplaySource.open(file, session, pace, timestamps)) {
            return replay(workspace, replay, out, err);
        } catch (RecordingException e) {
            err.println("benchwatch replay: " + e.getMessage());
            err.flush();
            return FAILED;
        }
    }

    private int replay(Workspace workspace, RecordingReplaySource replay, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        Map<String, Integer> firings = new LinkedHashMap<>();
        workspace.triggers().forEach(t -> firings.put(t.id(), 0));
        Engine engine = new Engine(EngineConfig.builder()
                .maxReadingAge(Duration.ZERO) // recorded times are old, shifted ones may be too after a pause
                .history(1_024, Duration.ZERO)
                // LOW_CPU: the replay does not wake the engine for every reading; the steadiest of the three
                // idle modes at maximum speed (docs/BENCHMARKS.md, "Replay")
                .idleMode(EngineConfig.IdleMode.LOW_CPU)
                .build(), silentPorts());
        try {
            engine.onEvent(EventType.THRESHOLD_BREACH, event -> transition(event, firings, out));
            WorkspaceSetupReport report = WorkspaceSetup.applyWithoutDevices(workspace, engine);
            for (WorkspaceSetupReport.Problem problem : report.errors()) {
                err.println("benchwatch replay: " + workspaceFile + ": " + problem);
            }
            err.flush();
            int channels = replay.channels().size();
            out.printf(Locale.ROOT, "replaying session %d of %s (%d %s, %s) at %s%n", replay.session().id(), file,
                    channels, channels == 1 ? "channel" : "channels", span(replay.lastTimestamp() - replay.firstTimestamp()),
                    replay.speed() == RecordingReplaySource.MAX_SPEED ? "maximum speed" : replay.speed() + "x");
            out.flush();
            engine.start();
            long started = System.nanoTime();
            replay.start(engine);
            while (!replay.awaitEnd(1_000) && replay.isRunning()) {
                // a long replay at real time: keep waiting
            }
            awaitDrained(engine, replay.name());
            double seconds = (System.nanoTime() - started) / 1e9;
            engine.events().awaitIdle(30, TimeUnit.SECONDS);
            long replayed = replay.replayed();
            SourceMetrics source = engine.snapshotNow().metrics().sources().stream()
                    .filter(m -> m.name().equals(replay.name())).findFirst().orElse(null);
            synchronized (out) {
                out.printf(Locale.ROOT, "replayed %d readings in %.3f s: %.0f readings/s%n", replayed, seconds,
                        replayed / Math.max(seconds, 1e-9));
                if (source != null && source.accepted() != replayed) {
                    out.printf(Locale.ROOT, "the engine accepted %d of them%n", source.accepted());
                }
                if (engine.events().dropped() > 0) {
                    out.printf(Locale.ROOT, "%d events were dropped: the transitions above are incomplete%n",
                            engine.events().dropped());
                }
                firings.forEach((id, n) -> out.printf(Locale.ROOT, "trigger %s: %d %s%n", id, n,
                        n == 1 ? "firing" : "firings"));
                out.flush();
            }
            if (!replay.finished()) {
                err.println("benchwatch replay: the replay stopped before the end of the session"
                        + (replay.failure() == null ? "" : ": " + replay.failure()));
                err.flush();
                return FAILED;
            }
            return 0;
        } finally {
            engine.close();
        }
    }

    /** Waits until the engine took everything the replay handed over. */
    private static void awaitDrained(Engine engine, String source) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            SourceMetrics m = engine.snapshotNow().metrics().sources().stream()
                    .filter(s -> s.name().equals(source)).findFirst().orElse(null);
            if (m == null || m.queueDepth() == 0) {
                return;
            }
            Thread.sleep(1);
        }
    }

    private static void transition(Event event, Map<String, Integer> firings, PrintWriter out) {
        Map<String, String> m = event.metadata();
        String to = m.get("to");
        if ("FIRING".equals(to)) {
            firings.merge(m.get("trigger"), 1, Integer::sum);
        }
        synchronized (out) {
            out.println(BacktestReport.time(event.timestampNanos()) + "  " + m.get("trigger") + "  " + m.get("from")
                    + " -> " + to + "  " + m.get("channel") + " = " + m.get("value"));
            out.flush();
        }
    }

    static double parseSpeed(String text) {
        if (text.equalsIgnoreCase("max")) {
            return RecordingReplaySource.MAX_SPEED;
        }
        double value;
        try {
            value = Double.parseDouble(text.endsWith("x") ? text.substring(0, text.length() - 1) : text);
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("--speed '" + text + "': expected max or a positive number such as 1, 10 or 0.5");
        }
        return value;
    }

    static String span(long nanos) {
        return String.format(Locale.ROOT, "%.3f s of readings", nanos / 1e9);
    }

    /** A replay performs no action: every port accepts and does nothing. */
    private static ActionPorts silentPorts() {
        return new ActionPorts((title, message, severity) -> { }, (device, payload) -> { },
                (topic, payload, qos, retain) -> { }, (ts, label) -> { });
    }
}
