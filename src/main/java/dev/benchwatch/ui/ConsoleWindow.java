package dev.benchwatch.ui;

import dev.benchwatch.device.DeviceBench;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.ui.alarms.AlarmBanner;
import dev.benchwatch.ui.alarms.EventLogPanel;
import dev.benchwatch.ui.alarms.EventLogViewModel;
import dev.benchwatch.ui.channels.ChannelRow;
import dev.benchwatch.ui.channels.ChannelsPanel;
import dev.benchwatch.ui.channels.ChannelsViewModel;
import dev.benchwatch.ui.charts.ChartsPanel;
import dev.benchwatch.ui.devices.DevicesPanel;
import dev.benchwatch.ui.devices.DevicesViewModel;
import dev.benchwatch.ui.gauges.GaugesPanel;
import dev.benchwatch.ui.gauges.GaugesViewModel;
import dev.benchwatch.ui.workspace.WorkspaceDocument;
import dev.benchwatch.ui.workspace.WorkspaceFileActions;
import dev.benchwatch.workspace.file.Layout;
import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The main window: gauges and the alarm banner on top; devices and channels on the left; charts and the
 * event log in the middle. Every panel binds to a view-model; one {@link ConsolePulse} refreshes them all
 * from the engine's snapshot once per frame. JavaFX thread only.
 */
public final class ConsoleWindow {
    public static final int CHARTS = 2;
    /** More charts than this get too short to read in a 1000-pixel-high window. */
    public static final int MAX_CHARTS = 4;

    private final Stage stage;
    private final Scene scene;
    private final ConsolePulse pulse;
    private final ChartsPanel charts;
    private final DeferredPanels deferred;
    private final DeferredPanel<GaugesPanel> gauges;
    private final DeferredPanel<DevicesPanel> devices;
    private final DeferredPanel<javafx.scene.control.TabPane> bottomTabs;
    private final EventLogViewModel events;
    private EventLogPanel log;
    private dev.benchwatch.ui.triggers.TriggersPanel triggers;
    private javafx.scene.control.Tab triggersTab;
    private final SplitPane left;
    private final SplitPane center;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
    private final Path layoutFile;
    private final boolean rememberedPosition;
    private final HBox recordingSlot = new HBox();
    private final DeviceBench bench;
    private MenuBar menus;
    private dev.benchwatch.ui.recording.RecordingMenu recordingMenu;
    private final WorkspaceFileActions fileActions;
    private final dev.benchwatch.ui.triggers.TriggerListActions triggerActions;
    private final ChannelsViewModel channelsModel;
    private final java.util.List<String> chartTitles;

    /** @param layoutFile where the window layout is remembered, or null to remember nothing */
    public ConsoleWindow(Stage stage, Engine engine, DeviceBench bench, WindowLayout layout, Path layoutFile) {
        this(stage, engine, bench, layout, layoutFile, java.util.List.of());
    }

    /**
     * @param chartLayout the channels of each chart (a workspace's layout); empty for the default: the first
     *               channels, on {@link #CHARTS} charts
     */
    public ConsoleWindow(Stage stage, Engine engine, DeviceBench bench, WindowLayout layout, Path layoutFile,
                         java.util.List<java.util.List<String>> chartLayout) {
        this(stage, engine, bench, layout, layoutFile, chartLayout, null);
    }

