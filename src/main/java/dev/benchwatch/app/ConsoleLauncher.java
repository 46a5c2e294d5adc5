package dev.benchwatch.app;

import dev.benchwatch.device.BenchActionPorts;
import dev.benchwatch.device.DeviceBench;
import dev.benchwatch.device.health.DeviceHealthMonitor;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineConfig;
import dev.benchwatch.engine.action.ActionPorts;
import dev.benchwatch.record.RecorderMarkers;
import dev.benchwatch.record.SessionRecorder;
import dev.benchwatch.ui.ConsoleWindow;
import dev.benchwatch.ui.Theme;
import dev.benchwatch.ui.WindowLayout;
import dev.benchwatch.ui.recording.RecordingViewModel;
import dev.benchwatch.ui.workspace.RecentFiles;
import dev.benchwatch.ui.workspace.WorkspaceDocument;
import dev.benchwatch.ui.workspace.WorkspaceFileActions;
import dev.benchwatch.workspace.HealthSetup;
import dev.benchwatch.workspace.TriggerLanguageCheck;
import dev.benchwatch.workspace.WorkspaceSetup;
import dev.benchwatch.workspace.WorkspaceSetupReport;
import dev.benchwatch.workspace.file.Workspace;
import dev.benchwatch.workspace.file.WorkspaceReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Opens the console on a workspace (the one asked for, else the last one opened, else the built-in demo)
 * and blocks until its window closes. Opening another workspace from the console replaces the engine, the
 * device bench and the window with fresh ones built from that file. With a screenshot path it lets live
 * data flow for a while, writes a PNG and exits by itself ({@link ConsoleScreenshot}).
 */
final class ConsoleLauncher {
    /** What the user asked for on the command line. */
    record Request(Theme theme, Path screenshot, Duration after, View view, Path workspace, boolean demo,
                   boolean smoke) {
        /** A screenshot or smoke run: starts from the demo (or the named workspace), remembers nothing. */
        boolean unattended() {
            return screenshot != null || smoke;
        }
    }

    /** What a screenshot shows. */
    enum View { MAIN, ALARMS, TRIGGERS, DEVICE_DIALOG, TRIGGER_EDITOR }

    /** A workspace to open: from a file, or the built-in demo (file null). */
    private record Opening(Workspace workspace, Path file) {
    }

    /** How a console session ended: closed (next null) or replaced by another workspace. */
    private record Ending(Opening next, int status, Throwable failure) {
    }

    static final String DEMO_RESOURCE = "/workspaces/demo.json";
    static final String DEMO_NAME = "demo (built in)";

    private ConsoleLauncher() {
    }

    static int run(Request request, PrintWriter out, PrintWriter err) throws InterruptedException {
        ToolkitStartup toolkit = ToolkitStartup.begin();
        StartupArchive.consoleSession();
        Path settings = ConfigDirectory.current();
        Path layoutFile = settings.resolve("console-layout.properties");
        boolean screenshot = request.unattended();
        WindowLayout layout = screenshot ? WindowLayout.DEFAULT : WindowLayout.load(layoutFile);
        if (request.theme() != null) {
            layout = layout.withTheme(request.theme());
        }
        RecentFiles recent = RecentFiles.load(screenshot ? null : settings.resolve("recent-workspaces.txt"));
        Opening opening = firstOpening(request, recent, out, err);
        if (opening == null) {
            return 2;
        }
        int status = 0;
        while (opening != null) {
            Ending ending = session(opening, request, layout, screenshot ? null : layoutFile, recent, toolkit, out, err);
            if (ending.failure() != null) {
                err.println("benchwatch: the console failed to open: " + ending.failure());
                ending.failure().printStackTrace(err);
                status = 1;
                break;
            }
            status = ending.status();
            opening = ending.next();
            if (!screenshot) {
                layout = WindowLayout.load(layoutFile); // the closed window remembered where it was
            }
        }
        Platform.exit();
        return status;
    }

    /** The workspace the console starts on; null (after printing why) when the one asked for is not valid. */
    private static Opening firstOpening(Request request, RecentFiles recent, PrintWriter out, PrintWriter err) {
        if (request.workspace() != null) {
            Workspace workspace = WorkspaceFile.read(request.workspace(), "console", err);
            if (workspace != null) {
                recent.add(request.workspace());
            }
            return workspace == null ? null : new Opening(workspace, request.workspace());
        }
        if (!request.demo() && !request.unattended() && !recent.paths().isEmpty()) {
            Path last = recent.paths().get(0);
            Workspace workspace = WorkspaceFile.read(last, "console", err);
            if (workspace != null) {
                out.println("benchwatch: opening the last workspace, " + last + " (--demo for the demo bench)");
                out.flush();
                return new Opening(workspace, last);
            }
            err.println("benchwatch: opening the demo bench instead");
            err.flush();
        }
        return new Opening(demoWorkspace(), null);
    }

