package dev.benchwatch.ui.gauges;

import dev.benchwatch.ui.FxTestSettings;
import static dev.benchwatch.ui.gauges.GaugesPanelFxTest.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.engine.EngineSnapshot;
import dev.benchwatch.engine.ProcessingMode;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import dev.benchwatch.engine.metrics.EngineMetrics;
import dev.benchwatch.engine.metrics.LatencySummary;
import dev.benchwatch.engine.metrics.SourceMetrics;
import dev.benchwatch.ui.PngWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders three gauges panels with live-looking values (latency OK, at risk, over budget; five devices,
 * one with a long name, one silent) to target/gauges-preview.png on the console's dark background and
 * target/gauges-preview-light.png on the light one, for a person to look at.
 */
@ExtendWith(ApplicationExtension.class)
class GaugesPreviewRenderTest {
    static {
        FxTestSettings.apply();
    }

    private static final long MS = 1_000_000L;
    private static final long BUDGET = 100 * MS;
    private static final String[] DEVICES = {"oven", "psu-bench-2", "thermocouple-logger-7", "scope"};
    private static final long[] DEVICE_RATES = {1_000, 250, 10, 0};
    private static final long[][] LATENCIES = {{180_000, 2_400_000}, {21 * MS, 63 * MS}, {70 * MS, 142 * MS}};

    private final List<GaugesPanel> panels = new ArrayList<>();
    private VBox root;
    private Scene scene;

    @Start
    void start(Stage stage) {
        root = new VBox(6);
        root.setPadding(new Insets(6));
        String[] captions = {"latency OK", "p99 >= 50 % of the 100 ms budget: at risk", "p99 over budget"};
        for (int k = 0; k < LATENCIES.length; k++) {
            GaugesPanel panel = new GaugesPanel(new GaugesViewModel(BUDGET));
            Label caption = new Label(captions[k]);
            caption.setId("caption");
            root.getChildren().addAll(caption, panel);
            panels.add(panel);
        }
        scene = new Scene(root, 1600, 640);
        stage.setScene(scene);
        stage.show();
        paint(true);
    }

    /**
     * Update {@code i} of a hundred, 100 ms apart in snapshot time, so the sparkline has a history and the
     * devices have rates.
     */
    private static void feed(GaugesViewModel model, long[] accepted, int i, int variant) {
        long p50 = LATENCIES[variant][0];
        long p99 = LATENCIES[variant][1];
        long now = 1_000_000_000L + i * GaugesViewModel.MIN_UPDATE_INTERVAL_NANOS;
        {
            List<SourceMetrics> sources = new ArrayList<>();
            double total = 0;
            for (int d = 0; d < DEVICES.length; d++) {
                long step = DEVICE_RATES[d] / 10 + (d == 0 ? (i % 7) : 0);
                accepted[d] += step;
                total += step * 10;
                sources.add(new SourceMetrics(DEVICES[d], OverloadPolicy.DROP_OLDEST, accepted[d], accepted[d],
                        Map.of(), 0, 0));
            }
            double rate = total + 400 * Math.sin(i / 6.0);
            LatencySummary latency = new LatencySummary(10_000, p50, p99, p99, p99, p99, p50);
            EngineMetrics m = new EngineMetrics(ProcessingMode.HYBRID, 0, Map.of(), sources, rate, 12 + variant * 300,
                    variant == 0 ? 0 : 1_204 * variant, variant == 2 ? 3 : 0, 0, 0, 0, 0, 0, latency, 0, 0, 0, Map.of());
            model.onFrame(new EngineSnapshot(i + 1, now, m, List.of(), List.of(), List.of(), List.of()), now);
        }
    }

    private void paint(boolean dark) {
        Color background = dark ? Color.web("#1e1f22") : Color.web("#f3f3f3");
        root.setBackground(Background.fill(background));
        root.lookupAll("#caption").forEach(n -> ((Label) n).setTextFill(dark ? Color.web("#cfcfcf") : Color.web("#333")));
        panels.forEach(p -> p.setDark(dark));
    }

    @Test
    void rendersPreviewPngs() throws Exception {
        long[][] accepted = new long[panels.size()][DEVICES.length];
        for (int i = 0; i < 100; i++) {
            int step = i;
            onFx(() -> {
                for (int k = 0; k < panels.size(); k++) {
                    feed(panels.get(k).model(), accepted[k], step, k);
                }
                return null;
            });
            Thread.sleep(15);
        }
        WaitForAsyncUtils.waitForFxEvents();
        Path dark = Path.of("target", "gauges-preview.png");
        onFx(() -> {
            PngWriter.write(scene.snapshot(null), dark);
            paint(false);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Path light = Path.of("target", "gauges-preview-light.png");
        onFx(() -> {
            PngWriter.write(scene.snapshot(null), light);
            return null;
        });
        assertThat(Files.size(dark)).isGreaterThan(10_000);
        assertThat(Files.size(light)).isGreaterThan(10_000);
        assertThat(panels.get(0).model().getBudgetState()).isEqualTo(BudgetState.OK);
        assertThat(panels.get(1).model().getBudgetState()).isEqualTo(BudgetState.AT_RISK);
        assertThat(panels.get(2).model().getBudgetState()).isEqualTo(BudgetState.OVER);
        // one row each, within the window's width
        for (GaugesPanel panel : panels) {
            assertThat(onFx(() -> panel.getLayoutBounds().getHeight()))
                    .isLessThanOrEqualTo(GaugesPanel.TILE_SIZE + 2 * GaugesPanel.GAP + 1);
        }
    }
}
