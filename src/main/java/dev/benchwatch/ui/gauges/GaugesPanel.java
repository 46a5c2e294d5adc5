package dev.benchwatch.ui.gauges;

import eu.hansolo.tilesfx.Section;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.Tile.SkinType;
import eu.hansolo.tilesfx.Tile.TextSize;
import eu.hansolo.tilesfx.TileBuilder;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;

/**
 * The console's gauges: a row of TilesFX tiles for the ingest-to-decision latency (p50 and p99, as gauges
 * with the budget marked as sections: under {@value GaugesViewModel#AT_RISK_PERCENT}%, at risk, over),
 * readings per second (a sparkline of the last 10 s), queue depth, drops, errors, and one small tile per
 * device with its readings per second, added and removed as devices come and go.
 *
 * <p>It reads only the {@link GaugesViewModel}'s properties. When the budget state is
 * {@link BudgetState#AT_RISK} both latency tiles turn amber (bar, needle, value), {@link BudgetState#OVER}
 * red, {@link BudgetState#OK} back to normal. Drops above 0 show amber, errors above 0 red.
 *
 * <p>Sized for a row at the top of a 1600 px wide window: six {@value #TILE_SIZE} px tiles and four
 * {@value #DEVICE_TILE_WIDTH} px device tiles in one row; more devices wrap. The tiles paint their own
 * background: {@link #setDark(boolean)} switches between the dark and the light palette to match the
 * console's theme. Use on the JavaFX thread only (tiles are not thread-safe).
 */
public final class GaugesPanel extends FlowPane {
    public static final double TILE_SIZE = 160;
    public static final double DEVICE_TILE_WIDTH = 120;
    public static final double GAP = 8;
    /** The gauges' scale runs to this multiple of the budget, so "over" has room to show. */
    static final double SCALE_OVER_BUDGET = 1.25;

    public static final String ID_LATENCY_P50 = "gauge-latency-p50";
    public static final String ID_LATENCY_P99 = "gauge-latency-p99";
    public static final String ID_READINGS = "gauge-readings";
    public static final String ID_QUEUE = "gauge-queue";
    public static final String ID_DROPS = "gauge-drops";
    public static final String ID_ERRORS = "gauge-errors";
    /** Style class of the per-device tiles; each one's id is {@code gauge-device-<device>}. */
    public static final String DEVICE_STYLE_CLASS = "gauge-device";
    /** The maximum of counters and rates: a tile clamps its value to its range (default 0 to 100). */
    static final double UNBOUNDED = 1e15;
    /** Readings per second: TilesFX shows a unit with a slash as a fraction. */
    static final String RATE_UNIT = "rdg/s";

    private final GaugesViewModel model;
    private final LatencyScale scale;
    private final Tile p50;
    private final Tile p99;
    private final Tile readings;
    private final Tile queue;
    private final Tile drops;
    private final Tile errors;
    private final Map<DeviceRate, DeviceTile> deviceTiles = new IdentityHashMap<>();
    private GaugePalette palette = GaugePalette.DARK;

