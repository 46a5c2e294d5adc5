package dev.benchwatch.device.mqtt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * A user name and password for a broker. The password never comes from a workspace file: it comes from an
 * environment variable, a prompt, or a file only its owner can read. {@link #toString()} never shows it.
 */
public final class MqttCredentials {
    private final String username;
    private final byte[] password;

    private MqttCredentials(String username, byte[] password) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("MQTT user name must not be empty");
        }
        this.username = username;
        this.password = password;
    }

    /** The password from an environment variable; a clear error when it is not set. */
    public static MqttCredentials fromEnvironment(String username, String variable, Map<String, String> environment) {
        String value = environment.get(variable);
        if (value == null) {
            throw new IllegalArgumentException("environment variable " + variable
                    + " (the MQTT password for user '" + username + "') is not set");
        }
        return new MqttCredentials(username, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The password typed at a prompt (the caller reads it without echo, e.g. {@code Console.readPassword}). */
    public static MqttCredentials fromPrompt(String username, char[] typed) {
        byte[] bytes = new String(typed).getBytes(StandardCharsets.UTF_8);
        Arrays.fill(typed, '\0');
        return new MqttCredentials(username, bytes);
    }

    /** The password from the first line of a file, refused unless only its owner can read it. */
    public static MqttCredentials fromFile(String username, Path file) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
            throw new IllegalArgumentException("password file " + file + " is readable by others; chmod 600 it");
        }
        String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
        return new MqttCredentials(username, first.getBytes(StandardCharsets.UTF_8));
    }

    public String username() {
        return username;
    }

    byte[] password() {
        return password.clone();
    }

    @Override
    public String toString() {
        return "MqttCredentials[user=" + username + ", password=***]";
    }
}
