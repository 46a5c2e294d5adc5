package dev.benchwatch.ui;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the console window was and how it was split, remembered between runs in a small properties file
 * (the app puts it in the user's config directory). A missing or damaged file gives the defaults.
 */
public record WindowLayout(double x, double y, double width, double height, boolean maximized, Theme theme,
                           double leftDivider, double centerDivider) {
    public static final WindowLayout DEFAULT = new WindowLayout(Double.NaN, Double.NaN, 1600, 1000, false, Theme.DARK,
            0.42, 0.62);

    public static WindowLayout load(Path file) {
        if (file == null || !Files.isReadable(file)) {
            return DEFAULT;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
            return new WindowLayout(number(p, "x", DEFAULT.x), number(p, "y", DEFAULT.y),
                    Math.max(640, number(p, "width", DEFAULT.width)), Math.max(480, number(p, "height", DEFAULT.height)),
                    Boolean.parseBoolean(p.getProperty("maximized", "false")),
                    Theme.parse(p.getProperty("theme", DEFAULT.theme.name())),
                    fraction(p, "leftDivider", DEFAULT.leftDivider), fraction(p, "centerDivider", DEFAULT.centerDivider));
        } catch (IOException | IllegalArgumentException e) {
            return DEFAULT; // a damaged layout file must never stop the console from opening
        }
    }

    public void save(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("x", Double.toString(x));
        p.setProperty("y", Double.toString(y));
        p.setProperty("width", Double.toString(width));
        p.setProperty("height", Double.toString(height));
        p.setProperty("maximized", Boolean.toString(maximized));
        p.setProperty("theme", theme.name());
        p.setProperty("leftDivider", Double.toString(leftDivider));
        p.setProperty("centerDivider", Double.toString(centerDivider));
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file)) {
            p.store(out, "Benchwatch console window layout");
        }
    }

    public WindowLayout withTheme(Theme value) {
        return new WindowLayout(x, y, width, height, maximized, value, leftDivider, centerDivider);
    }

    private static double number(Properties p, String key, double fallback) {
        try {
            double v = Double.parseDouble(p.getProperty(key, ""));
            return Double.isFinite(v) ? v : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static double fraction(Properties p, String key, double fallback) {
        double v = number(p, key, fallback);
        return v > 0.05 && v < 0.95 ? v : fallback;
    }
}
