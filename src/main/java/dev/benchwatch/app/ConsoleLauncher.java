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
    record Request(Theme theme, Path screenshot, Duration after, View view) {
    }

    /** What a screenshot shows. */
    enum View { MAIN, ALARMS, DEVICE_DIALOG }

    private ConsoleLauncher() {
    }

    static int run(Request request, PrintWriter out, PrintWriter err) throws InterruptedException {
        Path layoutFile = ConfigDirectory.current().resolve("console-layout.properties");
        WindowLayout layout = request.screenshot() != null ? WindowLayout.DEFAULT : WindowLayout.load(layoutFile);
        if (request.theme() != null) {
            layout = layout.withTheme(request.theme());
        }
        // the console shares the machine with its own rendering: the engine parks rather than spins when idle
        Engine engine = new Engine(EngineConfig.builder().idleMode(EngineConfig.IdleMode.LOW_CPU).build());
        engine.start();
        DeviceBench bench = new DeviceBench(engine);
        SimulatorBench.configure(engine, bench, true);

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
                        request.screenshot() != null ? null : layoutFile);
                stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> closed.countDown());
                window.show();
                if (request.screenshot() != null) {
                    PauseTransition wait = new PauseTransition(javafx.util.Duration.millis(request.after().toMillis()));
                    wait.setOnFinished(e -> {
                        try {
                            javafx.scene.image.WritableImage image = switch (request.view()) {
                                case MAIN -> window.scene().snapshot(null);
                                case ALARMS -> {
                                    javafx.scene.SnapshotParameters fill = new javafx.scene.SnapshotParameters();
                                    fill.setFill(window.themeProperty().get().isDark() ? javafx.scene.paint.Color.web("#1f2228")
                                            : javafx.scene.paint.Color.web("#f7f8fa")); // the theme's background
                                    yield window.eventLog().snapshot(fill, null);
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
