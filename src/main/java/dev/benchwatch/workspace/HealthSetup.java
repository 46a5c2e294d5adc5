package dev.benchwatch.workspace;

import dev.benchwatch.device.DeviceBench;
import dev.benchwatch.device.health.DeviceHealthMonitor;
import dev.benchwatch.device.health.HealthSettings;
import dev.benchwatch.workspace.file.DeviceConfig;
import dev.benchwatch.workspace.file.Workspace;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts the device health monitor a workspace describes (docs/WORKSPACE.md, "Device health"): the workspace's
 * {@code health} over {@link HealthSettings#defaults()} for every device, and a device's own {@code health}
 * over that for the device.
 */
public final class HealthSetup {
    private HealthSetup() {
    }

    /** The thresholds for devices without settings of their own. */
    public static HealthSettings workspaceSettings(Workspace workspace) {
        return workspace.health().over(HealthSettings.defaults());
    }

    /** The thresholds of each device that has settings of its own, by device name. */
    public static Map<String, HealthSettings> deviceSettings(Workspace workspace) {
        HealthSettings base = workspaceSettings(workspace);
        Map<String, HealthSettings> devices = new LinkedHashMap<>();
        for (DeviceConfig device : workspace.devices()) {
            if (!device.health().isEmpty()) {
                devices.put(device.name(), device.health().over(base));
            }
        }
        return devices;
    }

    /** A running monitor of {@code bench} with the workspace's thresholds; close it before the bench. */
    public static DeviceHealthMonitor start(Workspace workspace, DeviceBench bench) {
        return DeviceHealthMonitor.start(bench, workspaceSettings(workspace), deviceSettings(workspace));
    }
}
