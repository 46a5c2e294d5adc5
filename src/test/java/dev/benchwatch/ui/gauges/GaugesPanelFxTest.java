package dev.benchwatch.ui.gauges;

import dev.benchwatch.ui.FxTestSettings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineConfig;
import dev.benchwatch.engine.ingest.IngestSource;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import dev.benchwatch.ui.ConsolePulse;
import eu.hansolo.tilesfx.Tile;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
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
 * Two gauges panels on one running engine, driven by a real {@link ConsolePulse}: one judged against the
 * engine's budget (100 ms), one against a budget of 1 ns, which every reading overruns.
 */
@ExtendWith(ApplicationExtension.class)
class GaugesPanelFxTest {
    static {
        FxTestSettings.apply();
    }

    private Engine engine;
    private ConsolePulse pulse;
    private GaugesViewModel normalModel;
    private GaugesViewModel tightModel;
    private GaugesPanel normal;
    private GaugesPanel tight;
    private Thread producer;
    private volatile boolean producing = true;
    private long pulseStartedAt;

    @Start
    void start(Stage stage) {
        engine = new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO).build());
        int oven = engine.registerChannel("oven_temp", "°C", "oven").id();
        int volts = engine.registerChannel("psu_volts", "V", "psu").id();
        IngestSource ovenSource = engine.registerSource("oven", OverloadPolicy.DROP_OLDEST);
        IngestSource psuSource = engine.registerSource("psu", OverloadPolicy.DROP_OLDEST);
        engine.start();

        normalModel = new GaugesViewModel(engine.config().latencyBudgetNanos());
        tightModel = new GaugesViewModel(1);
        normal = new GaugesPanel(normalModel);
        tight = new GaugesPanel(tightModel);
        pulse = new ConsolePulse(engine);
        pulse.add(normalModel);
        pulse.add(tightModel);

        producer = new Thread(() -> {
            long i = 0;
            while (producing) {
                long t = System.currentTimeMillis() * 1_000_000L;
                ovenSource.offer(oven, t, 180 + (i % 10));
                if (i % 2 == 0) {
                    psuSource.offer(volts, t, 24.0);
                }
                i++;
                LockSupport.parkNanos(200_000); // ~5,000 readings/s for the oven, half for the psu
            }
        }, "test-producer");
        producer.setDaemon(true);
        producer.start();

        stage.setScene(new Scene(new VBox(normal, tight), 1600, 400));
        stage.show();
        pulseStartedAt = System.nanoTime();
        pulse.start();
    }

    @AfterEach
    void stop() throws Exception {
        producing = false;
        producer.join(2_000);
        onFx(() -> {
            pulse.stop();
            return null;
        });
        engine.close();
    }

    @Test
    void readingsRateRisesAboveZeroAndAnOverBudgetLatencyTurnsTheLatencyTilesRed(FxRobot robot)
            throws Exception {
        Tile readings = robot.from(normal).lookup("#" + GaugesPanel.ID_READINGS).queryAs(Tile.class);
        Tile normalP99 = robot.from(normal).lookup("#" + GaugesPanel.ID_LATENCY_P99).queryAs(Tile.class);
        Tile tightP99 = robot.from(tight).lookup("#" + GaugesPanel.ID_LATENCY_P99).queryAs(Tile.class);
        Tile tightP50 = robot.from(tight).lookup("#" + GaugesPanel.ID_LATENCY_P50).queryAs(Tile.class);
        GaugePalette palette = onFx(normal::palette);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> readings.getValue() > 0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> onFx(() -> tightModel.getBudgetState() == BudgetState.OVER));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(tightP99::getBarColor)).isEqualTo(palette.over());
        assertThat(onFx(tightP99::getValueColor)).isEqualTo(palette.over());
        assertThat(onFx(tightP50::getBarColor)).isEqualTo(palette.over());
        assertThat(onFx(() -> normalP99.getBarColor()))
                .as("the panel on the real budget shows its own state")
                .isEqualTo(onFx(() -> palette.latencyColor(normalModel.getBudgetState())));
        assertThat(onFx(() -> normalP99.getValue())).isGreaterThan(0);

        // one tile per device, each with a rate
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> {
            Set<Node> devices = robot.from(normal).lookup("." + GaugesPanel.DEVICE_STYLE_CLASS).queryAll();
            return devices.size() == 2 && devices.stream().allMatch(n -> ((Tile) n).getValue() > 0);
        }));
        assertThat(robot.from(normal).lookup("#gauge-device-oven").tryQuery()).isPresent();
        assertThat(robot.from(normal).lookup("#gauge-device-psu").tryQuery()).isPresent();

        // throttled: at most 10 updates a second however many frames ran
        double seconds = (System.nanoTime() - pulseStartedAt) / 1e9;
        long updates = onFx(normalModel::updates);
        assertThat(updates).isGreaterThan(0).isLessThanOrEqualTo((long) Math.ceil(seconds * 10) + 1);
    }

    @Test
    void switchingToTheLightPaletteRepaintsTheTiles(FxRobot robot) throws Exception {
        Tile queue = robot.from(normal).lookup("#" + GaugesPanel.ID_QUEUE).queryAs(Tile.class);
        assertThat(onFx(queue::getBackgroundColor)).isEqualTo(GaugePalette.DARK.background());
        onFx(() -> {
            normal.setDark(false);
            return null;
        });
        assertThat(onFx(queue::getBackgroundColor)).isEqualTo(GaugePalette.LIGHT.background());
        assertThat(onFx(queue::getTitleColor)).isEqualTo(GaugePalette.LIGHT.foreground());
        assertThat(onFx(normal::isDark)).isFalse();
    }

    @Test
    void beforeAnyLatencyTheLatencyTilesShowTheNormalColour() throws Exception {
        GaugesPanel fresh = onFx(() -> new GaugesPanel(new GaugesViewModel(1)));
        Tile p99 = (Tile) fresh.lookup("#" + GaugesPanel.ID_LATENCY_P99);
        assertThat(onFx(p99::getBarColor)).isEqualTo(GaugePalette.DARK.accent());
        assertThat(onFx(p99::getValueColor)).isEqualTo(GaugePalette.DARK.foreground());
        assertThat(fresh.latencyUnit()).isEqualTo("µs");
        assertThat(onFx(() -> new GaugesPanel(new GaugesViewModel(100_000_000L)).latencyUnit())).isEqualTo("ms");
    }

    static <T> T onFx(Callable<T> action) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return action.call();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }
}
