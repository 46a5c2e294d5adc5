package dev.benchwatch.ui.devices;

import dev.benchwatch.ui.LiveNumberCell;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The devices panel: each device with its status, readings/s and errors; add (simulator, serial, MQTT,
 * replay), connect, disconnect, remove; and a send box for the selected device.
 */
public final class DevicesPanel extends VBox {
    private final DevicesViewModel model;

    public DevicesViewModel model() {
        return model;
    }
    private final TableView<DeviceRow> table = new TableView<>();
    /** The form each device added here was made with, by device name: its settings, to change them later. */
    private final javafx.collections.ObservableMap<String, DeviceForm> forms =
            javafx.collections.FXCollections.observableHashMap();
    private int simulators;

    public DevicesPanel(DevicesViewModel model) {
        super(6);
        this.model = model;
        getStyleClass().add("panel");
        Label title = new Label("Devices");
        title.getStyleClass().add("panel-title");

        MenuButton add = new MenuButton("Add");
        add.setId("addDevice");
        MenuItem simulator = new MenuItem("Simulator…");
        simulator.setId("addSimulator");
        simulator.setOnAction(e -> open(new SimulatorForm("sim" + (++simulators))));
        MenuItem serial = new MenuItem("Serial / USB…");
        serial.setId("addSerial");
        serial.setOnAction(e -> open(new SerialForm(SerialForm.listPorts())));
        MenuItem mqtt = new MenuItem("MQTT broker…");
        mqtt.setId("addMqtt");
        mqtt.setOnAction(e -> open(new MqttForm()));
        MenuItem replay = new MenuItem("Replay recording…");
        replay.setId("addReplay");
        replay.setOnAction(e -> open(new ReplayForm()));
        add.getItems().addAll(simulator, serial, mqtt, replay);

        Button connect = new Button("Connect");
        connect.setId("connectDevice");
        connect.setOnAction(e -> selected(model::connect));
        Button disconnect = new Button("Disconnect");
        disconnect.setId("disconnectDevice");
        disconnect.setOnAction(e -> selected(model::disconnect));
        Button remove = new Button("Remove");
        remove.setId("removeDevice");
        remove.setOnAction(e -> selected(name -> {
            model.remove(name);
            forms.remove(name);
        }));
        // new settings for a device added here (a workspace file's devices change in the file)
        Button settings = new Button("Settings…");
        settings.setId("deviceSettings");
        settings.setOnAction(e -> selected(this::openSettings));
        for (Button b : new Button[] {connect, disconnect, remove}) {
            b.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        }
        settings.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            DeviceRow row = table.getSelectionModel().getSelectedItem();
            return row == null || !forms.containsKey(row.name());
        }, table.getSelectionModel().selectedItemProperty(), forms));
        HBox buttons = new HBox(6, add, connect, disconnect, remove, settings);

        table.setId("deviceTable");
        table.setItems(model.rows());
        table.setPlaceholder(new Label("No devices: Add one"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<DeviceRow, String> name = new TableColumn<>("Device");
        name.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().name()));
        TableColumn<DeviceRow, String> kind = new TableColumn<>("Kind");
        kind.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().kind()));
        TableColumn<DeviceRow, String> status = new TableColumn<>("Status");
        status.setCellValueFactory(c -> c.getValue().statusProperty());
        status.setCellFactory(c -> new StatusCell());
        TableColumn<DeviceRow, DeviceRow> rate = LiveNumberCell.column("Rate/s", DeviceRow::rateProperty, "%,.0f", "–");
        TableColumn<DeviceRow, DeviceRow> errors = LiveNumberCell.column("Errors", DeviceRow::errorsProperty, "%,.0f", "–");
        table.getColumns().addAll(java.util.List.of(name, kind, status, rate, errors));
        VBox.setVgrow(table, Priority.ALWAYS);

        Label message = new Label();
        message.setId("deviceMessage");
        message.getStyleClass().add("status-message");
        message.setWrapText(true);
        message.textProperty().bind(Bindings.createStringBinding(() -> {
            DeviceRow row = table.getSelectionModel().getSelectedItem();
            String last = model.lastMessageProperty().get();
            return row != null && !row.messageProperty().get().isEmpty() && last.isEmpty() ? row.messageProperty().get() : last;
        }, model.lastMessageProperty(), table.getSelectionModel().selectedItemProperty()));

        SendBox sendBox = new SendBox(model, () -> {
            DeviceRow row = table.getSelectionModel().getSelectedItem();
            return row == null ? null : row.name();
        });
        sendBox.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            DeviceRow row = table.getSelectionModel().getSelectedItem();
            return row == null || !model.canSend(row.name());
        }, table.getSelectionModel().selectedItemProperty()));
        getChildren().addAll(title, buttons, table, sendBox, message);
    }

    public TableView<DeviceRow> table() {
        return table;
    }

    private void selected(java.util.function.Consumer<String> command) {
        DeviceRow row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            command.accept(row.name());
        }
    }

    /** Opens the add dialog for simulator, serial, mqtt or replay (the menu's items; also for screenshots). */
    public javafx.scene.control.Dialog<?> openAddDialog(String kind) {
        return open(switch (kind) {
            case "simulator" -> new SimulatorForm("sim" + (++simulators));
            case "serial" -> new SerialForm(SerialForm.listPorts());
            case "mqtt" -> new MqttForm();
            case "replay" -> new ReplayForm();
            default -> throw new IllegalArgumentException("no device kind '" + kind + "'; expected simulator, serial, mqtt or replay");
        });
    }

    private DeviceDialog open(DeviceForm form) {
        return show(new DeviceDialog(getScene() == null ? null : getScene().getWindow(), form, DeviceDialog.ADD,
                adapter -> {
                    String name = model.addAndConnect(form.kind(), adapter);
                    if (name != null) {
                        forms.put(name, form);
                    }
                    return name != null;
                }, model.lastMessageProperty()));
    }

    /** The device's form again, as it was filled in; applying it puts a device with the new settings in its place. */
    private void openSettings(String name) {
        DeviceForm form = forms.get(name);
        if (form == null) {
            return;
        }
        show(new DeviceDialog(getScene() == null ? null : getScene().getWindow(), form, DeviceDialog.APPLY,
                adapter -> {
                    String now = model.replace(name, form.kind(), adapter);
                    if (now != null) {
                        forms.remove(name);
                        forms.put(now, form);
                    }
                    return now != null;
                }, model.lastMessageProperty()));
    }

    private DeviceDialog show(DeviceDialog dialog) {
        if (getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
        }
        dialog.show();
        return dialog;
    }

    /** A coloured dot and the state: green connected, amber connecting, red refused or failed, grey off. */
    private static final class StatusCell extends TableCell<DeviceRow, String> {
        @Override
        protected void updateItem(String state, boolean empty) {
            super.updateItem(state, empty);
            getStyleClass().removeAll("status-ok", "status-pending", "status-failed", "status-off");
            if (empty || state == null) {
                setText(null);
                return;
            }
            setText("● " + state.toLowerCase(java.util.Locale.ROOT));
            getStyleClass().add(switch (state) {
                case "CONNECTED" -> "status-ok";
                case "CONNECTING", "DISCONNECTED_RETRYING" -> "status-pending";
                case "DISCONNECTED" -> "status-off";
                default -> "status-failed";
            });
        }
    }
}
