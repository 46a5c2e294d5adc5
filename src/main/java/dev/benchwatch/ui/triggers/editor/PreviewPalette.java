package dev.benchwatch.ui.triggers.editor;

import dev.benchwatch.ui.chart.ChartTheme;
import javafx.scene.paint.Color;

/**
 * The preview's colours in the console's two themes. Background, grid and text come from the live charts'
 * {@link ChartTheme} and the line is their first series colour, so the preview looks like the chart it
 * previews; PENDING is amber and FIRING red as in the alarm views, translucent so the line stays readable.
 *
 * @param chart      the matching chart theme (backgrounds, grid, axis, text)
 * @param line       the channel's line
 * @param pending    the band over PENDING spans
 * @param pendingEdge the strip along the top of a PENDING band and its legend swatch
 * @param firing     the band over FIRING spans
 * @param firingEdge the strip along the top of a FIRING band and its legend swatch
 * @param threshold  the dashed threshold lines and their labels' border
 */
record PreviewPalette(ChartTheme chart, Color line, Color pending, Color pendingEdge, Color firing,
                      Color firingEdge, Color threshold) {
    static final PreviewPalette DARK = new PreviewPalette(ChartTheme.DARK, ChartTheme.seriesColor(0),
            Color.web("#f5b942", 0.26), Color.web("#f5b942"), Color.web("#ff5a5a", 0.30), Color.web("#ff6b6b"),
            Color.web("#d7dae0", 0.85));
    static final PreviewPalette LIGHT = new PreviewPalette(ChartTheme.LIGHT, Color.web("#2f7fd0"),
            Color.web("#e09b24", 0.22), Color.web("#c77e00"), Color.web("#e04444", 0.22), Color.web("#c62828"),
            Color.web("#3a4350", 0.85));
}
