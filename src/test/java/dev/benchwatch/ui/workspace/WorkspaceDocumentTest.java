package dev.benchwatch.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchwatch.device.DeviceBench;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineConfig;
import dev.benchwatch.engine.metrics.TriggerStatus;
import dev.benchwatch.engine.trigger.Severity;
import dev.benchwatch.workspace.TriggerLanguageCheck;
import dev.benchwatch.workspace.WorkspaceSetup;
import dev.benchwatch.workspace.file.Layout;
import dev.benchwatch.workspace.file.TriggerConfig;
import dev.benchwatch.workspace.file.Workspace;
import dev.benchwatch.workspace.file.WorkspaceReader;
import dev.benchwatch.workspace.trigger.TriggerModel;
import dev.benchwatch.workspace.trigger.TriggerText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The open workspace as the trigger editor changes it: the file's triggers and the running engine's agree. */
class WorkspaceDocumentTest {
    @TempDir
    Path dir;

    private Engine engine;
    private DeviceBench bench;
    private WorkspaceDocument document;

    @BeforeEach
    void open() throws Exception {
        Workspace demo = new WorkspaceReader(new TriggerLanguageCheck())
                .read(Path.of("src/main/resources/workspaces/demo.json")).workspace();
        engine = new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO).build());
        engine.start();
        bench = new DeviceBench(engine);
        assertThat(WorkspaceSetup.apply(demo, engine, bench, Map.of()).errors()).isEmpty();
        document = new WorkspaceDocument(engine, demo, null, "demo (built in)");
    }

    @AfterEach
    void close() {
        bench.close();
        engine.close();
    }

    private List<String> engineTriggers() {
        return engine.snapshotNow().triggers().stream().map(TriggerStatus::id).toList();
    }

    @Test
    void replacingATriggerChangesTheEngineAndKeepsItsPlace() {
        TriggerModel edited = document.trigger("oven_overheat").orElseThrow()
                .withExpression(TriggerText.parse("mean(oven_temp, 2s) > 190 for 1s clear < 185"))
                .withSeverity(Severity.WARNING);

        document.putTrigger("oven_overheat", edited);

        assertThat(document.triggerIds()).containsExactly("oven_overheat", "power_surge", "vibration_burst");
        TriggerConfig stored = document.workspace().triggers().get(0);
        assertThat(stored.when()).isEqualTo("mean(oven_temp, 2s) > 190");
        assertThat(stored.clear()).isEqualTo("mean(oven_temp, 2s) < 185");
        assertThat(engine.snapshotNow().trigger("oven_overheat").severity()).isEqualTo(Severity.WARNING);
        assertThat(engineTriggers()).containsExactly("oven_overheat", "power_surge", "vibration_burst");
        assertThat(document.dirtyProperty().get()).isTrue();
        assertThat(document.titleProperty().get()).isEqualTo("*demo (built in)");
    }

    @Test
    void aTriggerTheEngineRefusesLeavesTheOldOneRunning() {
        TriggerModel bad = document.trigger("oven_overheat").orElseThrow()
                .withExpression(TriggerText.parse("no_such_channel > 1"));

        assertThatThrownBy(() -> document.putTrigger("oven_overheat", bad))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no_such_channel");

        assertThat(engineTriggers()).contains("oven_overheat");
        assertThat(document.workspace().triggers().get(0).when()).isEqualTo("mean(oven_temp, 500ms) > 176");
        assertThat(document.dirtyProperty().get()).isFalse();
    }

    @Test
    void editingADetectorTriggerKeepsItsDetectorAndRemovingItStopsIt() {
        document.putTrigger(null, TriggerModel.of("oven_odd", TriggerText.parse("zscore(oven_temp, 10m) > 4")));
        assertThat(engine.detectors("oven_temp")).extracting(d -> d.kind().id(), d -> d.triggerReads())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("zscore", 1));

        document.putTrigger("oven_odd", document.trigger("oven_odd").orElseThrow()
                .withExpression(TriggerText.parse("zscore(oven_temp, 10m) > 5")));
        assertThat(engine.detectors("oven_temp")).extracting(d -> d.kind().id(), d -> d.triggerReads())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("zscore", 1));

        document.removeTrigger("oven_odd");
        assertThat(engine.detectors("oven_temp")).isEmpty();
    }

    @Test
    void aNewTriggerNeedsAnIdOfItsOwn() {
        TriggerModel copy = document.trigger("power_surge").orElseThrow();
        assertThatThrownBy(() -> document.putTrigger(null, copy)).hasMessageContaining("'power_surge' already exists");

        document.putTrigger(null, TriggerModel.of("psu_low", TriggerText.parse("psu_volts < 11.5 for 2s")));
        assertThat(document.triggerIds()).containsExactly("oven_overheat", "power_surge", "vibration_burst", "psu_low");
        assertThat(engineTriggers()).contains("psu_low");

        assertThat(document.removeTrigger("psu_low")).isTrue();
        assertThat(document.removeTrigger("psu_low")).isFalse();
        assertThat(engineTriggers()).doesNotContain("psu_low");
    }

    @Test
    void saveAsWritesWhatReadsBackAndClearsTheFlag() throws Exception {
        document.putTrigger(null, TriggerModel.of("psu_low", TriggerText.parse("psu_volts < 11.5 for 2s")));
        document.chartsFrom(() -> List.of(new Layout.Chart("Supply", List.of("psu_volts", "psu_amps"))));
        Path file = dir.resolve("bench.json");

        document.saveAs(file);

        assertThat(document.dirtyProperty().get()).isFalse();
        assertThat(document.titleProperty().get()).isEqualTo("bench.json");
        WorkspaceReader.Result read = new WorkspaceReader(new TriggerLanguageCheck()).read(file);
        assertThat(read.errors()).isEmpty();
        assertThat(read.workspace().triggers()).extracting(TriggerConfig::id)
                .containsExactly("oven_overheat", "power_surge", "vibration_burst", "psu_low");
        assertThat(read.workspace().triggers().get(3).holdFor()).isEqualTo(Duration.ofSeconds(2));
        assertThat(read.workspace().layout().charts())
                .containsExactly(new Layout.Chart("Supply", List.of("psu_volts", "psu_amps")));

        document.markChanged();
        assertThat(document.titleProperty().get()).isEqualTo("*bench.json");
        document.save();
        assertThat(document.dirtyProperty().get()).isFalse();
    }

    @Test
    void saveWithoutAFileAsksForOne() {
        assertThatThrownBy(() -> document.save()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("save it as a file first");
    }
}
