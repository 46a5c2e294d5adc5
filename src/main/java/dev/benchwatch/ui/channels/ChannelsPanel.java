package dev.benchwatch.ui.channels;

import dev.benchwatch.ui.LiveNumberCell;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The channels table: latest value, unit, rate, window statistics, and which chart draws the channel. */
public final class ChannelsPanel extends VBox {
    private final TableView<ChannelRow> table = new TableView<>();

    public ChannelsPanel(ChannelsViewModel model, int charts) {
        getStyleClass().add("panel");
        Label title = new Label("Channels");
        title.getStyleClass().add("panel-title");
        table.setId("channelTable");
        table.setItems(model.rows());
        table.setEditable(true);
        table.setFixedCellSize(26); // rows of one height: the table lays out without measuring each cell
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setTableMenuButtonVisible(true); // the "+" menu shows the hidden columns (device, min, max)
        table.setPlaceholder(new Label("No channels yet: connect a device"));

        TableColumn<ChannelRow, Boolean> show = new TableColumn<>("Plot");
        show.setMinWidth(40);
        show.setCellValueFactory(c -> c.getValue().onChartProperty());
        show.setCellFactory(CheckBoxTableCell.forTableColumn(show));
        show.setEditable(true);
        show.setPrefWidth(44);
        TableColumn<ChannelRow, Number> chart = new TableColumn<>("Chart");
        chart.setCellValueFactory(c -> c.getValue().chartProperty());
        chart.setCellFactory(column -> new ChartChoiceCell(charts));
        chart.setPrefWidth(64);
        chart.setMinWidth(64);
        TableColumn<ChannelRow, String> name = new TableColumn<>("Channel");
        name.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().name()));
        name.setPrefWidth(120);
        name.setMinWidth(100);
        TableColumn<ChannelRow, String> device = new TableColumn<>("Device");
        device.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().device()));
        device.setPrefWidth(70);
        TableColumn<ChannelRow, String> unit = new TableColumn<>("Unit");
        unit.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().unit()));
        unit.setPrefWidth(44);
        TableColumn<ChannelRow, ChannelRow> min = number("Min", ChannelRow::minProperty, "%.3f");
        TableColumn<ChannelRow, ChannelRow> max = number("Max", ChannelRow::maxProperty, "%.3f");
        device.setVisible(false);
        min.setVisible(false);
        max.setVisible(false);
        TableColumn<ChannelRow, ChannelRow> rate = number("Rate/s", ChannelRow::rateProperty, "%.0f");
        rate.setPrefWidth(56);
        table.getColumns().addAll(java.util.List.of(show, chart, name, device,
                number("Latest", ChannelRow::latestProperty, "%.3f"), unit, rate,
                number("Mean", ChannelRow::meanProperty, "%.3f"), min, max,
                number("Std dev", ChannelRow::stddevProperty, "%.3f")));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(title, table);
    }

    public TableView<ChannelRow> table() {
        return table;
    }

    private static TableColumn<ChannelRow, ChannelRow> number(String title,
                                                              Function<ChannelRow, ObservableValue<Number>> property,
                                                              String format) {
        TableColumn<ChannelRow, ChannelRow> column = LiveNumberCell.column(title, property, format, "–");
        column.setPrefWidth(72);
        return column;
    }

    /** A spinner choosing the chart (1..charts) a channel is drawn on. */
    private static final class ChartChoiceCell extends TableCell<ChannelRow, Number> {
        private final Spinner<Integer> spinner;

        ChartChoiceCell(int charts) {
            spinner = new Spinner<>(1, charts, 1);
            spinner.setPrefWidth(58);
            spinner.valueProperty().addListener((o, old, value) -> {
                ChannelRow row = getTableRow() == null ? null : getTableRow().getItem();
                if (row != null && value != null) {
                    row.chartProperty().set(value);
                }
            });
        }

        @Override
        protected void updateItem(Number value, boolean empty) {
            super.updateItem(value, empty);
            if (empty || value == null) {
                setGraphic(null);
            } else {
                spinner.getValueFactory().setValue(value.intValue());
                setGraphic(spinner);
            }
        }
    }
}
