package dev.benchwatch.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.device.health.HealthSettings;
import dev.benchwatch.workspace.file.Workspace;
import dev.benchwatch.workspace.file.WorkspaceReader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A workspace's health thresholds over the defaults, and a device's over the workspace's, field by field. */
class HealthSetupTest {
    private static Workspace read(String json) {
        WorkspaceReader.Result result = new WorkspaceReader().read(json);
        assertThat(result.errors()).isEmpty();
        return result.workspace();
    }

    @Test
    void withoutHealthSettingsEveryDeviceIsJudgedByTheDefaults() {
        Workspace workspace = read("""
                {"schemaVersion": 1, "devices": [{"name": "oven", "kind": "simulator",
                  "channels": [{"name": "t", "waveforms": [{"type": "noise", "sigma": 1}]}]}]}
                """);
        assertThat(HealthSetup.workspaceSettings(workspace)).isEqualTo(HealthSettings.defaults());
        assertThat(HealthSetup.deviceSettings(workspace)).isEmpty();
    }

    @Test
    void aDevicesOwnFieldsGoOverTheWorkspacesWhichGoOverTheDefaults() {
        Workspace workspace = read("""
                {"schemaVersion": 1,
                 "devices": [
                   {"name": "oven", "kind": "simulator",
                    "channels": [{"name": "t", "waveforms": [{"type": "noise", "sigma": 1}]}]},
                   {"name": "board", "kind": "serial", "port": "/dev/ttyACM0", "baud": 9600,
                    "health": {"malformedLimit": 200, "window": "10s"}}],
                 "health": {"window": "2s", "warmUp": "0s", "lowRatio": 0.5}}
                """);
        HealthSettings defaults = HealthSettings.defaults();
        HealthSettings all = new HealthSettings(defaults.tick(), Duration.ofSeconds(2), defaults.learnTime(),
                Duration.ZERO, 0.5, defaults.highRatio(), defaults.malformedLimit());

        assertThat(HealthSetup.workspaceSettings(workspace)).isEqualTo(all);
        assertThat(HealthSetup.deviceSettings(workspace)).containsOnlyKeys("board");
        assertThat(HealthSetup.deviceSettings(workspace).get("board")).isEqualTo(new HealthSettings(defaults.tick(),
                Duration.ofSeconds(10), defaults.learnTime(), Duration.ZERO, 0.5, defaults.highRatio(), 200));
    }
}
