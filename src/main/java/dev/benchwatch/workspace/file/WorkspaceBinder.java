package dev.benchwatch.workspace.file;

import dev.benchwatch.engine.pipeline.PipelineSpec;
import dev.benchwatch.engine.window.WindowSpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a migrated, current-version tree into a {@link Workspace}, reporting every problem with its
 * location. Each section has its own binder (types, ranges, required and unknown fields, duplicate names);
 * once everything is defined this checks what spans sections: pipeline outputs that clash with existing
 * channels, {@link References} to devices and channels that do not exist, {@link PipelineCycles}, and
 * {@link TriggerConditions}. Device health settings are read by {@link HealthBinder}.
 */
final class WorkspaceBinder {
    private final Problems problems;
    private final References references = new References();
    private final TriggerConditions conditions;
    private final DeviceBinder deviceBinder;
    private final ChannelBinder channelBinder;
    private final PipelineBinder pipelineBinder;
    private final WindowBinder windowBinder;
    private final TriggerBinder triggerBinder;
    private final DetectorBinder detectorBinder;
    private final LayoutBinder layoutBinder;

    WorkspaceBinder(String source, TriggerTextCheck triggerCheck, Problems problems) {
        this.problems = problems;
        this.conditions = new TriggerConditions(source, triggerCheck, problems);
        this.deviceBinder = new DeviceBinder(problems);
        this.channelBinder = new ChannelBinder(problems, references);
        this.pipelineBinder = new PipelineBinder(problems, references);
        this.windowBinder = new WindowBinder(problems, references);
        this.triggerBinder = new TriggerBinder(problems, conditions, new ActionBinder(problems, references));
        this.detectorBinder = new DetectorBinder(problems, references);
        this.layoutBinder = new LayoutBinder(problems, references);
    }

    Workspace bind(Json.Obj root) {
        Fields top = new Fields(root, WorkspaceError.ROOT, problems);
        int version = top.whole("schemaVersion", true, Workspace.CURRENT_SCHEMA_VERSION, 0, Workspace.CURRENT_SCHEMA_VERSION);
        List<DeviceConfig> devices = top.list("devices", false, "devices", deviceBinder::bind);
        List<ChannelConfig> channels = top.list("channels", false, "channels", channelBinder::bind);
        List<PipelineSpec> pipelines = top.list("pipelines", false, "pipelines", pipelineBinder::bind);
        List<WindowSpec> windows = top.list("windows", false, "windows", windowBinder::bind);
        List<TriggerConfig> triggers = top.list("triggers", false, "triggers", triggerBinder::bind);
        List<DetectorConfig> detectors = top.list("detectors", false, "detectors", detectorBinder::bind);
        HealthConfig health = HealthBinder.member(top, problems);
        Json layoutNode = top.raw("layout");
        Layout layout = layoutNode == null ? Layout.DEFAULT : layoutBinder.bind(layoutNode, top.path("layout"));
        top.rejectUnknown();
        pipelineBinder.checkOutputs(existingChannels(devices));
        references.check(deviceBinder.names(), knownChannels(devices), problems);
        pipelineBinder.checkCycles(pipelines);
        conditions.check(knownChannels(devices), windowBinder.ids());
        return problems.isEmpty()
                ? new Workspace(version, devices, channels, pipelines, windows, triggers, detectors, health, layout)
                : null;
    }

    /** Every channel there is without the pipelines: declared, or defined by a device. */
    private Set<String> existingChannels(List<DeviceConfig> devices) {
        Set<String> channels = new LinkedHashSet<>(channelBinder.names());
        devices.forEach(d -> channels.addAll(d.definedChannels()));
        return channels;
    }

    /** Every channel a reference may name: declared, defined by a device, or created by a pipeline. */
    private Set<String> knownChannels(List<DeviceConfig> devices) {
        Set<String> channels = existingChannels(devices);
        channels.addAll(pipelineBinder.outputs());
        return channels;
    }
}
