package dev.benchwatch.ui.alarms;

import dev.benchwatch.engine.event.EventType;
import dev.benchwatch.engine.trigger.Severity;
import dev.benchwatch.engine.trigger.TriggerState;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The alarm and event log: the active alarms (with an Acknowledge button, enabled only for a selected alarm
 * that is firing or cleared and not yet acknowledged) above the event table (time, severity, type, device,
 * message; newest first by default, sortable by any column) and its filters (minimum severity, type, device,
 * clear). Binds to {@link EventLogViewModel} only.
 *
 * <p>Ids for tests and stylesheets: {@code #eventLogPanel}, {@code #activeAlarms}, {@code #ackButton},
 * {@code #unackBadge}, {@code #severityFilter}, {@code #typeFilter}, {@code #deviceFilter},
 * {@code #clearFiltersButton}, {@code #eventCount}, {@code #alarmTable}. Style classes: {@code event-log-panel},
 * {@code alarm-section-title}, {@code alarm-badge}, {@code event-log-filters}, {@code event-log-status}, and
 * {@code severity-info|warning|critical} on severity cells.
 */
public final class EventLogPanel extends StackPane { // one child, laid out to fill it
    private final EventLogViewModel model;
    private final SplitPane content;
    private final TableView<ActiveAlarm> alarms = new TableView<>();
    private final TableView<EventLogRow> table = new TableView<>();
    private final Button ackButton = new Button("Acknowledge");

    private boolean alarmsChanging;
    private String chosenAlarmId;

    public EventLogPanel(EventLogViewModel model) {
        this.model = model;
        setId("eventLogPanel");
        getStyleClass().add("event-log-panel");
        content = new SplitPane(alarmSection(), logSection());
        content.setOrientation(Orientation.VERTICAL);
        content.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(content.getItems().get(0), false);
        setAlignment(Pos.TOP_LEFT);
        getChildren().add(content);
    }

    // ------------------------------------------------------------------ active alarms

    private VBox alarmSection() {
        Label title = new Label("Active alarms");
        title.getStyleClass().add("alarm-section-title");
        Label badge = new Label();
        badge.setId("unackBadge");
        badge.getStyleClass().add("alarm-badge");
        badge.textProperty().bind(Bindings.createStringBinding(
                () -> model.unacknowledgedCountProperty().get() + " unacknowledged", model.unacknowledgedCountProperty()));
        badge.visibleProperty().bind(model.unacknowledgedCountProperty().greaterThan(0));
        badge.setTextFill(Color.WHITE);
        badge.setPadding(new Insets(1, 7, 1, 7));
        badge.setBackground(new Background(new BackgroundFill(AlarmBanner.BACKGROUND, new CornerRadii(9), null)));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        ackButton.setId("ackButton");
        ackButton.setMinWidth(Region.USE_PREF_SIZE);
        ackButton.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            ActiveAlarm selected = alarms.getSelectionModel().getSelectedItem();
            return selected == null || !selected.needsAcknowledgement();
        }, alarms.getSelectionModel().selectedItemProperty()));
        ackButton.setOnAction(e -> {
            ActiveAlarm selected = alarms.getSelectionModel().getSelectedItem();
            if (selected != null) {
                model.acknowledge(selected.id());
            }
        });
        ackButton.setTooltip(new Tooltip("Acknowledge the selected alarm"));

        HBox header = new HBox(8, title, badge, spacer, ackButton);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(6, 8, 4, 8));

        alarms.setId("activeAlarms");
        alarms.getStyleClass().add("active-alarms");
        alarms.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        alarms.setPlaceholder(new Label("No active alarms"));
        alarms.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        alarms.getColumns().add(severityColumn(ActiveAlarm::severity, 110));
        alarms.getColumns().add(textColumn("Alarm", a -> a.name() + (a.shadow() ? "  (shadow)" : ""), 220));
        alarms.getColumns().add(textColumn("State", a -> a.state().name(), 90));
        alarms.getColumns().add(textColumn("Acknowledgement", EventLogPanel::acknowledgement, 140));
        alarms.getColumns().add(textColumn("Value", a -> formatValue(a.value()), 110));
        alarms.getColumns().add(textColumn("Firings", a -> Long.toString(a.firings()), 80));

        // Keep the person's choice selected while the list is refreshed from snapshots: listener A runs before
        // the table's own, B after it (listeners run in the order they were added).
        ObservableList<ActiveAlarm> items = model.activeAlarms();
        items.addListener((ListChangeListener<ActiveAlarm>) c -> alarmsChanging = true);
        alarms.setItems(items);
        items.addListener((ListChangeListener<ActiveAlarm>) c -> {
            alarmsChanging = false;
            reselectChosenAlarm();
        });
        alarms.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!alarmsChanging) {
                chosenAlarmId = now == null ? null : now.id();
            }
        });

        VBox box = new VBox(header, alarms);
        VBox.setVgrow(alarms, Priority.ALWAYS);
        box.setMinHeight(90);
        return box;
    }

    private void reselectChosenAlarm() {
        if (chosenAlarmId == null) {
            return;
        }
        ActiveAlarm selected = alarms.getSelectionModel().getSelectedItem();
        if (selected != null && selected.id().equals(chosenAlarmId)) {
            return;
        }
        ObservableList<ActiveAlarm> items = alarms.getItems();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id().equals(chosenAlarmId)) {
                alarms.getSelectionModel().clearAndSelect(i);
                return;
            }
        }
    }

    /** 91.3, 183.9, 0, 1.2346E+07: up to four decimals, no trailing zeros. */
    static String formatValue(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (value != 0 && (Math.abs(value) >= 1e7 || Math.abs(value) < 1e-4)) {
            return String.format(Locale.ROOT, "%.4E", value);
        }
        return new DecimalFormat("0.####", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    private static String acknowledgement(ActiveAlarm a) {
        if (a.state() == TriggerState.PENDING) {
            return "\u2014";
        }
        return a.acknowledged() ? "Acknowledged" : "Unacknowledged";
    }

    // ------------------------------------------------------------------ event log

    private VBox logSection() {
        ComboBox<FilterChoice<Severity>> severity = filter("severityFilter", model.severityChoices(), 150);
        severity.valueProperty().bindBidirectional(model.severityFilterProperty());
        ComboBox<FilterChoice<EventType>> type = filter("typeFilter", model.typeChoices(), 170);
        type.valueProperty().bindBidirectional(model.typeFilterProperty());
        ComboBox<FilterChoice<String>> device = filter("deviceFilter", model.deviceChoices(), 150);
        device.valueProperty().bindBidirectional(model.deviceFilterProperty());
        Button clear = new Button("Clear filters");
        clear.setId("clearFiltersButton");
        clear.setMinWidth(Region.USE_PREF_SIZE);
        clear.setOnAction(e -> model.clearFilters());

        Label count = new Label();
        count.setId("eventCount");
        count.getStyleClass().add("event-log-status");
        count.setMinWidth(Region.USE_PREF_SIZE);
        count.textProperty().bind(Bindings.createStringBinding(() -> {
            String text = model.filteredRows().size() + " of " + model.rows().size() + " events";
            long dropped = model.droppedEventsProperty().get();
            return dropped > 0 ? text + " \u00b7 " + dropped + " dropped" : text;
        }, model.filteredRows(), model.rows(), model.droppedEventsProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        HBox filters = new HBox(8, label("Events", "alarm-section-title"), spacer, label("Severity", null), severity,
                label("Type", null), type, label("Device", null), device, clear, count);
        filters.getStyleClass().add("event-log-filters");
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.setPadding(new Insets(6, 8, 4, 8));

        table.setId("alarmTable");
        table.getStyleClass().add("event-log-table");
        table.setPlaceholder(new Label("No events"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableColumn<EventLogRow, EventLogRow> time = new TableColumn<>("Time");
        time.setId("timeColumn");
        time.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        time.setComparator(Comparator.comparing(EventLogRow::time).thenComparingLong(EventLogRow::id));
        time.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(EventLogRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.timeText());
            }
        });
        time.setPrefWidth(190);
        time.setMinWidth(170);
        time.setSortType(TableColumn.SortType.DESCENDING);
        table.getColumns().add(time);
        table.getColumns().add(severityColumn(EventLogRow::severity, 110));
        table.getColumns().add(textColumn("Type", r -> EventLogRow.label(r.type()), 150));
        table.getColumns().add(textColumn("Device", r -> EventLogRow.deviceLabel(r.device()), 120));
        TableColumn<EventLogRow, String> message = textColumn("Message", EventLogRow::message, 420);
        message.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                EventLogRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(row == null ? null : new Tooltip(tooltip(row)));
            }
        });
        table.getColumns().add(message);

        SortedList<EventLogRow> sorted = new SortedList<>(model.filteredRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSortOrder().add(time);

        VBox box = new VBox(filters, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    private static String tooltip(EventLogRow row) {
        StringBuilder b = new StringBuilder(row.message());
        if (!row.triggerId().isEmpty()) {
            b.append("\ntrigger: ").append(row.triggerId());
        }
        if (!row.correlation().isEmpty()) {
            b.append("\ncorrelation: ").append(row.correlation());
        }
        return b.append("\npriority: ").append(row.priority()).append("\nevent #").append(row.id()).toString();
    }

    private static Label label(String text, String styleClass) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        if (styleClass != null) {
            label.getStyleClass().add(styleClass);
        }
        return label;
    }

    private static <T> ComboBox<FilterChoice<T>> filter(String id, ObservableList<FilterChoice<T>> choices,
                                                        double width) {
        ComboBox<FilterChoice<T>> box = new ComboBox<>(choices);
        box.setId(id);
        box.setPrefWidth(width);
        box.setMinWidth(Math.min(width, 100)); // a narrow window squeezes the filters before clipping them
        box.setVisibleRowCount(12);
        return box;
    }

    private static <S> TableColumn<S, Severity> severityColumn(Function<S, Severity> severity, double width) {
        TableColumn<S, Severity> column = new TableColumn<>("Severity");
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(severity.apply(c.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Severity value, boolean empty) {
                super.updateItem(value, empty);
                getStyleClass().removeAll(SeverityPalette.STYLE_CLASSES);
                if (empty || value == null) {
                    setText(null);
                    setGraphic(null);
                } else {
                    setText(EventLogRow.label(value));
                    setGraphic(SeverityPalette.dot(value));
                    setGraphicTextGap(6);
                    getStyleClass().add(SeverityPalette.styleClass(value));
                }
            }
        });
        column.setPrefWidth(width);
        column.setMinWidth(width - 20);
        return column;
    }

    private static <S> TableColumn<S, String> textColumn(String title, Function<S, String> text, double width) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 70));
        return column;
    }


    /** The event table (for the window's keyboard shortcuts and tests). */
    public TableView<EventLogRow> table() {
        return table;
    }

    /** The active-alarms table. */
    public TableView<ActiveAlarm> activeAlarmsTable() {
        return alarms;
    }
}
