package dev.benchwatch.workspace.file;

import dev.benchwatch.engine.pipeline.PipelineSpec;
import dev.benchwatch.engine.window.WindowSpec;
import java.util.List;
import java.util.Objects;

/**
 * A workspace: everything one bench needs, as one JSON file holds it (docs/WORKSPACE.md). Read it with
 * {@link WorkspaceReader}, write it with {@link WorkspaceWriter}. Pipelines and windows are the engine's
 * own specs; devices, channels, triggers, detectors, device health and the layout are described by the records
 * of this package.
 *
 * @param schemaVersion always {@link #CURRENT_SCHEMA_VERSION} once read (older files are migrated)
 */
public record Workspace(int schemaVersion, List<DeviceConfig> devices, List<ChannelConfig> channels,
                        List<PipelineSpec> pipelines, List<WindowSpec> windows, List<TriggerConfig> triggers,
                        List<DetectorConfig> detectors, HealthConfig health, Layout layout) {
    /** The version this build reads and writes. */
    public static final int CURRENT_SCHEMA_VERSION = 1;

    public Workspace {
        devices = List.copyOf(devices);
        channels = List.copyOf(channels);
        pipelines = List.copyOf(pipelines);
        windows = List.copyOf(windows);
        triggers = List.copyOf(triggers);
        detectors = List.copyOf(detectors);
        health = Objects.requireNonNullElse(health, HealthConfig.NONE);
        layout = Objects.requireNonNullElse(layout, Layout.DEFAULT);
    }

    /** An empty workspace of the current version. */
    public static Workspace empty() {
        return new Workspace(CURRENT_SCHEMA_VERSION, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                HealthConfig.NONE, Layout.DEFAULT);
    }

    /** The same workspace with other triggers (everything else, detectors and health included, kept). */
    public Workspace withTriggers(List<TriggerConfig> replacement) {
        return new Workspace(schemaVersion, devices, channels, pipelines, windows, replacement, detectors, health, layout);
    }

    /** The same workspace with another layout. */
    public Workspace withLayout(Layout replacement) {
        return new Workspace(schemaVersion, devices, channels, pipelines, windows, triggers, detectors, health,
                replacement);
    }
}
