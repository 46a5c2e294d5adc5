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
import dev.benchwatch.ui.ConsolePulse;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the banner and the alarm log with live alarms (two critical firing, one warning acknowledged, one
 * info cleared and unacknowledged, one pending) to target/alarms-preview.png (a dark theme, the console's
 * default) and target/alarms-preview-light.png (Modena), for a person to look at.
 */
@ExtendWith(ApplicationExtension.class)
class AlarmPreviewRenderTest {
    static {
        FxTestSettings.apply();
    }

    /** Stands in for the console's dark theme: Modena's colours derived from dark bases. */
    static final String DARK_CSS = """
            .root {
              -fx-base: #2b2d31;
              -fx-background: #1e1f22;
              -fx-control-inner-background: #25272b;
              -fx-control-inner-background-alt: #2a2c30;
              -fx-accent: #3d74c9;
              -fx-focus-color: #3d74c9;
              -fx-faint-focus-color: #3d74c922;
            }
            """;

    private Engine engine;
    private ConsolePulse pulse;
    private EventLogViewModel model;
    private Scene scene;

    @Start
    void start(Stage stage) {
        engine = new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO).build());
        model = new EventLogViewModel(engine, EventLogViewModel.DEFAULT_MAX_ROWS,
                EventLogViewModel.DEFAULT_QUEUE_CAPACITY, ZoneOffset.UTC);
        AlarmBanner banner = new AlarmBanner(model);
        banner.setOnShowAlarms(() -> { });
        EventLogPanel panel = new EventLogPanel(model);
        VBox root = new VBox(banner, panel);
        VBox.setVgrow(panel, Priority.ALWAYS);
        scene = new Scene(root, 1280, 760);
        stage.setScene(scene);
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

    private void bench() throws Exception {
        int oven = engine.registerChannel("oven_temp", "°C", "oven").id();
        int chamber = engine.registerChannel("chamber_temp", "°C", "climate-chamber").id();
        int volts = engine.registerChannel("psu_volts", "V", "psu-1").id();
        int flow = engine.registerChannel("coolant_flow", "l/min", "chiller").id();
        int door = engine.registerChannel("door_open", "", "oven").id();
        IngestSource source = engine.registerSource("bench", OverloadPolicy.BLOCK);
        engine.addTrigger(TriggerSpec.builder("oven_overheat",
                        Condition.compare(Operand.latest("oven_temp"), ComparisonOp.GT, 180))
                .name("Oven overheat").severity(Severity.CRITICAL).build());
        engine.addTrigger(TriggerSpec.builder("chamber_runaway",
                        Condition.compare(Operand.latest("chamber_temp"), ComparisonOp.GT, 85))
                .name("Climate chamber thermal runaway").severity(Severity.CRITICAL).build());
        engine.addTrigger(TriggerSpec.builder("psu_low", Condition.compare(Operand.latest("psu_volts"), ComparisonOp.LT, 11.5))
                .name("PSU undervoltage").severity(Severity.WARNING).build());
        engine.addTrigger(TriggerSpec.builder("flow_low", Condition.compare(Operand.latest("coolant_flow"), ComparisonOp.LT, 2))
                .name("Coolant flow low").severity(Severity.WARNING).holdFor(Duration.ofMinutes(5)).build());
        engine.addTrigger(TriggerSpec.builder("door", Condition.compare(Operand.latest("door_open"), ComparisonOp.GT, 0.5))
                .name("Oven door open").severity(Severity.INFO).build());
        engine.start();

        long t = System.currentTimeMillis() * 1_000_000L - 90_000_000_000L;
        long step = 1_250_000_000L;
        engine.publishEvent(new Event(0, EventType.DEVICE_STATUS, "oven", t, "connected on /dev/ttyUSB0 (115200 8N1)", 3,
                "", Map.of()));
        engine.publishEvent(new Event(0, EventType.DEVICE_STATUS, "psu-1", t + step, "connected to mqtt://lab-broker:1883",
                3, "", Map.of()));
        engine.publishEvent(new Event(0, EventType.DEVICE_STATUS, "chiller", t + 2 * step, "connected (simulator)", 3, "",
                Map.of()));
        source.offer(door, t + 3 * step, 1);
        source.offer(door, t + 4 * step, 0);
        source.offer(volts, t + 5 * step, 12.1);
        source.offer(volts, t + 6 * step, 11.2);
        engine.publishEvent(new Event(0, EventType.ANOMALY_DETECTED, "psu-1", t + 7 * step,
                "psu_volts: z-score 4.3 over the last 60 s (mean 12.02 V, sd 0.19 V)", 6, "", Map.of()));
        source.offer(flow, t + 8 * step, 1.4);
        source.offer(oven, t + 9 * step, 176.2);
        source.offer(oven, t + 10 * step, 183.9);
        source.offer(chamber, t + 11 * step, 91.3);
        engine.publishEvent(new Event(0, EventType.SYSTEM_ALERT, "", t + 12 * step,
                "ingest lane 'bench' 92% full for 3 s (policy BLOCK)", 8, "", Map.of()));
        engine.publishEvent(new Event(0, EventType.DEVICE_STATUS, "chiller", t + 13 * step,
                "read timeout after 2000 ms; reconnecting", 5, "", Map.of()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> engine.snapshotNow().trigger("chamber_runaway").firings() == 1
                        && engine.snapshotNow().trigger("psu_low").firings() == 1);
        engine.acknowledge("psu_low");
    }

    @Test
    void rendersPreviewPngs() throws Exception {
        bench();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> model.activeAlarms().size() == 5 && model.rows().size() >= 13
                        && model.activeAlarms().stream().anyMatch(ActiveAlarm::acknowledged)).get());
        WaitForAsyncUtils.waitForFxEvents();

        String dark = "data:text/css;base64," + Base64.getEncoder().encodeToString(
                DARK_CSS.getBytes(StandardCharsets.UTF_8));
        WaitForAsyncUtils.asyncFx(() -> scene.getStylesheets().add(dark)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Path darkPng = Path.of("target", "alarms-preview.png");
        writePng(WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(5, TimeUnit.SECONDS), darkPng);

        WaitForAsyncUtils.asyncFx(() -> scene.getStylesheets().clear()).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        writePng(WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(5, TimeUnit.SECONDS),
                Path.of("target", "alarms-preview-light.png"));
        assertThat(Files.size(darkPng)).isGreaterThan(10_000);
    }

    /** Inline because dev.benchwatch.ui.PngWriter is not committed yet; same conversion (no javafx-swing). */
    private static void writePng(Image image, Path path) throws Exception {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader reader = image.getPixelReader();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            reader.getPixels(0, y, w, 1, PixelFormat.getIntArgbInstance(), row, 0, w);
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        Files.createDirectories(path.getParent());
        ImageIO.write(out, "png", path.toFile());
    }
}
