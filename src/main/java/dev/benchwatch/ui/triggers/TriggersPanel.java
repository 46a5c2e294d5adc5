package dev.benchwatch.ui.triggers;

import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The trigger list: name, severity, enabled, armed or shadow, live state, firings and the last value. */
public final class TriggersPanel extends VBox {
    private final TableView<TriggerRow> table = new TableView<>();

    public TriggersPanel(TriggersViewModel model) {
        this(model, null);
    }

    /** @param actions what the buttons do to the open workspace; null when the bench is not a workspace */
    public TriggersPanel(TriggersViewModel model, TriggerListActions actions) {
        getStyleClass().add("panel");
        getChildren().add(toolbar(actions));
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

    private HBox toolbar(TriggerListActions actions) {
        Button add = new Button("New trigger…");
        add.setId("newTrigger");
        Button edit = new Button("Edit…");
        edit.setId("editTrigger");
        Button duplicate = new Button("Duplicate");
        duplicate.setId("duplicateTrigger");
        Button delete = new Button("Delete");
        delete.setId("deleteTrigger");
        Label hint = new Label(actions == null ? "open a workspace to edit its triggers"
                : "double-click a trigger to edit it; changes apply at once, File > Save keeps them");
        hint.getStyleClass().add("hint");
        HBox bar = new HBox(6, add, edit, duplicate, delete, hint);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.getStyleClass().add("panel-toolbar");
        if (actions == null) {
            bar.getChildren().forEach(n -> n.setDisable(n instanceof Button));
            return bar;
        }
        var selected = table.getSelectionModel().selectedItemProperty();
        for (Button needsRow : java.util.List.of(edit, duplicate, delete)) {
            needsRow.disableProperty().bind(selected.isNull());
        }
        add.setOnAction(e -> actions.create());
        edit.setOnAction(e -> actions.edit(selected.get().id()));
        duplicate.setOnAction(e -> actions.duplicate(selected.get().id()));
        delete.setOnAction(e -> actions.delete(selected.get().id()));
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<TriggerRow> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    actions.edit(row.getItem().id());
                }
            });
            return row;
        });
        return bar;
    }

    public TableView<TriggerRow> table() {
        return table;
    }
}
