package dev.benchwatch.ui;

import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.VPos;
import javafx.scene.control.Skin;
import javafx.scene.control.SkinBase;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * A right-aligned table cell for a number that changes several times a second (a channel's latest value,
 * a device's rate), made with {@link #column}.
 *
 * <p>Why not a plain cell: a {@code TableCell} bound to a changing value asks for a layout on every change
 * and only shows the new value in that layout; a {@code TableView} with any row needing layout lays out
 * every visible row again and applies CSS to each cell, 7-12 ms on the JavaFX thread per update of the
 * channels table. This cell's column hands it the row itself, which never changes; the cell listens to the
 * row's number and draws it with a {@link Text} that no parent lays out, so a new value changes that text,
 * moves it (by its translation) to stay right-aligned, and asks for no layout at all. A number too wide
 * for its column is written shorter (fewer decimals, then an exponent) rather than cut.
 */
public final class LiveNumberCell<S> extends TableCell<S, S> {
    /** Shorter ways to write a number that does not fit its column, tried in order. */
    private static final String[] SHORTER = {"%.1f", "%.0f", "%.2e"};

    private final Function<S, ? extends ObservableValue<? extends Number>> property;
    private final String format;
    private final String missing;
    private final Text number = new Text();
    private final ChangeListener<Number> onChange = (obs, was, now) -> show(now);
    private final WeakChangeListener<Number> weakOnChange = new WeakChangeListener<>(onChange);
    private ObservableValue<? extends Number> watched;
    private Number shownValue;

    /**
     * A column of live numbers: each row's {@code property}, shown with {@code format} ({@link String#format},
     * e.g. {@code "%.3f"}), {@code missing} for NaN or no value; sorting compares the numbers (NaN
     * after every number when ascending).
     */
    public static <S> TableColumn<S, S> column(String title, Function<S, ? extends ObservableValue<? extends Number>> property,
                                               String format, String missing) {
        TableColumn<S, S> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new LiveNumberCell<>(property, format, missing));
        column.setComparator(Comparator.comparingDouble(row -> sortKey(property.apply(row).getValue())));
        column.getStyleClass().add("number-column");
        return column;
    }

    private static double sortKey(Number value) {
        return value == null || Double.isNaN(value.doubleValue()) ? Double.POSITIVE_INFINITY : value.doubleValue();
    }

    private LiveNumberCell(Function<S, ? extends ObservableValue<? extends Number>> property, String format, String missing) {
        this.property = property;
        this.format = format;
        this.missing = missing;
        number.setManaged(false);
        number.setTextOrigin(VPos.CENTER);
        number.fontProperty().bind(fontProperty());
        number.fillProperty().bind(textFillProperty());
        // a number wider than its column is cut at the cell's edge instead of drawing over the next cell
        Rectangle bounds = new Rectangle();
        bounds.widthProperty().bind(widthProperty());
        bounds.heightProperty().bind(heightProperty());
        setClip(bounds);
        getStyleClass().add("live-number-cell");
    }

    @Override
    protected void updateItem(S row, boolean empty) {
        super.updateItem(row, empty);
        ObservableValue<? extends Number> now = empty || row == null ? null : property.apply(row);
        if (now != watched) {
            if (watched != null) {
                watched.removeListener(weakOnChange);
            }
            watched = now;
            if (watched != null) {
                watched.addListener(weakOnChange);
            }
        }
        if (watched == null) {
            setNumberText("");
        } else {
            show(watched.getValue());
        }
    }

    private void show(Number value) {
        shownValue = value;
        if (value == null || Double.isNaN(value.doubleValue())) {
            setNumberText(missing);
            return;
        }
        double v = value.doubleValue();
        String text = String.format(format, v);
        double room = getWidth() - snappedLeftInset() - snappedRightInset();
        // too wide for the column: fewer decimals, then an exponent, rather than digits cut off at the edge
        for (int i = 0; i < SHORTER.length && room > 0 && widthOf(text) > room; i++) {
            text = String.format(SHORTER[i], v);
        }
        setNumberText(text);
    }

    private double widthOf(String text) {
        number.setText(text);
        return number.getLayoutBounds().getWidth();
    }

    private void setNumberText(String shown) {
        number.setText(shown);
        placeNumber();
    }

    /** The text the cell shows (its own {@code text} stays empty). */
    public String displayed() {
        return number.getText();
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new NumberSkin(this);
    }

    /**
     * Right-aligned inside the padding, vertically centred. Moved by its translation, not its layout
     * position: a new layout position of even an unmanaged child asks the row for a layout.
     */
    private void placeNumber() {
        double right = getWidth() - snappedRightInset();
        double width = number.getLayoutBounds().getWidth();
        number.setTranslateX(Math.max(snappedLeftInset(), snapPositionX(right - width)));
        number.setTranslateY(snapPositionY(snappedTopInset() + (getHeight() - snappedTopInset() - snappedBottomInset()) / 2));
    }

    /** Only the number; no label text or graphic. Lays the cell out again when its column's width changes. */
    private static final class NumberSkin extends SkinBase<LiveNumberCell<?>> {
        private final InvalidationListener columnWidth = o -> getSkinnable().requestLayout();
        private final WeakInvalidationListener weakColumnWidth = new WeakInvalidationListener(columnWidth);
        private TableColumn<?, ?> column;

        NumberSkin(LiveNumberCell<?> cell) {
            super(cell);
            getChildren().setAll(cell.number);
            watchColumn(cell.getTableColumn());
            registerChangeListener(cell.tableColumnProperty(), o -> watchColumn(cell.getTableColumn()));
        }

        private void watchColumn(TableColumn<?, ?> now) {
            if (column != null) {
                column.widthProperty().removeListener(weakColumnWidth);
            }
            column = now;
            if (column != null) {
                column.widthProperty().addListener(weakColumnWidth);
            }
            getSkinnable().requestLayout();
        }

        @Override
        public void dispose() {
            watchColumn(null);
            super.dispose();
        }

        /** A new width: the number is fitted to it again. */
        @Override
        protected void layoutChildren(double x, double y, double w, double h) {
            LiveNumberCell<?> cell = getSkinnable();
            if (cell.watched != null) {
                cell.show(cell.shownValue);
            }
            cell.placeNumber();
        }

        /** The column's width, which is what a row gives each cell (as the standard cell skin answers). */
        @Override
        protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
            TableColumn<?, ?> column = getSkinnable().getTableColumn();
            return column == null ? left + getSkinnable().number.getLayoutBounds().getWidth() + right
                    : snapSizeX(column.getWidth());
        }

        @Override
        protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
            return top + getSkinnable().number.getLayoutBounds().getHeight() + bottom;
        }
    }
}
