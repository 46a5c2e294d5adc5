package dev.benchwatch.ui.gauges;

import javafx.scene.paint.Color;

/**
 * The colours of the gauge tiles in one console theme. Tiles paint their own background, so each theme
 * has a tile background and a foreground (titles, values, units) chosen for contrast on it, and the
 * colours of the budget states chosen to stay legible as text on that background.
 *
 * @param background tile background
 * @param foreground titles, values, units, needle
 * @param accent     the normal bar colour (latency gauges, sparkline)
 * @param okSection  the gauge section below {@value GaugesViewModel#AT_RISK_PERCENT}% of the budget
 * @param atRisk     amber: latency tiles in {@link BudgetState#AT_RISK}, drops above 0
 * @param over       red: latency tiles in {@link BudgetState#OVER}, errors above 0
 */
public record GaugePalette(Color background, Color foreground, Color accent, Color okSection, Color atRisk,
                           Color over) {
    public static final GaugePalette DARK = new GaugePalette(Color.web("#2a2a2a"), Color.web("#e8e8e8"),
            Color.web("#4fa3e0"), Color.web("#43a047"), Color.web("#ffb300"), Color.web("#ff5252"));
    public static final GaugePalette LIGHT = new GaugePalette(Color.web("#ffffff"), Color.web("#212121"),
            Color.web("#1565c0"), Color.web("#2e7d32"), Color.web("#b26a00"), Color.web("#c62828"));

    /** The colour of a latency tile's bar, needle and value in the given budget state. */
    public Color latencyColor(BudgetState state) {
        return switch (state) {
            case OK -> accent;
            case AT_RISK -> atRisk;
            case OVER -> over;
        };
    }

    /** The colour of a latency tile's value text in the given budget state (the foreground when OK). */
    public Color latencyValueColor(BudgetState state) {
        return state == BudgetState.OK ? foreground : latencyColor(state);
    }
}
