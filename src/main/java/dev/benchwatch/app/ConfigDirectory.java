package dev.benchwatch.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where user settings live: the platform's usual place ($XDG_CONFIG_HOME or ~/.config on Linux). */
final class ConfigDirectory {
    private ConfigDirectory() {
    }

    static Path resolve(Map<String, String> environment, String userHome, String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = environment.get("APPDATA");
            return (appData != null ? Path.of(appData) : Path.of(userHome, "AppData", "Roaming")).resolve("Benchwatch");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Benchwatch");
        }
        String xdg = environment.get("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".config")).resolve("benchwatch");
    }

    static Path current() {
        return resolve(System.getenv(), System.getProperty("user.home"), System.getProperty("os.name"));
    }
}
