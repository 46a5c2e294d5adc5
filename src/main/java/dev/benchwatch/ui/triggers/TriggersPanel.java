package dev.benchwatch.ui.triggers;

import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The trigger list: name, severity, enabled, armed or shadow, live state, firings and the last value. */
public final class TriggersPanel extends VBox {
    private final TableView<TriggerRow> table = new TableView<>();

    public TriggersPanel(TriggersViewModel model) {
        getStyleClass().add("panel");
        table.setId("triggerTable");
        table.setItems(model.rows());
        table.setPlaceholder(new Label("No triggers"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<TriggerRow, String> name = new TableColumn<>("Trigger");
        name.setCellValueFactory(c -> c.getValue().nameProperty());
        name.setPrefWidth(200);
        TableColumn<TriggerRow, String> id = new TableColumn<>("Id");
        id.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().id()));
        id.setPrefWidth(140);
        TableColumn<TriggerRow, String> severity = new TableColumn<>("Severity");
        severity.setCellValueFactory(c -> c.getValue().severityProperty());
        TableColumn<TriggerRow, String> enabled = new TableColumn<>("Enabled");
        enabled.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().enabledProperty().get() ? "yes" : "no"));
        TableColumn<TriggerRow, String> mode = new TableColumn<>("Mode");
        mode.setCellValueFactory(c -> c.getValue().modeProperty());
        TableColumn<TriggerRow, String> state = new TableColumn<>("State");
        state.setCellValueFactory(c -> c.getValue().stateProperty());
        state.setPrefWidth(170);
        state.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                getStyleClass().removeAll("status-ok", "status-pending", "status-failed");
                setText(empty ? null : value);
                if (!empty && value != null) {
                    getStyleClass().add(value.startsWith("FIRING") ? "status-failed"
                            : value.startsWith("PENDING") ? "status-pending" : "status-ok");
                }
            }
        });
        TableColumn<TriggerRow, Number> firings = new TableColumn<>("Firings");
        firings.setCellValueFactory(c -> c.getValue().firingsProperty());
        TableColumn<TriggerRow, Number> value = new TableColumn<>("Last value");
        value.setCellValueFactory(c -> c.getValue().valueProperty());
        value.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null || Double.isNaN(v.doubleValue()) ? null : String.format("%.4g", v.doubleValue()));
            }
        });
        table.getColumns().addAll(java.util.List.of(name, id, severity, enabled, mode, state, firings, value));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().add(table);
    }

    public TableView<TriggerRow> table() {
        return table;
    }
}