    /** The demo bench that ships inside the program. */
    static Workspace demoWorkspace() {
        try (InputStream in = ConsoleLauncher.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the build is missing " + DEMO_RESOURCE);
            }
            WorkspaceReader.Result result = new WorkspaceReader(new TriggerLanguageCheck())
                    .read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!result.valid()) {
                throw new IllegalStateException("the built-in demo workspace is not valid: " + result.errors());
            }
            return result.workspace();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One console window on one engine and bench, until it closes or another workspace replaces it. */
    private static Ending session(Opening opening, Request request, WindowLayout layout, Path layoutFile,
                                  RecentFiles recent, ToolkitStartup toolkit, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        BenchActionPorts benchPorts = new BenchActionPorts();
        RecorderMarkers markers = new RecorderMarkers(); // the recorder is built after the engine
        ActionPorts ports = markers.routing(benchPorts.routing(ActionPorts.unconnected()));
        // the console shares the machine with its own rendering: the engine parks rather than spins when idle
        Engine engine = new Engine(EngineConfig.builder().idleMode(EngineConfig.IdleMode.LOW_CPU).build(), ports);
        engine.start();
        SessionRecorder recorder = new SessionRecorder(engine);
        markers.attach(recorder);
        DeviceBench bench = new DeviceBench(engine);
        benchPorts.attach(bench);
        // SYSTEM_ALERT on rate, malformed frames and unexpected senders, by the workspace's thresholds
        DeviceHealthMonitor health = HealthSetup.start(opening.workspace(), bench);
        Path base = opening.file() == null ? Path.of("").toAbsolutePath()
                : opening.file().toAbsolutePath().getParent();
        WorkspaceSetupReport report = WorkspaceSetup.apply(opening.workspace(), engine, bench, System.getenv(), base,
                new dev.benchwatch.ui.workspace.PasswordDialogPrompt());
        for (var problem : report.errors()) {
            err.println("benchwatch: " + (opening.file() == null ? DEMO_NAME : opening.file()) + ": " + problem);
        }
        err.flush();

        String noDisplay = toolkit.await();
        if (noDisplay != null) {
            err.println("benchwatch: cannot open the console: " + noDisplay
                    + " (no display? run the headless subcommands, or under xvfb-run)");
            close(engine, bench, recorder, health);
            return new Ending(null, 1, null);
        }
        Platform.setImplicitExit(false);
        LinkedBlockingQueue<Ending> ended = new LinkedBlockingQueue<>();
        AtomicInteger status = new AtomicInteger(0);
        Platform.runLater(() -> {
            try {
                Stage stage = new Stage();
                WorkspaceDocument document = new WorkspaceDocument(engine, opening.workspace(), opening.file(),
                        DEMO_NAME);
                Opening[] next = new Opening[1];
                WorkspaceFileActions actions = new WorkspaceFileActions(stage, document, recent, (file, workspace) -> {
                    next[0] = new Opening(workspace, file);
                    stage.close();
                });
                ConsoleWindow window = new ConsoleWindow(stage, engine, bench, layout, layoutFile, report.charts(),
                        actions);
                window.showRecording(new RecordingViewModel(recorder,
                        opening.file() == null ? DEMO_NAME : opening.file().toString()));
                stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN,
                        e -> ended.add(new Ending(next[0], status.get(), null)));
                window.show();
                if (request.screenshot() != null) {
                    ConsoleScreenshot.after(window, request, status, out, err);
                }
                if (request.smoke()) {
                    SmokeRun.watch(window, status, out, err);
                }
            } catch (RuntimeException e) {
                ended.add(new Ending(null, 1, e));
            }
        });
        Ending ending = ended.take();
        close(engine, bench, recorder, health);
        return ending;
    }

    private static void close(Engine engine, DeviceBench bench, SessionRecorder recorder, DeviceHealthMonitor health) {
        health.close();
        bench.close();
        recorder.close(); // everything the engine accepted while recording is written before the engine goes
        engine.close();
    }
}
