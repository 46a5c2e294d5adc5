package dev.benchwatch.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.workspace.file.Workspace;
import dev.benchwatch.workspace.file.WorkspaceReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A workspace applied for a replay: its processing is set up, none of its devices. */
class WorkspaceSetupWithoutDevicesTest {
    @Test
    void setsUpChannelsPipelinesAndTriggersButNoDevice() throws Exception {
        Workspace workspace = new WorkspaceReader().read(
                Path.of(getClass().getResource("/workspaces/replay-oven.json").toURI())).workspace();
        try (Engine engine = new Engine()) {
            WorkspaceSetupReport report = WorkspaceSetup.applyWithoutDevices(workspace, engine);
            assertThat(report.ok()).as(report.errors().toString()).isTrue();
            assertThat(report.devicesAdded()).isEmpty();
            assertThat(engine.channels().find("oven_temp").orElseThrow().device()).isEqualTo("oven");
            assertThat(engine.channels().find("oven_temp_f")).isPresent();
            assertThat(engine.snapshotNow().triggers()).hasSize(2);
            assertThat(engine.snapshotNow().metrics().sources()).isEmpty(); // no simulator feeding it
        }
    }
}
