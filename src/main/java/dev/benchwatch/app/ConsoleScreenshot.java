package dev.benchwatch.app;

import dev.benchwatch.ui.ConsoleWindow;
import dev.benchwatch.ui.PngWriter;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/** {@code --screenshot}: lets live data flow for a while, writes a PNG of the chosen view, closes the console. */
final class ConsoleScreenshot {
    private ConsoleScreenshot() {
    }

    /** Schedules the screenshot; sets {@code status} to 1 when the PNG could not be written. JavaFX thread. */
    static void after(ConsoleWindow window, ConsoleLauncher.Request request, AtomicInteger status, PrintWriter out,
                      PrintWriter err) {
        PauseTransition wait = new PauseTransition(javafx.util.Duration.millis(request.after().toMillis()));
        wait.setOnFinished(e -> {
            try {
                WritableImage image = take(window, request.view());
                PngWriter.write(image, request.screenshot());
                out.println("wrote " + request.screenshot() + " (" + (int) image.getWidth() + "x"
                        + (int) image.getHeight() + ", " + window.pulse().frames() + " frames)");
            } catch (Exception ex) {
                err.println("benchwatch: could not write " + request.screenshot() + ": " + ex.getMessage());
                status.set(1);
            }
            out.flush();
            err.flush();
            window.stage().close();
        });
        wait.play();
    }

    private static WritableImage take(ConsoleWindow window, ConsoleLauncher.View view) {
        return switch (view) {
            case MAIN -> window.scene().snapshot(null);
            case ALARMS, TRIGGERS -> {
                SnapshotParameters fill = new SnapshotParameters();
                fill.setFill(window.themeProperty().get().isDark() ? Color.web("#1f2228")
                        : Color.web("#f7f8fa")); // the theme's background
                Node panel = view == ConsoleLauncher.View.ALARMS ? window.eventLog() : window.showTriggers();
                window.scene().getRoot().applyCss();
                window.scene().getRoot().layout();
                yield panel.snapshot(fill, null);
            }
            case DEVICE_DIALOG -> {
                var dialog = window.devices().openAddDialog("mqtt");
                dialog.getDialogPane().applyCss();
                dialog.getDialogPane().layout();
                WritableImage shot = dialog.getDialogPane().getScene().snapshot(null);
                dialog.close();
                yield shot;
            }
        };
    }
}