    /**
     * @param fileActions the open workspace's File commands, or null for a bench that is not a workspace
     *                    (the File menu then offers only Quit)
     */
    public ConsoleWindow(Stage stage, Engine engine, DeviceBench bench, WindowLayout layout, Path layoutFile,
                         java.util.List<java.util.List<String>> chartLayout, WorkspaceFileActions fileActions) {
        this.stage = stage;
        this.bench = bench;
        this.fileActions = fileActions;
        this.layoutFile = layoutFile;
        pulse = new ConsolePulse(engine);
        GaugesViewModel gaugesModel = new GaugesViewModel(engine.config().latencyBudgetNanos());
        java.util.Map<String, Integer> plan = new java.util.HashMap<>();
        int chartCount = Math.max(CHARTS, Math.min(MAX_CHARTS, chartLayout.size()));
        for (int i = 0; i < chartLayout.size(); i++) {
            for (String channel : chartLayout.get(i)) {
                plan.putIfAbsent(channel, Math.min(i, chartCount - 1) + 1);
            }
        }
        channelsModel = new ChannelsViewModel(plan);
        chartTitles = fileActions == null ? java.util.List.of()
                : fileActions.document().workspace().layout().charts().stream().map(Layout.Chart::title).toList();
        DevicesViewModel devicesModel = new DevicesViewModel(bench);
        events = new EventLogViewModel(engine);

        dev.benchwatch.ui.triggers.TriggersViewModel triggersModel = new dev.benchwatch.ui.triggers.TriggersViewModel();
        dev.benchwatch.ui.triggers.TriggerListActions triggerActions = fileActions == null ? null
                : new dev.benchwatch.ui.triggers.TriggerListActions(fileActions.document(), engine, () -> stage,
                        () -> theme.get() == null || theme.get().isDark());
        this.triggerActions = triggerActions;

        // the charts are in the first frame; the other panels follow, one per frame (DeferredPanels)
        this.charts = new ChartsPanel(engine, channelsModel.rows(), chartCount);
        AlarmBanner banner = new AlarmBanner(events);
        deferred = new DeferredPanels(pulse);
        gauges = deferred.add(new DeferredPanel<>("gaugesSlot", GaugesPanel.TILE_SIZE + 2 * GaugesPanel.GAP,
                () -> new GaugesPanel(gaugesModel), panel -> panel.setDark(theme.get() == null || theme.get().isDark())));
        devices = deferred.add(new DeferredPanel<>("devicesSlot", Region.USE_COMPUTED_SIZE,
                () -> new DevicesPanel(devicesModel)));
        DeferredPanel<ChannelsPanel> channels = deferred.add(new DeferredPanel<>("channelsSlot",
                Region.USE_COMPUTED_SIZE, () -> new ChannelsPanel(channelsModel, chartCount)));
        bottomTabs = deferred.add(new DeferredPanel<>("bottomTabsSlot", Region.USE_COMPUTED_SIZE,
                () -> bottomTabs(triggersModel, triggerActions)));

        FrameTurns turns = new FrameTurns(); // the gauges and the tables repaint in frames of their own
        gaugesModel.takeTurnsWith(turns);
        channelsModel.takeTurnsWith(turns);
        devicesModel.takeTurnsWith(turns);
        pulse.add(gaugesModel);
        pulse.add(channelsModel);
        pulse.add(devicesModel);
        pulse.add(events);
        pulse.add(charts);
        pulse.add(triggersModel);
        pulse.add(deferred);

        left = new SplitPane(devices, channels);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(layout.leftDivider());
        center = new SplitPane(this.charts, bottomTabs);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(layout.centerDivider());
        SplitPane body = new SplitPane(left, center);
        body.setDividerPositions(0.34);
        SplitPane.setResizableWithParent(left, false);

        BorderPane root = new BorderPane();
        root.setId("consoleRoot");
        menus = menuBar();
        root.setTop(new VBox(menus, appBar(), banner, gauges));
        root.setCenter(body);
        scene = new Scene(root, layout.width(), layout.height());
        theme.addListener((o, old, value) -> apply(value));
        theme.set(layout.theme());

        stage.setScene(scene);
        stage.titleProperty().unbind(); // a stage may be reused (tests): drop a previous console's binding
        if (fileActions == null) {
            stage.setTitle("Benchwatch");
        } else {
            WorkspaceDocument document = fileActions.document();
            stage.titleProperty().bind(document.titleProperty().concat(" — Benchwatch"));
            document.chartsFrom(this::chartsNow);
            channelsModel.rows().addListener((javafx.collections.ListChangeListener<ChannelRow>) change -> {
                while (change.next()) {
                    for (ChannelRow row : change.getAddedSubList()) {
                        row.onChartProperty().addListener((o, old, value) -> document.markChanged());
                        row.chartProperty().addListener((o, old, value) -> document.markChanged());
                    }
                }
            });
            stage.setOnCloseRequest(e -> {
                if (!fileActions.confirmDiscard("closing Benchwatch")) {
                    e.consume();
                }
            });
        }
        rememberedPosition = !Double.isNaN(layout.x());
        if (rememberedPosition) {
            stage.setX(layout.x());
            stage.setY(layout.y());
        }
        stage.setMaximized(layout.maximized());
    }