    public GaugesPanel(GaugesViewModel model) {
        this.model = Objects.requireNonNull(model, "model");
        this.scale = LatencyScale.forBudget(model.latencyBudgetMicros());
        setHgap(GAP);
        setVgap(GAP);
        setPadding(new Insets(GAP));
        setPrefWrapLength(6 * (TILE_SIZE + GAP) + 4 * (DEVICE_TILE_WIDTH + GAP));
        getStyleClass().add("gauges-panel");

        p50 = latencyGauge(ID_LATENCY_P50, "Latency p50");
        p99 = latencyGauge(ID_LATENCY_P99, "Latency p99");
        readings = TileBuilder.create().skinType(SkinType.SPARK_LINE).prefSize(TILE_SIZE, TILE_SIZE)
                .title("Readings/s").unit(RATE_UNIT).decimals(0).averagingPeriod(100).animated(false)
                .minValue(0).maxValue(UNBOUNDED)
                .averageVisible(false).textSize(TextSize.BIGGER).build();
        readings.setId(ID_READINGS);
        squareCorners(readings);
        queue = numberTile(ID_QUEUE, "Queue depth", "readings", TILE_SIZE);
        drops = numberTile(ID_DROPS, "Drops", "readings", TILE_SIZE);
        errors = numberTile(ID_ERRORS, "Errors", "", TILE_SIZE);
        getChildren().addAll(p50, p99, readings, queue, drops, errors);

        follow(model.latencyP50MicrosProperty(), v -> p50.setValue(scale.toDisplay(v.doubleValue())));
        follow(model.latencyP99MicrosProperty(), v -> p99.setValue(scale.toDisplay(v.doubleValue())));
        follow(model.readingsPerSecondProperty(), v -> readings.setValue(v.doubleValue()));
        follow(model.queueDepthProperty(), v -> queue.setValue(v.doubleValue()));
        follow(model.dropsProperty(), v -> {
            drops.setValue(v.doubleValue());
            colourCounters();
        });
        follow(model.errorsProperty(), v -> {
            errors.setValue(v.doubleValue());
            colourCounters();
        });
        model.budgetStateProperty().addListener((o, before, now) -> colourLatency());
        model.deviceRates().addListener((ListChangeListener<DeviceRate>) change -> syncDeviceTiles());
        syncDeviceTiles();
        applyPalette();
    }

    /** Switches the tiles between the dark palette (the default) and the light one. */
    public void setDark(boolean dark) {
        GaugePalette next = dark ? GaugePalette.DARK : GaugePalette.LIGHT;
        if (next != palette) {
            palette = next;
            applyPalette();
        }
    }

    public boolean isDark() {
        return palette == GaugePalette.DARK;
    }

    /** The palette in use. */
    public GaugePalette palette() {
        return palette;
    }

    /** The view-model this panel shows. */
    public GaugesViewModel model() {
        return model;
    }

    /** The unit the latency gauges display ("ms" or "µs", chosen from the budget). */
    public String latencyUnit() {
        return scale.unit();
    }

    private Tile latencyGauge(String id, String title) {
        double budget = scale.toDisplay(model.latencyBudgetMicros());
        Tile tile = TileBuilder.create().skinType(SkinType.GAUGE).prefSize(TILE_SIZE, TILE_SIZE)
                .title(title).unit(scale.unit()).decimals(scale.decimals())
                .tickLabelDecimals(budget * SCALE_OVER_BUDGET >= 10 ? 0 : 2)
                .minValue(0).maxValue(budget * SCALE_OVER_BUDGET).threshold(budget)
                .thresholdVisible(false).sectionsVisible(true).animated(false).build();
        tile.setAutoScale(false); // keep the scale at budget x 1.25: no rounding up to a "nice" maximum
        tile.setTextSize(TextSize.BIGGER);
        tile.setId(id);
        tile.setTooltipText(title + ", budget " + scale.format(budget));
        squareCorners(tile);
        return tile;
    }

    private static Tile numberTile(String id, String title, String unit, double width) {
        Tile tile = TileBuilder.create().skinType(SkinType.NUMBER).prefSize(width, TILE_SIZE)
                .title(title).unit(unit).decimals(0).animated(false).textSize(TextSize.BIGGER)
                .minValue(0).maxValue(UNBOUNDED).build();
        tile.setId(id);
        squareCorners(tile);
        return tile;
    }

    /**
     * Square tiles: a rounded background is a path for the rasteriser every time a tile repaints, a square
     * one a plain fill. On Prism's software pipeline (no GPU) the tiles' rounded backgrounds were a fifth of
     * the render thread's time (docs/BENCHMARKS.md, "Console frames").
     */
    private static void squareCorners(Tile tile) {
        tile.setRoundedCorners(false);
    }

    private static <T> void follow(ObservableValue<T> property, java.util.function.Consumer<T> apply) {
        property.addListener((o, before, now) -> apply.accept(now));
        apply.accept(property.getValue());
    }

