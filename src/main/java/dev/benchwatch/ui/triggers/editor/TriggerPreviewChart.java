package dev.benchwatch.ui.triggers.editor;

import dev.benchwatch.workspace.trigger.ChannelSeries;
import dev.benchwatch.workspace.trigger.TriggerEpisode;
import java.util.List;
import java.util.Objects;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;

/**
 * The trigger editor's preview: one channel's recent history with the trigger's thresholds and the spans
 * where it would have been PENDING (amber) or FIRING (red), and a caption that says the same in words
 * ("would have fired 3 times in the last 2 min 00 s"). An engineer sees what a trigger would do before
 * arming it; the episodes come from {@code TriggerBacktest}, which runs the real engine over the history.
 *
 * <p>The line is reduced to min/max per pixel column, so a million readings paint in milliseconds. The
 * chart repaints when shown new data, resized or switched between the dark and light palette
 * ({@link #setDark}); it paints its own background, so it is legible whichever stylesheet the scene uses.
 * Use on the JavaFX thread only.
 */
public final class TriggerPreviewChart extends Region {
    public static final String ID = "triggerPreview";
    public static final String CAPTION_ID = "previewCaption";
    public static final String STYLE_CLASS = "trigger-preview";
    public static final String CAPTION_STYLE_CLASS = "preview-caption";
    /** Added to the caption while it shows a message instead of a result. */
    public static final String MESSAGE_STYLE_CLASS = "preview-message";

    private static final double HEADER = 26;
    private static final double PAD = 8;
    private static final double KEY_GAP = 12;

    private final Canvas canvas = new Canvas();
    private final Label caption = new Label();
    private final Label lineKey = new Label();
    private final Label pendingKey = new Label("pending");
    private final Label firingKey = new Label("firing");
    private final PreviewPainter painter = new PreviewPainter();
    private boolean recorded;
    private PreviewPalette palette = PreviewPalette.DARK;
    private ChannelSeries series;
    private List<Double> thresholds = List.of();
    private List<TriggerEpisode> episodes = List.of();
    private boolean dirty = true;

    public TriggerPreviewChart() {
        setId(ID);
        getStyleClass().add(STYLE_CLASS);
        caption.setId(CAPTION_ID);
        caption.getStyleClass().add(CAPTION_STYLE_CLASS);
        caption.setFont(Font.font("System", 12.5));
        caption.setWrapText(true);
        for (Label key : List.of(lineKey, pendingKey, firingKey)) {
            key.setFont(Font.font("System", 11));
            key.setGraphicTextGap(4);
            key.getStyleClass().add("preview-legend");
        }
        getChildren().addAll(canvas, caption, lineKey, pendingKey, firingKey);
        clear("no trigger to preview");
        applyPalette();
    }

    /**
     * Shows {@code series} with horizontal lines at {@code thresholds} and the {@code episodes} a backtest
     * of the trigger over the same readings found.
     */
    public void show(ChannelSeries series, List<Double> thresholds, List<TriggerEpisode> episodes) {
        Objects.requireNonNull(series, "series");
        if (series.isEmpty()) {
            clear("no history for channel " + series.channel());
            return;
        }
        this.series = series;
        this.thresholds = List.copyOf(thresholds);
        this.episodes = List.copyOf(episodes);
        caption.getStyleClass().remove(MESSAGE_STYLE_CLASS);
        lineKey.setText(series.unit().isEmpty() ? series.channel() : series.channel() + " (" + series.unit() + ")");
        caption.setText(PreviewCaption.of(this.episodes, series.lastTimestamp() - series.firstTimestamp(), recorded));
        setLegendVisible(true);
        applyPalette();
        repaint();
    }

    /** Shows no chart, only {@code message}: "no history for channel x", a syntax error, ... */
    public void clear(String message) {
        series = null;
        thresholds = List.of();
        episodes = List.of();
        caption.setText(message);
        if (!caption.getStyleClass().contains(MESSAGE_STYLE_CLASS)) {
            caption.getStyleClass().add(MESSAGE_STYLE_CLASS);
        }
        setLegendVisible(false);
        applyPalette();
        repaint();
    }

