package dev.benchwatch.workspace;

/**
 * Asks a person for an MQTT password that the workspace names neither by environment variable nor by file
 * (secrets never go into the file): the console shows a dialog, the headless runner reads the terminal.
 */
@FunctionalInterface
public interface PasswordPrompt {
    /** Nobody to ask: such a device is reported and not added. */
    PasswordPrompt NONE = (device, username) -> null;

    /** The password typed for {@code username} on {@code device}, or null when the person declined. */
    char[] password(String device, String username);
}
