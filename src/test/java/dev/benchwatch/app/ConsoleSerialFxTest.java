package dev.benchwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.device.DeviceBench;
import dev.benchwatch.device.serial.SocatPair;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.ui.ConsoleWindow;
import dev.benchwatch.ui.FxTestSettings;
import dev.benchwatch.ui.FxWait;
import dev.benchwatch.ui.WindowLayout;
import dev.benchwatch.ui.devices.DeviceRow;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A serial board added through the console's dialog over a real socat pty pair: readings in, commands out. */
@ExtendWith(ApplicationExtension.class)
class ConsoleSerialFxTest {
    static {
        FxTestSettings.apply();
    }

    @TempDir
    Path dir;
    private Engine engine;
    private DeviceBench bench;
    private ConsoleWindow window;
    private SocatPair board;

    @Start
    void start(Stage stage) {
        engine = new Engine();
        engine.start();
        bench = new DeviceBench(engine);
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
        if (board != null) {
            board.close();
        }
    }

    @Test
    void aBoardAddedThroughTheDialogReadsAndTakesCommandsFromTheSendBox(FxRobot robot) throws Exception {
        Path device = dir.resolve("ttyBOARD");
        board = new SocatPair(dir.resolve("board"));
        board.start(device);

        robot.clickOn("#addDevice").clickOn("#addSerial");
        FxWait.until(() -> robot.lookup("#serialPort").tryQuery().isPresent(), "the serial dialog");
        ComboBox<?> port = robot.lookup("#serialPort").queryAs(ComboBox.class);
        TextField name = robot.lookup("#serialName").queryAs(TextField.class);
        robot.interact(() -> {
            name.setText("rig");
            port.getEditor().setText(device.toString());
        });
        ComboBox<?> baud = robot.lookup("#serialBaud").queryAs(ComboBox.class);
        robot.interact(() -> baud.getEditor().setText("nine thousand"));
        robot.clickOn("#deviceFormAdd");
        FxWait.until(() -> robot.lookup("#deviceFormError").queryLabeled().getText().contains("Baud rate: 'nine thousand'"),
                "the inline baud rate error");
        robot.interact(() -> baud.getEditor().setText("9600"));
        robot.clickOn("#deviceFormAdd");
        FxWait.until(() -> bench.find("rig").map(d -> d.adapter().isConnected()).orElse(false), "the board connected");

        board.send("temp:21.5 hum:40\n");
        FxWait.until(() -> engine.snapshotNow().channels().stream().anyMatch(c -> c.name().equals("rig.temp")
                && c.latest() == 21.5), "the board's reading in the engine");

        TableView<DeviceRow> devices = robot.lookup("#deviceTable").queryTableView();
        FxWait.until(() -> !devices.getItems().isEmpty(), "the board listed in the devices table"); // refreshed 4 times a second
        robot.interact(() -> devices.getSelectionModel().select(0));
        FxWait.until(() -> !robot.lookup("#sendButton").query().isDisabled(), "the send box enabled for a serial device");
        CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(board.board())) {
                byte[] buffer = new byte[64];
                StringBuilder text = new StringBuilder();
                while (!text.toString().endsWith("\r\n")) {
                    int n = in.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    text.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
                }
                return text.toString();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        TextField text = robot.lookup("#sendText").queryAs(TextField.class);
        @SuppressWarnings("unchecked")
        ComboBox<Object> ending = robot.lookup("#sendEnding").queryAs(ComboBox.class);
        robot.interact(() -> {
            text.setText("SET RATE 10");
            ending.setValue(ending.getItems().stream().filter(e -> e.toString().equals("CR LF")).findFirst().orElseThrow());
        });
        robot.clickOn("#sendButton");
        assertThat(received.get(10, TimeUnit.SECONDS)).isEqualTo("SET RATE 10\r\n");
        FxWait.until(() -> text.getText().isEmpty(), "the send box cleared after sending");
    }
}
