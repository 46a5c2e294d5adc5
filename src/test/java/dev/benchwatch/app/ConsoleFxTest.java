package dev.benchwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.device.DeviceBench;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.metrics.TriggerStatus;
import dev.benchwatch.engine.trigger.TriggerState;
import dev.benchwatch.ui.ConsoleWindow;
import dev.benchwatch.ui.FxTestSettings;
import dev.benchwatch.ui.FxWait;
import dev.benchwatch.ui.WindowLayout;
import dev.benchwatch.ui.chart.LiveChart;
import dev.benchwatch.ui.devices.DeviceRow;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The whole console on the simulator bench, driven through its real controls. */
@ExtendWith(ApplicationExtension.class)
class ConsoleFxTest {
    static {
        FxTestSettings.apply();
    }

    private Engine engine;
    private DeviceBench bench;
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        engine = new Engine();
        engine.start();
        bench = new DeviceBench(engine);
        SimulatorBench.configure(engine, bench, false); // on the bench, not yet connected
        window = new ConsoleWindow(stage, engine, bench, WindowLayout.DEFAULT, null);
        window.show();
    }

    @org.junit.jupiter.api.BeforeEach
    void waitForTheWholeWindow() throws Exception {
        dev.benchwatch.ui.FxWait.wholeConsole(window);
    }

    @AfterEach
    void stop() throws Exception {
        FxWait.closeDialogs(window::close);
        bench.close();
        engine.close();
    }

    private void connect(FxRobot robot, String device) throws Exception {
        TableView<DeviceRow> devices = robot.lookup("#deviceTable").queryTableView();
        FxWait.until(() -> devices.getItems().stream().anyMatch(r -> r.name().equals(device)), device + " listed");
        int index = WaitForAsyncUtils.asyncFx(() -> devices.getItems().stream().map(DeviceRow::name).toList()
                .indexOf(device)).get();
        robot.interact(() -> devices.getSelectionModel().select(index));
        robot.clickOn("#connectDevice");
        FxWait.until(() -> devices.getItems().get(index).statusProperty().get().equals("CONNECTED"), device + " connected");
    }

    @Test
    void connectingTheSimulatorFillsAChartAndMovesTheGauges(FxRobot robot) throws Exception {
        LiveChart chart = robot.lookup("#chart1").queryAs(LiveChart.class);
        assertThat(engine.snapshotNow().metrics().accepted()).isZero();
        connect(robot, "oven");
        FxWait.until(() -> !chart.series().isEmpty() && chart.series().get(0).points().size() > 100, "points on chart 1");
        FxWait.until(() -> window.gauges().model().getReadingsPerSecond() > 50, "the readings/s gauge to move");
        assertThat(chart.paintedFrames()).isPositive();
    }

    @Test
    void pauseFreezesTheChartWhileTheEngineKeepsCounting(FxRobot robot) throws Exception {
        LiveChart chart = robot.lookup("#chart1").queryAs(LiveChart.class);
        connect(robot, "oven");
        FxWait.until(() -> !chart.series().isEmpty() && chart.series().get(0).points().size() > 100, "points on chart 1");
        robot.clickOn("#pauseCharts");
        FxWait.until(chart::isPaused, "the chart to pause");
        long frozenEnd = WaitForAsyncUtils.asyncFx(() -> chart.visibleEndProperty().get()).get();
        long acceptedAtPause = engine.snapshotNow().metrics().accepted();
        int pointsAtPause = WaitForAsyncUtils.asyncFx(() -> chart.series().get(0).points().size()).get();
        Thread.sleep(1000);
        assertThat(WaitForAsyncUtils.asyncFx(() -> chart.visibleEndProperty().get()).get()).isEqualTo(frozenEnd);
        assertThat(engine.snapshotNow().metrics().accepted()).isGreaterThan(acceptedAtPause + 100);
        assertThat(WaitForAsyncUtils.asyncFx(() -> chart.series().get(0).points().size()).get())
                .as("readings keep arriving in the paused chart's buffer").isGreaterThan(pointsAtPause);
        robot.clickOn("#pauseCharts");
        FxWait.until(() -> chart.visibleEndProperty().get() > frozenEnd, "the chart to follow live data again");
    }

    @Test
    void acknowledgingTheFiringAlarmChangesItsState(FxRobot robot) throws Exception {
        connect(robot, "oven");
        // the simulated oven swings above the overheating threshold within seconds
        FxWait.until(() -> robot.lookup("#alarmBanner").query().isVisible(), "the critical alarm banner");
        TriggerStatus before = engine.snapshotNow().trigger("oven_overheat");
        assertThat(before.state()).isEqualTo(TriggerState.FIRING);
        assertThat(before.acknowledged()).isFalse();
        robot.clickOn("#bannerAckAllButton");
        FxWait.until(() -> !robot.lookup("#alarmBanner").query().isVisible(), "the banner to go");
        assertThat(engine.snapshotNow().trigger("oven_overheat").acknowledged()).isTrue();
        // the trigger list shows the same live state
        robot.clickOn("Triggers");
        TableView<dev.benchwatch.ui.triggers.TriggerRow> triggers = robot.lookup("#triggerTable").queryTableView();
        FxWait.until(() -> triggers.getItems().stream().anyMatch(r -> r.id().equals("oven_overheat")
                && r.stateProperty().get().endsWith(", acknowledged")), "the trigger list's live state");
        assertThat(triggers.getItems()).extracting(dev.benchwatch.ui.triggers.TriggerRow::id)
                .containsExactlyInAnyOrder("oven_overheat", "power_surge", "vibration_burst");
    }

    @Test
    void aMalformedDeviceConfigurationIsAnInlineError(FxRobot robot) throws Exception {
        robot.clickOn("#addDevice").clickOn("#addSimulator");
        FxWait.until(() -> robot.lookup("#simRate").tryQuery().isPresent(), "the simulator dialog");
        TextField rate = robot.lookup("#simRate").queryAs(TextField.class);
        robot.interact(() -> rate.setText("fast"));
        robot.clickOn("#deviceFormAdd");
        Label error = robot.lookup("#deviceFormError").queryAs(Label.class);
        FxWait.until(error::isVisible, "the inline error");
        assertThat(error.getText()).isEqualTo("Rate: 'fast' is not a number");
        robot.interact(() -> rate.setText("0"));
        robot.clickOn("#deviceFormAdd");
        FxWait.until(() -> error.getText().contains("rate must be within"), "the out-of-range rate message");
        assertThat(bench.devices()).hasSize(3); // nothing was added
        robot.interact(() -> rate.setText("50"));
        robot.clickOn("#deviceFormAdd");
        FxWait.until(() -> bench.devices().size() == 4, "the simulator added once its settings are right");
        assertThat(bench.devices().get(3).started()).isTrue();
    }

    @Test
    void keyboardShortcutsPauseAndSwitchTheTheme(FxRobot robot) throws Exception {
        LiveChart chart = robot.lookup("#chart1").queryAs(LiveChart.class);
        robot.clickOn("#channelTable"); // focus inside the window
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.P)
                .release(javafx.scene.input.KeyCode.P, javafx.scene.input.KeyCode.CONTROL);
        FxWait.until(chart::isPaused, "Ctrl+P to pause the charts");
        assertThat(window.themeProperty().get()).isEqualTo(dev.benchwatch.ui.Theme.DARK);
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.T)
                .release(javafx.scene.input.KeyCode.T, javafx.scene.input.KeyCode.CONTROL);
        FxWait.until(() -> window.themeProperty().get() == dev.benchwatch.ui.Theme.LIGHT, "Ctrl+T to switch to the light theme");
        assertThat(window.scene().getStylesheets()).singleElement().asString().endsWith("light.css");
    }

    @Test
    void aChartsYAxisCanBeFixedToATypedRange(FxRobot robot) throws Exception {
        LiveChart chart = robot.lookup("#chart1").queryAs(LiveChart.class);
        assertThat(chart.isAutoscale()).isTrue();
        robot.rightClickOn("#chart1");
        robot.clickOn("Fixed y range…");
        FxWait.until(() -> robot.lookup("#yRangeField").tryQuery().isPresent(), "the range dialog");
        TextField range = robot.lookup("#yRangeField").queryAs(TextField.class);
        robot.interact(() -> range.setText("160, 190"));
        robot.clickOn("#yRangeField").type(javafx.scene.input.KeyCode.ENTER); // the dialog's default button: OK
        FxWait.until(() -> !chart.isAutoscale() && chart.getYMin() == 160 && chart.getYMax() == 190, "the fixed range");
    }
}