    private void syncDeviceTiles() {
        List<DeviceRate> rows = model.deviceRates();
        deviceTiles.keySet().removeIf(row -> {
            if (rows.contains(row)) {
                return false;
            }
            deviceTiles.get(row).dispose();
            return true;
        });
        List<Node> children = new ArrayList<>(List.of(p50, p99, readings, queue, drops, errors));
        for (DeviceRate row : rows) {
            DeviceTile tile = deviceTiles.computeIfAbsent(row, DeviceTile::new);
            tile.paint(palette);
            children.add(tile.tile);
        }
        if (!children.equals(getChildren())) {
            getChildren().setAll(children);
        }
    }

    private void applyPalette() {
        for (Tile tile : List.of(p50, p99, readings, queue, drops, errors)) {
            paintBase(tile, palette);
        }
        readings.setBarColor(palette.accent());
        for (Tile gauge : List.of(p50, p99)) {
            double budget = gauge.getThreshold();
            gauge.setSections(
                    new Section(0, budget * GaugesViewModel.AT_RISK_PERCENT / 100.0, palette.okSection()),
                    new Section(budget * GaugesViewModel.AT_RISK_PERCENT / 100.0, budget, palette.atRisk()),
                    new Section(budget, gauge.getMaxValue(), palette.over()));
        }
        deviceTiles.values().forEach(tile -> tile.paint(palette));
        colourLatency();
        colourCounters();
    }

    static void paintBase(Tile tile, GaugePalette palette) {
        tile.setBackgroundColor(palette.background());
        tile.setForegroundBaseColor(palette.foreground());
        tile.setTitleColor(palette.foreground());
        tile.setUnitColor(palette.foreground());
        tile.setTextColor(palette.foreground());
        tile.setTickLabelColor(palette.foreground());
        tile.setNeedleColor(palette.foreground());
    }

    private void colourLatency() {
        BudgetState state = model.getBudgetState();
        Color bar = palette.latencyColor(state);
        Color value = palette.latencyValueColor(state);
        for (Tile gauge : List.of(p50, p99)) {
            gauge.setBarColor(bar);
            gauge.setNeedleColor(state == BudgetState.OK ? palette.foreground() : bar);
            gauge.setValueColor(value);
        }
    }

    private void colourCounters() {
        drops.setValueColor(model.getDrops() > 0 ? palette.atRisk() : palette.foreground());
        errors.setValueColor(model.getErrors() > 0 ? palette.over() : palette.foreground());
    }

    /** A device's tile, following its row's rate until the row goes. */
    private static final class DeviceTile {
        final Tile tile;
        private final DeviceRate row;
        private final ChangeListener<Number> listener;

        DeviceTile(DeviceRate row) {
            this.row = row;
            tile = numberTile("gauge-device-" + row.device(), row.device(), RATE_UNIT, DEVICE_TILE_WIDTH);
            tile.getStyleClass().add(DEVICE_STYLE_CLASS);
            tile.setTooltipText(row.device() + ": readings accepted per second");
            listener = (o, before, now) -> tile.setValue(now.doubleValue());
            row.readingsPerSecondProperty().addListener(listener);
            tile.setValue(row.getReadingsPerSecond());
        }

        void paint(GaugePalette palette) {
            paintBase(tile, palette);
            tile.setValueColor(palette.foreground());
        }

        void dispose() {
            row.readingsPerSecondProperty().removeListener(listener);
        }
    }

    /** Which unit the latency gauges display, so that the budget reads as a short number. */
    record LatencyScale(String unit, double microsPerUnit, int decimals) {
        static LatencyScale forBudget(double budgetMicros) {
            return budgetMicros >= 1_000 ? new LatencyScale("ms", 1_000, 2) : new LatencyScale("µs", 1, 1);
        }

        double toDisplay(double micros) {
            return micros / microsPerUnit;
        }

        String format(double value) {
            return String.format(java.util.Locale.ROOT, "%." + decimals + "f %s", value, unit);
        }
    }
}
