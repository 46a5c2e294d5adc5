package dev.benchwatch.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Two real tables side by side on the same rows: one with a plain text cell, one with {@link LiveNumberCell}.
 * A new value must show at once, right-aligned, without asking the table to lay out its rows again (which a
 * plain cell does, and which is what made the console's table updates cost 7-12 ms a frame).
 */
@ExtendWith(ApplicationExtension.class)
class LiveNumberCellFxTest {
    static {
        FxTestSettings.apply();
    }

    /** A row with one live value. */
    record Reading(DoubleProperty value) {
    }

    private final List<Reading> rows = List.of(new Reading(new SimpleDoubleProperty(1)),
            new Reading(new SimpleDoubleProperty(2)), new Reading(new SimpleDoubleProperty(Double.NaN)));
    private TableView<Reading> plain;
    private TableView<Reading> live;

    @Start
    void start(Stage stage) {
        plain = new TableView<>(FXCollections.observableArrayList(rows));
        TableColumn<Reading, Number> plainValue = new TableColumn<>("Value");
        plainValue.setCellValueFactory(c -> c.getValue().value());
        plainValue.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(Number value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : String.format("%.3f", value.doubleValue()));
            }
        });
        plain.getColumns().add(plainValue);
        live = new TableView<>(FXCollections.observableArrayList(rows));
        live.getColumns().add(LiveNumberCell.column("Value", Reading::value, "%.3f", "–"));
        for (TableView<Reading> table : List.of(plain, live)) {
            table.setFixedCellSize(26);
            table.getColumns().get(0).setPrefWidth(100);
            table.setPrefWidth(180);
        }
        stage.setScene(new Scene(new HBox(plain, live), 400, 200));
        stage.show();
    }

    @Test
    void sortingComparesTheNumbersWithNaNAfterThemAscending() throws Exception {
        List<Double> sorted = WaitForAsyncUtils.asyncFx(() -> {
            TableColumn<Reading, ?> column = live.getColumns().get(0);
            live.getSortOrder().setAll(List.of(column));
            column.setSortType(TableColumn.SortType.ASCENDING);
            return live.getItems().stream().map(r -> r.value().get()).toList();
        }).get(5, TimeUnit.SECONDS);
        assertThat(sorted.subList(0, 2)).containsExactly(1.0, 2.0);
        assertThat(sorted.get(2)).isNaN();
    }

    @Test
    void aNewValueShowsRightAlignedWithoutAskingTheRowsForALayout() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Boolean[] needLayout = WaitForAsyncUtils.asyncFx(() -> {
            assertThat(anyRowNeedsLayout(plain) || anyRowNeedsLayout(live)).as("both tables laid out").isFalse();
            rows.get(0).value().set(-12345.5); // much wider than "1.000": a plain cell would need a new layout
            return new Boolean[] {anyRowNeedsLayout(plain), anyRowNeedsLayout(live)};
        }).get(5, TimeUnit.SECONDS);
        assertThat(needLayout[0]).as("the plain cell asks its row for a layout (the control case)").isTrue();
        assertThat(needLayout[1]).as("the live cell asks for none").isFalse();

        String[] shown = WaitForAsyncUtils.asyncFx(() -> {
            LiveNumberCell<?> first = liveCell(0);
            Text number = (Text) first.getChildrenUnmodifiable().get(0);
            double rightEdge = number.getBoundsInParent().getMaxX();
            double cellRight = first.getWidth() - first.snappedRightInset();
            return new String[] {first.displayed(), liveCell(2).displayed(),
                    String.valueOf(Math.abs(rightEdge - cellRight) <= 1.0), String.valueOf(number.getBoundsInParent().getMinX() > 0)};
        }).get(5, TimeUnit.SECONDS);
        assertThat(shown[0]).isEqualTo("-12345.500");
        assertThat(shown[1]).as("NaN shows the missing mark").isEqualTo("–");
        assertThat(shown[2]).as("right-aligned inside the cell's padding").isEqualTo("true");
        assertThat(shown[3]).isEqualTo("true");
    }

    @Test
    void aNumberTooWideForItsColumnLosesDecimalsNotDigits() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> live.getColumns().get(0).setPrefWidth(66)).get(5, TimeUnit.SECONDS);
        FxWait.until(() -> liveCell(1).getWidth() < 70, "the narrower column laid out");
        Object[] shown = WaitForAsyncUtils.asyncFx(() -> {
            rows.get(1).value().set(5_000_950.123);
            LiveNumberCell<?> cell = liveCell(1);
            Text number = (Text) cell.getChildrenUnmodifiable().get(0);
            double room = cell.getWidth() - cell.snappedLeftInset() - cell.snappedRightInset();
            return new Object[] {cell.displayed(), number.getLayoutBounds().getWidth() <= room, cell.getWidth()};
        }).get(5, TimeUnit.SECONDS);
        String text = (String) shown[0];
        assertThat(text).as("not the full %.3f form (cell " + shown[2] + " px)").isNotEqualTo("5000950.123");
        assertThat(Double.parseDouble(text)).as(text + " still says the number")
                .isCloseTo(5_000_950.123, org.assertj.core.data.Percentage.withPercentage(0.1));
        assertThat(shown[1]).as(text + " fits the column").isEqualTo(true);
    }

    private LiveNumberCell<?> liveCell(int row) {
        for (Node n : live.lookupAll(".live-number-cell")) {
            if (n instanceof LiveNumberCell<?> cell && cell.getIndex() == row && !cell.isEmpty()) {
                return cell;
            }
        }
        throw new AssertionError("no live cell for row " + row);
    }

    private static boolean anyRowNeedsLayout(TableView<?> table) {
        for (Node n : table.lookupAll(".table-row-cell")) {
            if (n instanceof TableRow<?> row && !row.isEmpty() && ((Parent) row).isNeedsLayout()) {
                return true;
            }
        }
        return false;
    }
}
