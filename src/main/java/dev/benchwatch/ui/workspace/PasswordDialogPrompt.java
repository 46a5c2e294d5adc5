package dev.benchwatch.ui.workspace;

import dev.benchwatch.workspace.PasswordPrompt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;

/**
 * Asks for an MQTT password in a dialog while a workspace is being set up (which happens off the JavaFX
 * thread, before the console window exists): the setup thread waits for the answer. The password is handed
 * on as characters and never kept here.
 */
public final class PasswordDialogPrompt implements PasswordPrompt {
    @Override
    public char[] password(String device, String username) {
        if (Platform.isFxApplicationThread()) {
            return ask(device, username);
        }
        CompletableFuture<char[]> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(ask(device, username));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not ask for the password: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static char[] ask(String device, String username) {
        PasswordField field = new PasswordField();
        field.setId("mqttPassword");
        Dialog<char[]> dialog = new Dialog<>();
        dialog.setTitle("MQTT password");
        dialog.setHeaderText("Password for " + username + " on MQTT device '" + device + "'");
        Label hint = new Label("Not stored anywhere. To skip this question, name an environment variable "
                + "(passwordEnv) or a file only you can read (passwordFile) in the workspace.");
        hint.setWrapText(true);
        hint.setMaxWidth(420);
        hint.getStyleClass().add("hint");
        dialog.getDialogPane().setContent(new VBox(8, field, hint));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().setId("passwordDialog");
        dialog.setResultConverter(button -> button == ButtonType.OK ? field.getText().toCharArray() : null);
        Platform.runLater(field::requestFocus);
        char[] typed = dialog.showAndWait().orElse(null);
        field.clear();
        return typed;
    }
}
