package dev.benchwatch.ui.chart;

import java.util.List;

import javafx.scene.paint.Color;

/**
 * The colours a {@link LiveChart} paints with, apart from its series' own. {@link #DARK} and
 * {@link #LIGHT} suit the console's two themes; {@link #SERIES_COLORS} are 16 series colours that stay
 * apart on both backgrounds.
 */
public record ChartTheme(Color background, Color plotBackground, Color grid, Color axis, Color text,
                         Color mutedText, Color cursorA, Color cursorB, Color readoutBackground,
                         Color readoutBorder) {

    public static final ChartTheme DARK = new ChartTheme(
            Color.web("#1e2127"), Color.web("#16181d"), Color.web("#2c313a"), Color.web("#5c6370"),
            Color.web("#d7dae0"), Color.web("#9da5b4"), Color.web("#ffcc66"), Color.web("#7fdbca"),
            Color.web("#0f1115", 0.88), Color.web("#5c6370"));

    public static final ChartTheme LIGHT = new ChartTheme(
            Color.web("#f7f7f8"), Color.web("#ffffff"), Color.web("#e3e5e8"), Color.web("#8a9099"),
            Color.web("#24292f"), Color.web("#57606a"), Color.web("#b35900"), Color.web("#0a7d6f"),
            Color.web("#ffffff", 0.92), Color.web("#8a9099"));

    /** Tableau-like: distinct hues first, then lighter variants. */
    public static final List<Color> SERIES_COLORS = List.of(
            Color.web("#4e9ee8"), Color.web("#f28e2b"), Color.web("#59c46a"), Color.web("#e15759"),
            Color.web("#b07aa1"), Color.web("#76b7b2"), Color.web("#edc948"), Color.web("#ff9da7"),
            Color.web("#9c755f"), Color.web("#a0cbe8"), Color.web("#ffbe7d"), Color.web("#8cd17d"),
            Color.web("#d4a6c8"), Color.web("#86bcb6"), Color.web("#f1ce63"), Color.web("#bab0ac"));

    /** Colour for the n-th series (cycling). */
    public static Color seriesColor(int n) {
        return SERIES_COLORS.get(Math.floorMod(n, SERIES_COLORS.size()));
    }
}
