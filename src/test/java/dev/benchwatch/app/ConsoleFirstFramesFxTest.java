package dev.benchwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.device.DeviceBench;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineSnapshot;
import dev.benchwatch.ui.ConsoleWindow;
import dev.benchwatch.ui.FrameListener;
import dev.benchwatch.ui.FxTestSettings;
import dev.benchwatch.ui.FxWait;
import dev.benchwatch.ui.WindowLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console's first frames: the charts come first, the other panels follow one per frame, and the charts do
 * not move when the gauges fill the room kept for them.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleFirstFramesFxTest {
    static {
        FxTestSettings.apply();
    }

    private Engine engine;
    private DeviceBench bench;
    private ConsoleWindow window;
    /** Per frame: frame number, the charts' top in the scene, whether the device table was in the scene. */
    private final List<double[]> frames = new ArrayList<>();
    private boolean completeBeforeFirstFrame;

    @Start
    void start(Stage stage) {
        engine = new Engine();
        engine.start();
        bench = new DeviceBench(engine);
        SimulatorBench.configure(engine, bench, true);
        window = new ConsoleWindow(stage, engine, bench, WindowLayout.DEFAULT, null);
        completeBeforeFirstFrame = window.completeProperty().get();
        window.pulse().add(new FrameListener() {
            @Override
            public void onFrame(EngineSnapshot snapshot, long nowNanos) {
                if (window.pulse().frames() == 1) { // for a person to look at: the window before its panels came
                    dev.benchwatch.ui.PngWriter.write(window.scene().snapshot(null),
                            java.nio.file.Path.of("target/console-first-frames.png"));
                }
                frames.add(new double[] {window.pulse().frames(),
                        gaugesSlot().getHeight(),
                        window.scene().lookup("#deviceTable") == null ? 0 : 1,
                        window.scene().lookup("#chart1") == null ? 0 : 1,
                        window.charts().charts().get(0).paintedFrames(),
                        window.charts().charts().get(0).series().size()});
            }
        });
        window.show();
    }

    /** The room at the top of the window that the gauges fill. */
    private javafx.scene.layout.Region gaugesSlot() {
        return (javafx.scene.layout.Region) window.scene().lookup("#gaugesSlot");
    }

    @AfterEach
    void stop() throws Exception {
        FxWait.closeDialogs(window::close);
        bench.close();
        engine.close();
    }

    @Test
    void theChartsComeFirstAndThePanelsFollowWithoutMovingThem() throws Exception {
        FxWait.wholeConsole(window);
        assertThat(completeBeforeFirstFrame).isFalse();
        List<double[]> seen = WaitForAsyncUtils.asyncFx(() -> List.copyOf(frames)).get(5, TimeUnit.SECONDS);
        assertThat(seen).as("frames seen").hasSizeGreaterThan(3);
        assertThat(seen.get(1)[4]).as("the first chart painted in the first frames, before any other panel came")
                .isPositive();
        assertThat(seen.get(1)[3]).as("the charts are in the first laid-out frame").isOne();
        assertThat(seen.get(1)[2]).as("the device table is not: it follows").isZero();
        // frame 0 runs before the first layout; from frame 1 on the room kept for the gauges is what they fill
        double keptForGauges = seen.get(1)[1];
        assertThat(keptForGauges).isGreaterThan(dev.benchwatch.ui.gauges.GaugesPanel.TILE_SIZE);
        assertThat(WaitForAsyncUtils.asyncFx(() -> gaugesSlot().getHeight()).get(5, TimeUnit.SECONDS))
                .as("the gauges' height once they are in").isCloseTo(keptForGauges, org.assertj.core.data.Offset.offset(1.0));
        for (String id : List.of("#deviceTable", "#channelTable", "#alarmTable", "#triggerTable")) {
            assertThat(WaitForAsyncUtils.asyncFx(() -> window.scene().lookup(id) != null
                    || window.showTriggers().lookup(id) != null).get(5, TimeUnit.SECONDS)).as(id).isTrue();
        }
    }

    @Test
    void aPanelAskedForBeforeItsFrameIsBuiltAtOnce() throws Exception {
        List<Boolean> seen = WaitForAsyncUtils.asyncFx(() -> {
            ConsoleWindow unshown = new ConsoleWindow(new Stage(), engine, bench, WindowLayout.DEFAULT, null);
            boolean before = unshown.completeProperty().get();
            var devices = unshown.devices();
            boolean after = devices.getParent() instanceof dev.benchwatch.ui.DeferredPanel<?> slot
                    && "devicesSlot".equals(slot.getId());
            boolean complete = unshown.completeProperty().get();
            unshown.buildAllPanels();
            boolean completeAfterAll = unshown.completeProperty().get();
            unshown.close();
            return List.of(before, after, complete, completeAfterAll);
        }).get(5, TimeUnit.SECONDS);
        assertThat(seen).containsExactly(false, true, false, true);
    }
}
