package dev.benchwatch.ui.alarms;

import dev.benchwatch.ui.FxTestSettings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineConfig;
import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.event.EventType;
import dev.benchwatch.engine.ingest.IngestSource;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import dev.benchwatch.engine.trigger.ComparisonOp;
import dev.benchwatch.engine.trigger.Condition;
import dev.benchwatch.engine.trigger.Operand;
import dev.benchwatch.engine.trigger.Severity;
import dev.benchwatch.engine.trigger.TriggerSpec;
import dev.benchwatch.engine.trigger.TriggerState;
import dev.benchwatch.ui.ConsolePulse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The alarm log through the controls a person uses, on a running engine driven by a real {@link ConsolePulse}:
 * a CRITICAL trigger fires, the banner shows, the person selects the alarm and presses Acknowledge, the alarm
 * (in the view and in the engine) is acknowledged and the banner goes; the severity filter hides lower rows.
 */
@ExtendWith(ApplicationExtension.class)
class EventLogPanelFxTest {
    static {
        FxTestSettings.apply();
    }

    private Engine engine;
    private IngestSource oven;
    private IngestSource psu;
    private int ovenTemp;
    private int psuVolts;
    private ConsolePulse pulse;
    private EventLogViewModel model;

    @Start
    void start(Stage stage) {
        engine = new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO).build());
        ovenTemp = engine.registerChannel("oven_temp", "°C", "oven").id();
        psuVolts = engine.registerChannel("psu_volts", "V", "psu").id();
        oven = engine.registerSource("oven", OverloadPolicy.BLOCK);
        psu = engine.registerSource("psu", OverloadPolicy.BLOCK);
        engine.addTrigger(TriggerSpec.builder("oven_overheat",
                        Condition.compare(Operand.latest("oven_temp"), ComparisonOp.GT, 180))
                .name("Oven overheat").severity(Severity.CRITICAL).build());
        engine.addTrigger(TriggerSpec.builder("psu_low", Condition.compare(Operand.latest("psu_volts"), ComparisonOp.LT, 11))
                .name("PSU undervoltage").severity(Severity.WARNING).build());
        engine.start();

        model = new EventLogViewModel(engine, EventLogViewModel.DEFAULT_MAX_ROWS,
                EventLogViewModel.DEFAULT_QUEUE_CAPACITY, ZoneOffset.UTC);
        EventLogPanel panel = new EventLogPanel(model);
        AlarmBanner banner = new AlarmBanner(model);
        VBox root = new VBox(banner, panel);
        VBox.setVgrow(panel, javafx.scene.layout.Priority.ALWAYS);
        stage.setScene(new Scene(root, 1200, 700));
        stage.show();
        pulse = new ConsolePulse(engine);
        pulse.add(model);
        pulse.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> pulse.stop()).get(5, TimeUnit.SECONDS);
        engine.close();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(condition));
    }

    @SuppressWarnings("unchecked")
    private static TableView<EventLogRow> table(FxRobot robot) {
        return (TableView<EventLogRow>) robot.lookup("#alarmTable").queryAs(TableView.class);
    }

    private static Node cellWithText(FxRobot robot, String tableId, String text) {
        return robot.lookup(tableId).lookup((Node n) -> n instanceof TableCell<?, ?> c && text.equals(c.getText()))
                .query();
    }

    @Test
    void acknowledgingTheFiringAlarmAcknowledgesItInTheEngineAndHidesTheBanner(FxRobot robot) throws Exception {
        long now = System.currentTimeMillis() * 1_000_000L;
        engine.publishEvent(new Event(0, EventType.DEVICE_STATUS, "oven", now, "oven connected", 3, "", Map.of()));
        oven.offer(ovenTemp, now + 1_000_000, 150);
        psu.offer(psuVolts, now + 2_000_000, 12);
        psu.offer(psuVolts, now + 3_000_000, 10.5);   // PSU undervoltage: WARNING fires
        oven.offer(ovenTemp, now + 4_000_000, 185.5); // Oven overheat: CRITICAL fires

        TableView<EventLogRow> table = table(robot);
        await(() -> table.getItems().size() >= 3); // the device status and both firings
        assertThat(fx(() -> table.getItems().stream().map(EventLogRow::message).toList()))
                .anyMatch(m -> m.contains("Oven overheat") && m.contains("OK -> FIRING"))
                .anyMatch(m -> m.contains("PSU undervoltage") && m.contains("OK -> FIRING"))
                .contains("oven connected");
        assertThat(fx(() -> table.getItems().get(0).message())).as("newest first").contains("Oven overheat");

        Node banner = robot.lookup("#alarmBanner").query();
        await(banner::isVisible);
        assertThat(fx(() -> robot.lookup("#alarmBannerText").queryAs(Label.class).getText()))
                .isEqualTo("1 critical alarm unacknowledged \u2014 Oven overheat");
        assertThat(fx(() -> robot.lookup("#unackBadge").queryAs(Label.class).getText())).isEqualTo("2 unacknowledged");

        Button ack = robot.lookup("#ackButton").queryButton();
        assertThat(ack.isDisabled()).as("nothing selected").isTrue();
        robot.clickOn(cellWithText(robot, "#activeAlarms", "Oven overheat"));
        await(() -> !ack.isDisabled());
        robot.clickOn("#ackButton");

        await(() -> model.activeAlarms().stream()
                .anyMatch(a -> a.id().equals("oven_overheat") && a.acknowledged()));
        assertThat(engine.snapshot().trigger("oven_overheat").acknowledged()).isTrue();
        assertThat(engine.snapshot().trigger("oven_overheat").state()).isEqualTo(TriggerState.FIRING);
        await(() -> !banner.isVisible());
        assertThat(fx(() -> banner.isManaged())).as("takes no space when hidden").isFalse();
        await(() -> cellWithText(robot, "#activeAlarms", "Acknowledged") != null);
        await(ack::isDisabled); // still selected, nothing left to acknowledge on it
        assertThat(fx(() -> robot.lookup("#unackBadge").queryAs(Label.class).getText())).isEqualTo("1 unacknowledged");
        assertThat(engine.snapshot().trigger("psu_low").acknowledged()).as("the other alarm untouched").isFalse();
        await(() -> table.getItems().stream().anyMatch(r -> r.type() == EventType.USER_ACTION));
    }

    @Test
    void theSeverityFilterHidesLowerRows(FxRobot robot) throws Exception {
        long now = System.currentTimeMillis() * 1_000_000L;
        engine.publishEvent(new Event(0, EventType.DEVICE_STATUS, "oven", now, "oven connected", 3, "", Map.of()));
        psu.offer(psuVolts, now + 1_000_000, 10.5);
        oven.offer(ovenTemp, now + 2_000_000, 190);
        TableView<EventLogRow> table = table(robot);
        await(() -> table.getItems().size() >= 3);
        int before = fx(() -> table.getItems().size());

        robot.clickOn("#severityFilter");
        robot.clickOn("Critical only");
        await(() -> table.getItems().size() < before);
        List<EventLogRow> shown = fx(() -> List.copyOf(table.getItems()));
        assertThat(shown).isNotEmpty().allMatch(r -> r.severity() == Severity.CRITICAL);
        assertThat(shown).noneMatch(r -> r.message().contains("PSU") || r.message().equals("oven connected"));
        assertThat(robot.lookup("#alarmTable").lookup(".severity-warning").tryQuery()).as("no warning cell in the log").isEmpty();

        robot.clickOn("#clearFiltersButton");
        await(() -> table.getItems().size() == before);
        assertThat(fx(() -> model.severityFilterProperty().get().isAll())).isTrue();
    }
}
