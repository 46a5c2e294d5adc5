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
            window.buildAllPanels(); // a short --after can come before the panels that follow the first frames
            if (request.view() == ConsoleLauncher.View.TRIGGER_EDITOR) {
                editorAfterPreview(window, request, status, out, err);
                return;
            }
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

    /** Opens the editor on the workspace's first trigger and shoots it once its preview has been drawn. */
    private static void editorAfterPreview(ConsoleWindow window, ConsoleLauncher.Request request, AtomicInteger status,
                                           PrintWriter out, PrintWriter err) {
        var actions = window.triggerActions();
        var ids = window.fileActions() == null ? java.util.List.<String>of() : window.fileActions().document().triggerIds();
        if (actions == null || ids.isEmpty()) {
            err.println("benchwatch: the trigger editor needs a workspace with a trigger");
            status.set(1);
            window.stage().close();
            return;
        }
        window.showTriggers();
        var dialog = actions.edit(ids.get(0)).orElseThrow();
        PauseTransition preview = new PauseTransition(javafx.util.Duration.seconds(1.5));
        preview.setOnFinished(e -> {
            try {
                WritableImage image = dialog.getDialogPane().getScene().snapshot(null);
                PngWriter.write(image, request.screenshot());
                out.println("wrote " + request.screenshot() + " (" + (int) image.getWidth() + "x"
                        + (int) image.getHeight() + ")");
            } catch (Exception ex) {
                err.println("benchwatch: could not write " + request.screenshot() + ": " + ex.getMessage());
                status.set(1);
            }
            out.flush();
            err.flush();
            dialog.close();
            window.stage().close();
        });
        preview.play();
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
            case TRIGGER_EDITOR -> throw new IllegalStateException("shot after its preview");
        };
    }
}