    /** Switches between the dark palette (the default) and the light one, to match the console's theme. */
    /**
     * Whether the series is a recording (its end is when it stopped: "end" on the axis, "of recording" in the
     * caption) rather than the live history (its end is now). Call before {@link #show}.
     */
    public void setRecorded(boolean value) {
        recorded = value;
        painter.endLabel(value ? "end" : "now");
    }

    public void setDark(boolean dark) {
        PreviewPalette next = dark ? PreviewPalette.DARK : PreviewPalette.LIGHT;
        if (next != palette) {
            palette = next;
            applyPalette();
            repaint();
        }
    }

    public boolean isDark() {
        return palette == PreviewPalette.DARK;
    }

    /** The caption's text. */
    public String captionText() {
        return caption.getText();
    }

    /** The plot area of the last paint, in this chart's coordinates (empty when nothing is shown). */
    Bounds plotArea() {
        return canvas.localToParent(painter.plot());
    }

    /** The x coordinate, in this chart's coordinates, of a time on the last paint's axis. */
    double xOf(long time) {
        return canvas.getLayoutX() + painter.xOf(time);
    }

    private void setLegendVisible(boolean visible) {
        lineKey.setVisible(visible);
        pendingKey.setVisible(visible);
        firingKey.setVisible(visible);
    }

    private void applyPalette() {
        setBackground(new Background(new BackgroundFill(palette.chart().background(), CornerRadii.EMPTY,
                Insets.EMPTY)));
        boolean message = caption.getStyleClass().contains(MESSAGE_STYLE_CLASS);
        caption.setTextFill(message ? palette.chart().mutedText() : palette.chart().text());
        lineKey.setTextFill(palette.chart().mutedText());
        lineKey.setGraphic(new Rectangle(12, 2, palette.line()));
        pendingKey.setTextFill(palette.chart().mutedText());
        firingKey.setTextFill(palette.chart().mutedText());
        pendingKey.setGraphic(swatch(palette.pendingEdge()));
        firingKey.setGraphic(swatch(palette.firingEdge()));
    }

    private static Rectangle swatch(Color color) {
        Rectangle r = new Rectangle(10, 10, color);
        r.setArcWidth(2);
        r.setArcHeight(2);
        return r;
    }

    private void repaint() {
        dirty = true;
        requestLayout();
        if (canvas.getWidth() > 0 && canvas.getHeight() > 0) {
            paint();
        }
    }

    private void paint() {
        dirty = false;
        painter.paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(), palette, series,
                thresholds, episodes);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        // the legend on the right of the header, the caption left of it, wrapping when it does not fit
        double x = w - PAD;
        double keyH = firingKey.prefHeight(-1);
        double keysLeft = x;
        for (Label key : List.of(firingKey, pendingKey, lineKey)) {
            double kw = key.prefWidth(-1);
            keysLeft = x - kw;
            key.resizeRelocate(keysLeft, (HEADER - keyH) / 2, kw, keyH);
            x = keysLeft - KEY_GAP;
        }
        double captionW = Math.max(0, keysLeft - 3 * PAD);
        double captionH = caption.prefHeight(captionW);
        double header = Math.max(HEADER, captionH + 6);
        caption.resizeRelocate(PAD, (header - captionH) / 2, captionW, captionH);
        double cw = Math.max(0, Math.floor(w));
        double ch = Math.max(0, Math.floor(h - header));
        canvas.relocate(0, header);
        if (cw != canvas.getWidth() || ch != canvas.getHeight()) {
            canvas.setWidth(cw);
            canvas.setHeight(ch);
            dirty = true;
        }
        if (dirty) {
            paint();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 640;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 260;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 200;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 120;
    }
}
