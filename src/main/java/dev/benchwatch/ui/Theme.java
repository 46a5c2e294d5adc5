package dev.benchwatch.ui;

import dev.benchwatch.ui.chart.ChartTheme;
import java.util.Locale;

/** The console's two looks: each a stylesheet over JavaFX's Modena and the matching chart colours. */
public enum Theme {
    DARK("dark.css", ChartTheme.DARK), LIGHT("light.css", ChartTheme.LIGHT);

    private final String stylesheet;
    private final ChartTheme chart;

    Theme(String stylesheet, ChartTheme chart) {
        this.stylesheet = stylesheet;
        this.chart = chart;
    }

    /** The stylesheet's URL, for {@code Scene.getStylesheets()}. */
    public String stylesheet() {
        return java.util.Objects.requireNonNull(Theme.class.getResource(stylesheet), stylesheet).toExternalForm();
    }

    public ChartTheme chart() {
        return chart;
    }

    public boolean isDark() {
        return this == DARK;
    }

    public Theme other() {
        return this == DARK ? LIGHT : DARK;
    }

    /** {@code dark} or {@code light}, any case; IllegalArgumentException naming the choices otherwise. */
    public static Theme parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("theme must be dark or light, got '" + text + "'");
        }
    }
}