    private javafx.scene.control.TabPane bottomTabs(dev.benchwatch.ui.triggers.TriggersViewModel triggersModel,
                                                    dev.benchwatch.ui.triggers.TriggerListActions triggerActions) {
        log = new EventLogPanel(events);
        triggers = new dev.benchwatch.ui.triggers.TriggersPanel(triggersModel, triggerActions);
        javafx.scene.control.Tab eventsTab = new javafx.scene.control.Tab("Alarms and events", log);
        triggersTab = new javafx.scene.control.Tab("Triggers", triggers);
        triggersTab.setId("triggersTab");
        javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(eventsTab, triggersTab);
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private MenuBar menuBar() {
        MenuItem pause = new MenuItem("Pause / resume charts");
        pause.setAccelerator(KeyCombination.keyCombination("Shortcut+P"));
        pause.setOnAction(e -> charts.pausedProperty().set(!charts.pausedProperty().get()));
        MenuItem resetZoom = new MenuItem("Reset zoom");
        resetZoom.setAccelerator(KeyCombination.keyCombination("Shortcut+0"));
        resetZoom.setOnAction(e -> charts.resetZoom());
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setId("darkTheme");
        dark.setAccelerator(KeyCombination.keyCombination("Shortcut+T"));
        dark.setOnAction(e -> theme.set(dark.isSelected() ? Theme.DARK : Theme.LIGHT));
        theme.addListener((o, old, value) -> dark.setSelected(value.isDark()));
        Menu view = new Menu("View", null, pause, resetZoom, dark);

        MenuItem connect = new MenuItem("Connect selected device");
        connect.setAccelerator(KeyCombination.keyCombination("Shortcut+K"));
        connect.setOnAction(e -> selectedDevice(true));
        MenuItem disconnect = new MenuItem("Disconnect selected device");
        disconnect.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+K"));
        disconnect.setOnAction(e -> selectedDevice(false));
        Menu device = new Menu("Devices", null, connect, disconnect);

        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> {
            if (fileActions == null || fileActions.confirmDiscard("quitting")) {
                stage.close();
            }
        });
        Menu file = new Menu("File");
        if (fileActions != null) {
            file.getItems().addAll(fileActions.menuItems());
            file.getItems().add(new javafx.scene.control.SeparatorMenuItem());
        }
        file.getItems().add(quit);
        return new MenuBar(file, view, device);
    }

    /** The charts as the channels panel has them now, titled as the workspace titled them. */
    private java.util.List<Layout.Chart> chartsNow() {
        java.util.List<Layout.Chart> result = new java.util.ArrayList<>();
        for (int chart = 1; chart <= charts.chartCount(); chart++) {
            java.util.List<String> names = new java.util.ArrayList<>();
            for (ChannelRow row : channelsModel.rows()) {
                if (row.onChartProperty().get() && row.chartProperty().get() == chart) {
                    names.add(row.name());
                }
            }
            String title = chart <= chartTitles.size() ? chartTitles.get(chart - 1) : "";
            if (!names.isEmpty() || !title.isEmpty()) {
                result.add(new Layout.Chart(title, names));
            }
        }
        return result;
    }

    /** What the trigger list's buttons do, or null when the bench is not a workspace. */
    public dev.benchwatch.ui.triggers.TriggerListActions triggerActions() {
        return triggerActions;
    }

    /** The open workspace's File commands, or null when the bench is not a workspace. */
    public WorkspaceFileActions fileActions() {
        return fileActions;
    }

    public Stage stage() {
        return stage;
    }

    private HBox appBar() {
        Label title = new Label("Benchwatch");
        title.getStyleClass().add("app-title");
        Label shortcuts = new Label("Ctrl+P pause · Ctrl+0 reset zoom · Ctrl+K connect · Ctrl+T theme");
        shortcuts.getStyleClass().add("hint");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(16, title, recordingSlot, spacer, shortcuts);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.getStyleClass().add("app-bar");
        return bar;
    }

