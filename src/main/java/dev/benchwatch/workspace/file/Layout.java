package dev.benchwatch.workspace.file;

import java.util.List;

/**
 * How the console shows the workspace: its theme, the main window's geometry (null: the console decides)
 * and the charts, each a title and the channels it plots.
 */
public record Layout(String theme, WindowGeometry window, List<Chart> charts) {
    public static final String DEFAULT_THEME = "dark";
    public static final List<String> THEMES = List.of("dark", "light");
    public static final Layout DEFAULT = new Layout(DEFAULT_THEME, null, List.of());

    public Layout {
        theme = theme == null ? DEFAULT_THEME : theme;
        charts = List.copyOf(charts);
    }

    /** One chart: a title ("" for none) and the channels it plots, in order. */
    public record Chart(String title, List<String> channels) {
        public Chart {
            title = title == null ? "" : title;
            channels = List.copyOf(channels);
        }
    }

    /** The main window's position and size in screen pixels, and whether it was maximised. */
    public record WindowGeometry(double x, double y, double width, double height, boolean maximized) {
    }
}
