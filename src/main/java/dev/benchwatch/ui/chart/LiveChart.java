package dev.benchwatch.ui.chart;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A live time chart for many channels: each series drawn from its min/max pyramid, decimated to one
 * vertical stroke per pixel column, so a frame costs the same for 1,000 or 10,000,000 points; optional
 * window-statistics overlays (mean, ±stddev band, min/max band); pause without losing data, wheel zoom
 * around the mouse, drag to pan, double-click back to live; two cursors with a value and delta readout;
 * autoscaled or fixed y axis; host time of day or seconds since start on the x axis.
 *
 * <p>Drawn on one {@link Canvas} rather than with ChartFX: measured in the same harness, ChartFX 11.3.1
 * painted 1 frame/s at 200,000 points where this chart holds 60 (its reducer keeps noisy points), and it
 * would add 8.2 MB of jars to an installer with 2.9 MB to spare (docs/BENCHMARKS.md, "ChartFX"). The
 * decimation here keeps a frame's cost bound to pixels. The chart redraws only in {@link #refresh()}, and only when something changed: call it
 * once per pulse from the view's {@code AnimationTimer}, after moving new readings into the series'
 * buffers ({@link HistoryFeed#pull()}). JavaFX thread only.
 *
 * <p>Mouse: wheel zooms time around the pointer; drag pans; double-click returns to following live data;
 * Shift+click places cursor A, Ctrl+click (or Shift+right-click) cursor B; Alt+click removes both.
 */
public final class LiveChart extends Region {
    /** The span shown when following live data, until zoomed: 10 s. */
    public static final long DEFAULT_SPAN_NANOS = 10_000_000_000L;
    /** Wheel zoom per notch (40 px of scroll delta): 15%. */
    private static final double ZOOM_PER_NOTCH = 1.15;

    private final Canvas canvas = new Canvas();
    private final List<ChartSeries> series = new ArrayList<>();
    private final List<ChartSeries> seriesView = Collections.unmodifiableList(series);
    private final TimeViewport viewport = new TimeViewport(DEFAULT_SPAN_NANOS);
    private final ChartPainter painter;
    private final TimeLabels timeLabels;
    private final CursorReadout readout = new CursorReadout();

    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused", false);
    private final BooleanProperty autoscale = new SimpleBooleanProperty(this, "autoscale", true);
    private final DoubleProperty yMin = new SimpleDoubleProperty(this, "yMin", 0);
    private final DoubleProperty yMax = new SimpleDoubleProperty(this, "yMax", 1);
    private final ObjectProperty<DeviceClock> deviceClock = new SimpleObjectProperty<>(this, "deviceClock");
    private final ObjectProperty<TimeAxisMode> timeAxisMode =
            new SimpleObjectProperty<>(this, "timeAxisMode", TimeAxisMode.HOST_TIME);
    private final ObjectProperty<Long> cursorA = new SimpleObjectProperty<>(this, "cursorA");
    private final ObjectProperty<Long> cursorB = new SimpleObjectProperty<>(this, "cursorB");
    private final ObjectProperty<ChartTheme> theme = new SimpleObjectProperty<>(this, "theme", ChartTheme.DARK);
    private final LongProperty timeOrigin = new SimpleLongProperty(this, "timeOrigin", Long.MIN_VALUE);
    private final ReadOnlyBooleanWrapper following = new ReadOnlyBooleanWrapper(this, "following", true);
    private final ReadOnlyLongWrapper visibleStart = new ReadOnlyLongWrapper(this, "visibleStart");
    private final ReadOnlyLongWrapper visibleEnd = new ReadOnlyLongWrapper(this, "visibleEnd");

    private boolean dirty = true;
    private boolean publishingYRange;
    private long frames;
    private double dragX = Double.NaN;
    private boolean dragged;

    public LiveChart() {
        this(ZoneId.systemDefault());
    }

    /** @param zone the zone of host time-of-day labels */
    public LiveChart(ZoneId zone) {
        timeLabels = new TimeLabels(zone);
        painter = new ChartPainter(timeLabels);
        getChildren().add(canvas);
        getStyleClass().add("live-chart");
        setMinSize(200, 120);
        setPrefSize(800, 400);

        paused.addListener((obs, was, now) -> {
            if (now) {
                viewport.freeze();
            } else {
                viewport.follow();
            }
            viewChanged();
        });
        autoscale.addListener(this::invalidated);
        yMin.addListener(this::yRangeChanged);
        yMax.addListener(this::yRangeChanged);
        timeAxisMode.addListener(this::invalidated);
        deviceClock.addListener(this::invalidated);
        cursorA.addListener(this::invalidated);
        cursorB.addListener(this::invalidated);
        theme.addListener(this::invalidated);
        timeOrigin.addListener(this::invalidated);

        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> dragX = Double.NaN);
        addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClicked);
    }

    // ---- series

    /** Adds a series with its own buffer of {@code capacity} points. */
    public ChartSeries addSeries(String name, Color color, int capacity) {
        return addSeries(new ChartSeries(name, color, new SeriesBuffer(capacity)));
    }

    public ChartSeries addSeries(ChartSeries s) {
        Objects.requireNonNull(s, "series");
        series.add(s);
        s.visibleProperty().addListener(this::invalidated);
        changed();
        return s;
    }

    public void removeSeries(ChartSeries s) {
        if (series.remove(s)) {
            s.visibleProperty().removeListener(this::invalidated);
            changed();
        }
    }

    public List<ChartSeries> series() {
        return seriesView;
    }

    // ---- the pulse

    /**
     * Follows new data (unless paused or zoomed) and repaints if anything changed since the last paint.
     * Call once per pulse on the JavaFX thread. Returns whether it painted.
     */
    public boolean refresh() {
        long newest = Long.MIN_VALUE;
        long oldest = Long.MAX_VALUE;
        for (ChartSeries s : series) {
            SeriesBuffer points = s.points();
            if (!points.isEmpty()) {
                newest = Math.max(newest, points.lastTime());
                oldest = Math.min(oldest, points.firstTime());
            }
            long seen = points.endSequence();
            long seenStats = s.stats() == null ? -1 : s.stats().mean().endSequence();
            if (seen != s.seenPoints || seenStats != s.seenStats) {
                // new points matter when following, or when they land inside a frozen range
                long firstNew = Math.max(points.firstSequence(), Math.max(0, s.seenPoints));
                if (viewport.following() || seenStats != s.seenStats || firstNew >= seen
                        || points.timeAt(firstNew) < Math.max(viewport.end(), painter.drawEnd)) {
                    dirty = true;
                }
                s.seenPoints = seen;
                s.seenStats = seenStats;
            }
        }
        if (timeOrigin.get() == Long.MIN_VALUE && oldest != Long.MAX_VALUE && !timeOrigin.isBound()) {
            timeOrigin.set(oldest);
        }
        if (newest != Long.MIN_VALUE && viewport.track(newest)) {
            dirty = true;
        }
        if (!dirty) {
            return false;
        }
        dirty = false;
        visibleStart.set(viewport.start());
        visibleEnd.set(viewport.end());
        following.set(viewport.following());
        readout.update(series, cursorA.get(), cursorB.get(), timeAxisMode.get(), effectiveTimeOrigin(), timeLabels,
                viewport.span());
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w >= 1 && h >= 1) {
            painter.paint(canvas.getGraphicsContext2D(), w, h, this);
            frames++;
        }
        return true;
    }

    /** Marks the chart for repainting on the next {@link #refresh()}. */
    public void requestRedraw() {
        dirty = true;
    }

    /** Paints so far (for tests and frame statistics). */
    public long paintedFrames() {
        return frames;
    }

    ChartPainter painter() {
        return painter;
    }

    // ---- view

    /** Back to following live data with the default span (and out of pause). */
    public void resetZoom() {
        viewport.reset();
        paused.set(false);
        viewChanged();
    }

    /** Zooms time by {@code factor} (below 1 zooms in) around {@code anchorTime}; stops following. */
    public void zoom(double factor, long anchorTime) {
        viewport.zoom(factor, anchorTime);
        viewChanged();
    }

    /** Moves the visible range by {@code deltaNanos}; stops following. */
    public void pan(long deltaNanos) {
        viewport.pan(deltaNanos);
        viewChanged();
    }

    /** Shows [startNanos, endNanos); stops following. */
    public void showRange(long startNanos, long endNanos) {
        viewport.show(startNanos, endNanos);
        viewChanged();
    }

    /** The span shown when following, and restored by {@link #resetZoom()}. */
    public void setDefaultSpan(long spanNanos) {
        viewport.setDefaultSpan(spanNanos);
        if (viewport.following()) {
            viewport.reset();
        }
        viewChanged();
    }

    /** Time (ns) under x, in the chart's coordinates, per the last paint. */
    public long timeAtX(double x) {
        return painter.timeAtX(x, viewport.start(), viewport.end());
    }

    /** x, in the chart's coordinates, of {@code time} per the last paint. */
    public double xOfTime(long time) {
        return painter.xOf(time, viewport.start(), viewport.end());
    }

    /** The plot area of the last paint: left, top, width, height. */
    public double[] plotArea() {
        return new double[] {painter.plotLeft, painter.plotTop, painter.plotWidth, painter.plotHeight};
    }

    /** The cursors' readout as of the last refresh. */
    public CursorReadout readout() {
        return readout;
    }

    public void setCursorA(long timeNanos) {
        cursorA.set(timeNanos);
    }

    public void setCursorB(long timeNanos) {
        cursorB.set(timeNanos);
    }

    public void clearCursors() {
        cursorA.set(null);
        cursorB.set(null);
    }

    // ---- properties

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public boolean isPaused() {
        return paused.get();
    }

    /** Pauses (the range freezes; data keeps arriving in the buffers) or resumes following live data. */
    public void setPaused(boolean value) {
        paused.set(value);
    }

    public BooleanProperty autoscaleProperty() {
        return autoscale;
    }

    public boolean isAutoscale() {
        return autoscale.get();
    }

    public void setAutoscale(boolean value) {
        autoscale.set(value);
    }

    /** The y axis' lower bound: set it (with autoscale off) to fix it; with autoscale on it shows the range in use. */
    public DoubleProperty yMinProperty() {
        return yMin;
    }

    public double getYMin() {
        return yMin.get();
    }

    public DoubleProperty yMaxProperty() {
        return yMax;
    }

    public double getYMax() {
        return yMax.get();
    }

    /** Fixes the y axis to [min, max] (turns autoscale off). */
    public void setYRange(double min, double max) {
        if (!(max > min)) {
            throw new IllegalArgumentException("y range must have max > min, got " + min + " .. " + max);
        }
        autoscale.set(false);
        yMin.set(min);
        yMax.set(max);
    }

    public ObjectProperty<TimeAxisMode> timeAxisModeProperty() {
        return timeAxisMode;
    }

    public TimeAxisMode getTimeAxisMode() {
        return timeAxisMode.get();
    }

    public void setTimeAxisMode(TimeAxisMode mode) {
        timeAxisMode.set(Objects.requireNonNull(mode, "mode"));
    }

    /** The board's clock the x axis counts in {@link TimeAxisMode#DEVICE_CLOCK}; null: none chosen. */
    public ObjectProperty<DeviceClock> deviceClockProperty() {
        return deviceClock;
    }

    public DeviceClock getDeviceClock() {
        return deviceClock.get();
    }

    public void setDeviceClock(DeviceClock clock) {
        deviceClock.set(clock);
    }

    /** Cursor A's time (ns since the epoch), null when not placed. */
    public ObjectProperty<Long> cursorAProperty() {
        return cursorA;
    }

    public Long getCursorA() {
        return cursorA.get();
    }

    public ObjectProperty<Long> cursorBProperty() {
        return cursorB;
    }

    public Long getCursorB() {
        return cursorB.get();
    }

    public ObjectProperty<ChartTheme> themeProperty() {
        return theme;
    }

    public ChartTheme getTheme() {
        return theme.get();
    }

    public void setTheme(ChartTheme value) {
        theme.set(Objects.requireNonNull(value, "theme"));
    }

    /**
     * Time (ns) that device-time mode counts seconds from; taken from the first point seen unless set.
     */
    public LongProperty timeOriginProperty() {
        return timeOrigin;
    }

    /** Whether the range follows the newest data (false when paused, zoomed or panned). */
    public ReadOnlyBooleanProperty followingProperty() {
        return following.getReadOnlyProperty();
    }

    public boolean isFollowing() {
        return viewport.following();
    }

    /** Start of the visible range (ns), as of the last refresh. */
    public ReadOnlyLongProperty visibleStartProperty() {
        return visibleStart.getReadOnlyProperty();
    }

    /** End of the visible range (ns, exclusive), as of the last refresh. */
    public ReadOnlyLongProperty visibleEndProperty() {
        return visibleEnd.getReadOnlyProperty();
    }

    // ---- for the painter

    TimeViewport viewport() {
        return viewport;
    }

    /**
     * Where the seconds modes count from: the moment the board's clock read zero in
     * {@link TimeAxisMode#DEVICE_CLOCK} (judged at the view's end), otherwise the first point's time.
     */
    long effectiveTimeOrigin() {
        DeviceClock clock = deviceClock.get();
        if (timeAxisMode.get() == TimeAxisMode.DEVICE_CLOCK && clock != null) {
            long zero = clock.zeroAt(viewport.end());
            if (zero != Long.MIN_VALUE) {
                return zero;
            }
        }
        long origin = timeOrigin.get();
        return origin == Long.MIN_VALUE ? viewport.start() : origin;
    }

    /** With autoscale on, shows the range in use in yMin/yMax (unless a view-model binds them). */
    void publishYRange(double low, double high) {
        if (!autoscale.get() || yMin.isBound() || yMax.isBound()) {
            return;
        }
        publishingYRange = true;
        try {
            yMin.set(low);
            yMax.set(high);
        } finally {
            publishingYRange = false;
        }
    }

    // ---- layout and input

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            viewChanged();
        }
        canvas.relocate(0, 0);
    }

    private void invalidated(Observable o) {
        changed();
    }

    private void yRangeChanged(Observable o) {
        if (!publishingYRange && !autoscale.get()) {
            changed();
        }
    }

    private void changed() {
        dirty = true;
    }

    /**
     * The range or the plot's size changed (zoom, pan, resize, span, pause or resume): the next paint
     * decimates every column afresh instead of reusing the last frame's. (Reusing them would be correct
     * too, the columns being aligned to absolute time, but a view change is rare and this keeps it simple
     * to reason about.)
     */
    private void viewChanged() {
        for (ChartSeries s : series) {
            s.invalidateColumns();
        }
        painter.invalidateRaster();
        dirty = true;
    }

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() == 0 || !painter.insidePlot(e.getX(), e.getY())) {
            return;
        }
        double notches = e.getDeltaY() / 40.0;
        zoom(Math.pow(ZOOM_PER_NOTCH, -notches), timeAtX(e.getX()));
        e.consume();
    }

    private void onPressed(MouseEvent e) {
        dragged = false;
        dragX = e.getButton() == MouseButton.PRIMARY && !e.isShiftDown() && !e.isControlDown() && !e.isAltDown()
                && painter.insidePlot(e.getX(), e.getY()) ? e.getX() : Double.NaN;
    }

    private void onDragged(MouseEvent e) {
        if (Double.isNaN(dragX)) {
            return;
        }
        double dx = e.getX() - dragX;
        if (dx != 0) {
            pan(-Math.round(dx / painter.plotWidth * viewport.span()));
            dragX = e.getX();
            dragged = true;
        }
        e.consume();
    }

    private void onClicked(MouseEvent e) {
        if (dragged || !painter.insidePlot(e.getX(), e.getY())) {
            return;
        }
        long t = timeAtX(e.getX());
        if (e.isAltDown()) {
            clearCursors();
        } else if (e.isControlDown() || (e.isShiftDown() && e.getButton() == MouseButton.SECONDARY)) {
            setCursorB(t);
        } else if (e.isShiftDown()) {
            setCursorA(t);
        } else if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
            resetZoom();
        } else {
            return;
        }
        e.consume();
    }
}