    /** Shows the session recording's controls and status in the top bar, refreshed by the frame pulse. */
    public void showRecording(dev.benchwatch.ui.recording.RecordingViewModel model) {
        pulse.add(model);
        recordingSlot.getChildren().setAll(new dev.benchwatch.ui.recording.RecordingBar(model));
        recordingMenu = new dev.benchwatch.ui.recording.RecordingMenu(stage, model, bench, this::workspaceTriggers,
                () -> theme.get() == null || theme.get().isDark());
        menus.getMenus().add(recordingMenu.menu());
    }

    /** The Recording menu's commands (export, replay, backtest), or null before {@link #showRecording}. */
    public dev.benchwatch.ui.recording.RecordingMenu recordingMenu() {
        return recordingMenu;
    }

    /** The open workspace's triggers as the editor holds them (those the form cannot hold are left out). */
    private java.util.List<dev.benchwatch.workspace.trigger.TriggerModel> workspaceTriggers() {
        if (fileActions == null) {
            return java.util.List.of();
        }
        return fileActions.document().triggers();
    }

    private void selectedDevice(boolean connect) {
        DevicesPanel devices = this.devices.panel();
        var row = devices.table().getSelectionModel().getSelectedItem();
        if (row == null && !devices.table().getItems().isEmpty()) {
            row = devices.table().getItems().get(0);
        }
        if (row != null) {
            devices.table().getSelectionModel().select(row);
            var model = devices.model();
            if (connect) {
                model.connect(row.name());
            } else {
                model.disconnect(row.name());
            }
        }
    }

    private void apply(Theme value) {
        scene.getStylesheets().setAll(value.stylesheet());
        charts.setTheme(value.chart());
        if (gauges.built()) {
            gauges.panel().setDark(value.isDark());
        }
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public Scene scene() {
        return scene;
    }

    public ConsolePulse pulse() {
        return pulse;
    }

    /** The devices panel (built now if it has not been yet). */
    public DevicesPanel devices() {
        return devices.panel();
    }

    /** The alarms and event log panel (built now if it has not been yet). */
    public javafx.scene.Node eventLog() {
        bottomTabs.panel();
        return log;
    }

    /** Brings the trigger list to the front and returns it (built now if it has not been yet). */
    public javafx.scene.Node showTriggers() {
        bottomTabs.panel().getSelectionModel().select(triggersTab);
        return triggers;
    }

    /** The gauges panel (built now if it has not been yet). */
    public GaugesPanel gauges() {
        return gauges.panel();
    }

    /** Builds now every panel still waiting for its frame (screenshots, tests). */
    public void buildAllPanels() {
        deferred.buildAll();
    }

    /**
     * False from {@link #show()} until every panel is built: the window shows its charts on its first frames
     * and adds the gauges, device and channel tables and the alarm and trigger tabs over the next few.
     */
    public javafx.beans.property.ReadOnlyBooleanProperty completeProperty() {
        return deferred.completeProperty();
    }

    public ChartsPanel charts() {
        return charts;
    }

    /** Shows the window and starts the frame pulse. */
    public void show() {
        pulse.start();
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> close());
        if (!stage.isMaximized()) {
            // a stage that was shown before (another workspace's console, a test's) keeps its old size otherwise
            stage.sizeToScene();
            if (!rememberedPosition) {
                stage.centerOnScreen();
            }
        }
        stage.show();
    }

    /** Stops the pulse, stops listening to the engine, and remembers the layout. */
    public void close() {
        pulse.stop();
        stage.titleProperty().unbind();
        events.close();
        if (layoutFile != null) {
            try {
                new WindowLayout(stage.getX(), stage.getY(), scene.getWidth(), scene.getHeight(), stage.isMaximized(),
                        theme.get(), left.getDividerPositions()[0], center.getDividerPositions()[0]).save(layoutFile);
            } catch (java.io.IOException e) {
                System.getLogger(ConsoleWindow.class.getName()).log(System.Logger.Level.WARNING,
                        "could not remember the window layout in " + layoutFile + ": " + e.getMessage());
            }
        }
    }
}
