package dev.benchwatch.app;

import dev.benchwatch.device.DeviceBench;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineConfig;
import dev.benchwatch.ui.ConsoleWindow;
import dev.benchwatch.ui.PngWriter;
import dev.benchwatch.ui.Theme;
import dev.benchwatch.ui.WindowLayout;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Opens the console on the simulator bench and blocks until its window closes. With a screenshot path it
 * lets live data flow for a while, writes a PNG of the main window and exits by itself.
 */
final class ConsoleLauncher {
    /** What the user asked for on the command line. */
    record Request(Theme theme, Path screenshot, Duration after, View view, Path workspace) {
    }

    /** What a screenshot shows. */
    enum View { MAIN, ALARMS, TRIGGERS, DEVICE_DIALOG }

    private ConsoleLauncher() {
    }

    /** The workspace in {@code file}, or null after printing its errors as validate does. */
    private static dev.benchwatch.workspace.file.Workspace readWorkspace(Path file, PrintWriter out, PrintWriter err) {
        try {
            var result = new dev.benchwatch.workspace.file.WorkspaceReader(new dev.benchwatch.workspace.TriggerLanguageCheck())
                    .read(file);
            if (!result.valid()) {
                result.errors().forEach(e -> err.println(e.format(file.toString())));
                err.println(file + ": " + result.errors().size() + " error(s); the console did not open it "
                        + "(check it with: benchwatch validate " + file + ")");
                err.flush();
                return null;
            }
            return result.workspace();
        } catch (java.io.IOException e) {
            err.println("benchwatch: cannot read workspace " + file + ": " + e.getMessage());
            err.flush();
            return null;
        }
    }

    static int run(Request request, PrintWriter out, PrintWriter err) throws InterruptedException {
        Path layoutFile = ConfigDirectory.current().resolve("console-layout.properties");
        WindowLayout layout = request.screenshot() != null ? WindowLayout.DEFAULT : WindowLayout.load(layoutFile);
        if (request.theme() != null) {
            layout = layout.withTheme(request.theme());
        }
        dev.benchwatch.workspace.file.Workspace workspace = null;
        if (request.workspace() != null) {
            workspace = readWorkspace(request.workspace(), out, err);
            if (workspace == null) {
                return 2;
            }
        }
        // the console shares the machine with its own rendering: the engine parks rather than spins when idle
        Engine engine = new Engine(EngineConfig.builder().idleMode(EngineConfig.IdleMode.LOW_CPU).build());
        engine.start();
        DeviceBench bench = new DeviceBench(engine);
        java.util.List<java.util.List<String>> chartLayout = java.util.List.of();
        if (workspace == null) {
            SimulatorBench.configure(engine, bench, true);
        } else {
            Path base = request.workspace().toAbsolutePath().getParent();
            dev.benchwatch.workspace.WorkspaceSetupReport report =
                    dev.benchwatch.workspace.WorkspaceSetup.apply(workspace, engine, bench, System.getenv(), base);
            for (var problem : report.errors()) {
                err.println("benchwatch: " + request.workspace() + ": " + problem); // the rest of the bench still runs
            }
            err.flush();
            chartLayout = report.charts();
        }
        java.util.List<java.util.List<String>> charts = chartLayout;

        CountDownLatch closed = new CountDownLatch(1);
        AtomicInteger status = new AtomicInteger(0);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        WindowLayout chosen = layout;
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // a test started the toolkit already
        } catch (UnsupportedOperationException noDisplay) {
            err.println("benchwatch: cannot open the console: " + noDisplay.getMessage()
                    + " (no display? run the headless subcommands, or under xvfb-run)");
            bench.close();
            engine.close();
            return 1;
        }
        Platform.setImplicitExit(false);
        Platform.runLater(() -> {
            try {
                Stage stage = new Stage();
                ConsoleWindow window = new ConsoleWindow(stage, engine, bench, chosen,
                        request.screenshot() != null ? null : layoutFile, charts);
                stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> closed.countDown());
                window.show();
                if (request.screenshot() != null) {
                    PauseTransition wait = new PauseTransition(javafx.util.Duration.millis(request.after().toMillis()));
                    wait.setOnFinished(e -> {
                        try {
                            javafx.scene.image.WritableImage image = switch (request.view()) {
                                case MAIN -> window.scene().snapshot(null);
                                case ALARMS, TRIGGERS -> {
                                    javafx.scene.SnapshotParameters fill = new javafx.scene.SnapshotParameters();
                                    fill.setFill(window.themeProperty().get().isDark() ? javafx.scene.paint.Color.web("#1f2228")
                                            : javafx.scene.paint.Color.web("#f7f8fa")); // the theme's background
                                    javafx.scene.Node panel = request.view() == View.ALARMS ? window.eventLog()
                                            : window.showTriggers();
                                    window.scene().getRoot().applyCss();
                                    window.scene().getRoot().layout();
                                    yield panel.snapshot(fill, null);
                                }
                                case DEVICE_DIALOG -> {
                                    var dialog = window.devices().openAddDialog("mqtt");
                                    dialog.getDialogPane().applyCss();
                                    dialog.getDialogPane().layout();
                                    javafx.scene.image.WritableImage shot = dialog.getDialogPane().getScene().snapshot(null);
                                    dialog.close();
                                    yield shot;
                                }
                            };
                            PngWriter.write(image, request.screenshot());
                            out.println("wrote " + request.screenshot() + " (" + (int) image.getWidth() + "x"
                                    + (int) image.getHeight() + ", " + window.pulse().frames() + " frames)");
                        } catch (Exception ex) {
                            err.println("benchwatch: could not write " + request.screenshot() + ": " + ex.getMessage());
                            status.set(1);
                        }
                        out.flush();
                        err.flush();
                        stage.close();
                    });
                    wait.play();
                }
            } catch (RuntimeException e) {
                failure.set(e);
                closed.countDown();
            }
        });
        closed.await();
        bench.close();
        engine.close();
        Platform.exit();
        if (failure.get() != null) {
            err.println("benchwatch: the console failed to open: " + failure.get());
            failure.get().printStackTrace(err);
            return 1;
        }
        return status.get();
    }
}
