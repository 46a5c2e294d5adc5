package dev.benchwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.device.DeviceAdapter;
import dev.benchwatch.device.DeviceBench;
import dev.benchwatch.device.sim.SimulatedChannel;
import dev.benchwatch.device.sim.SimulatorDevice;
import dev.benchwatch.device.sim.Waveform;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.ui.ConsoleWindow;
import dev.benchwatch.ui.FxTestSettings;
import dev.benchwatch.ui.FxWait;
import dev.benchwatch.ui.WindowLayout;
import dev.benchwatch.ui.devices.DeviceRow;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A device added through the console's dialog gets new settings through Settings…: the same form, as it was
 * filled in; a bad value is an inline error and changes nothing; a good one puts a device with the new
 * settings in its place. A device the console did not add (a workspace file's) has no Settings….
 */
@ExtendWith(ApplicationExtension.class)
class DeviceSettingsFxTest {
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
        DeviceAdapter fromFile = new SimulatorDevice("bench", 10,
                List.of(new SimulatedChannel("level", "", List.of(new Waveform.Noise(1, 0.1)))), 1);
        bench.add("simulator", () -> fromFile);
        window = new ConsoleWindow(stage, engine, bench, WindowLayout.DEFAULT, null);
        window.show();
    }

    @BeforeEach
    void waitForTheWholeWindow() throws Exception {
        FxWait.wholeConsole(window);
    }

    @AfterEach
    void stop() throws Exception {
        FxWait.closeDialogs(window::close);
        bench.close();
        engine.close();
    }

    @Test
    void aDeviceAddedHereGetsNewSettingsInItsPlace(FxRobot robot) throws Exception {
        robot.clickOn("#addDevice").clickOn("#addSimulator");
        FxWait.until(() -> robot.lookup("#simRate").tryQuery().isPresent(), "the simulator dialog");
        robot.interact(() -> robot.lookup("#simRate").queryAs(TextField.class).setText("20"));
        robot.clickOn("#deviceFormAdd");
        FxWait.until(() -> bench.find("sim1").map(DeviceBench.Attached::started).orElse(false), "sim1 added and started");
        DeviceAdapter first = bench.find("sim1").orElseThrow().adapter();

        TableView<DeviceRow> devices = robot.lookup("#deviceTable").queryTableView();
        Button settings = robot.lookup("#deviceSettings").queryButton();
        FxWait.until(() -> devices.getItems().size() == 2, "both devices listed");
        robot.interact(() -> devices.getSelectionModel().select(row(devices, "bench")));
        assertThat(settings.isDisabled()).as("not added here: its settings are in its file").isTrue();
        robot.interact(() -> devices.getSelectionModel().select(row(devices, "sim1")));
        assertThat(settings.isDisabled()).isFalse();

        robot.clickOn("#deviceSettings");
        FxWait.until(() -> robot.lookup("#deviceFormApply").tryQuery().isPresent(), "the settings dialog");
        TextField rate = robot.lookup("#simRate").queryAs(TextField.class);
        assertThat(rate.getText()).as("the form as it was filled in").isEqualTo("20");
        robot.interact(() -> rate.setText("many"));
        robot.clickOn("#deviceFormApply");
        Label error = robot.lookup("#deviceFormError").queryAs(Label.class);
        FxWait.until(error::isVisible, "the inline error");
        assertThat(error.getText()).isEqualTo("Rate: 'many' is not a number");
        assertThat(bench.find("sim1").orElseThrow().adapter()).as("nothing changed").isSameAs(first);

        // a new name for the same channels: the engine keeps each channel with its device, so this fails and
        // the old device is put back, connected
        TextField name = robot.lookup("#simName").queryAs(TextField.class);
        robot.interact(() -> {
            rate.setText("400");
            name.setText("fast");
        });
        robot.clickOn("#deviceFormApply");
        FxWait.until(() -> error.getText().contains("already registered"), "the channel's device named in the error");
        assertThat(error.getText()).startsWith("could not apply the settings: channel 'signal'");
        assertThat(bench.find("fast")).isEmpty();
        assertThat(bench.find("sim1").map(DeviceBench.Attached::started)).as("the old device back, connected")
                .contains(true);

        robot.interact(() -> name.setText("sim1"));
        robot.clickOn("#deviceFormApply");
        FxWait.until(() -> bench.find("sim1").map(d -> d.started() && d.adapter() != first).orElse(false),
                "a new sim1 with the new settings in the old one's place, started");
        assertThat(bench.devices()).hasSize(2);
        FxWait.until(() -> {
            DeviceRow sim = row(devices, "sim1");
            return sim != null && sim.rateProperty().get() > 200;
        }, "the new rate (400/s) in the devices table");

        // it keeps its settings form
        robot.interact(() -> devices.getSelectionModel().select(row(devices, "sim1")));
        assertThat(settings.isDisabled()).isFalse();
    }

    private static DeviceRow row(TableView<DeviceRow> devices, String name) {
        return devices.getItems().stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }
}
