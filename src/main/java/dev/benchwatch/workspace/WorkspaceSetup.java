package dev.benchwatch.workspace;

import dev.benchwatch.codec.frame.DelimitedFramer;
import dev.benchwatch.device.DeviceAdapter;
import dev.benchwatch.device.DeviceBench;
import dev.benchwatch.device.mqtt.ClientCertificate;
import dev.benchwatch.device.mqtt.MqttAdapter;
import dev.benchwatch.device.mqtt.MqttCredentials;
import dev.benchwatch.device.mqtt.MqttSettings;
import dev.benchwatch.device.mqtt.MqttTls;
import dev.benchwatch.device.mqtt.TopicMapping;
import dev.benchwatch.device.serial.PortDiscovery;
import dev.benchwatch.device.serial.SerialAdapter;
import dev.benchwatch.device.sim.NabRecording;
import dev.benchwatch.device.sim.RecordingReplay;
import dev.benchwatch.device.sim.SimulatedChannel;
import dev.benchwatch.device.sim.SimulatorDevice;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.pipeline.OperatorSpec;
import dev.benchwatch.engine.pipeline.PipelineSpec;
import dev.benchwatch.engine.trigger.TriggerSpec;
import dev.benchwatch.engine.window.WindowResult;
import dev.benchwatch.engine.window.WindowSpec;
import dev.benchwatch.workspace.WorkspaceSetupReport.Part;
import dev.benchwatch.workspace.WorkspaceSetupReport.Problem;
import dev.benchwatch.workspace.file.ChannelConfig;
import dev.benchwatch.workspace.file.DetectorConfig;
import dev.benchwatch.workspace.file.DeviceConfig;
import dev.benchwatch.workspace.file.Durations;
import dev.benchwatch.workspace.file.TriggerConfig;
import dev.benchwatch.workspace.file.Workspace;
import dev.benchwatch.workspace.trigger.EngineTrigger;
import dev.benchwatch.workspace.trigger.TriggerModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Applies a {@link Workspace} to an engine and its device bench, for the console and the headless runner
 * (docs/WORKSPACE.md, "Applying a workspace"). In this order: channels (with units, and scaling), pipelines,
 * windows, triggers, detectors, then the devices, each added to the bench and connected (an MQTT device told
 * which devices it expects). Device health thresholds are not the engine's: {@link HealthSetup} starts the
 * monitor with them.
 *
 * <p><b>Scaling.</b> A channel with {@code scaling} is written by its device to the raw channel
 * {@code <name>.raw} (same device, the device's own unit: a simulator or replay channel's unit, "" for
 * serial and MQTT fields); the pipeline {@code <name>.scaling}, a single map step, makes the named channel
 * from it with the declared unit. Everything else in the workspace (pipelines, windows, triggers, charts)
 * refers to the scaled channel by its declared name. The scaled channel, being a pipeline output, carries
 * no device in the engine's registry.
 *
 * <p><b>Failures</b> are collected, never thrown: a part that cannot be set up (a device whose secret is
 * missing, a port that cannot be opened, a trigger the engine refuses) is reported and the rest is applied.
 * A serial board that is not plugged in is added and keeps trying to open its port, as on a live bench.
 */
public final class WorkspaceSetup {
    /** What a scaled channel's raw channel is called: {@code <name>} + this. */
    public static final String RAW_SUFFIX = ".raw";
    /** What the pipeline that scales a channel is called: {@code <name>} + this. */
    public static final String SCALING_SUFFIX = ".scaling";

    private final Workspace workspace;
    private final Engine engine;
    private final DeviceBench bench;
    private final Map<String, String> environment;
    private final Path baseDirectory;
    private final List<Problem> errors = new ArrayList<>();
    private final Map<String, String> rawChannels = new LinkedHashMap<>();
    /** Per device: the channel name the device uses to where it goes in the engine. */
    private final Map<String, Map<String, RoutedAdapter.Route>> routes = new HashMap<>();

    private PasswordPrompt prompt = PasswordPrompt.NONE;

    private WorkspaceSetup(Workspace workspace, Engine engine, DeviceBench bench, Map<String, String> environment,
                           Path baseDirectory) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.bench = bench; // null: devices are not set up (applyWithoutDevices)
        this.environment = environment == null ? System.getenv() : environment;
        this.baseDirectory = baseDirectory == null ? Path.of("") : baseDirectory;
    }

    /** The raw channel a scaled channel's device writes. */
    public static String rawChannelName(String channel) {
        return channel + RAW_SUFFIX;
    }

    /**
     * Applies {@code workspace}, with relative file names (recordings, CA and key files, password files)
     * taken from the working directory.
     *
     * @param environment where {@code passwordEnv} and {@code keyPassphraseEnv} are looked up; null: the process's
     */
    public static WorkspaceSetupReport apply(Workspace workspace, Engine engine, DeviceBench bench,
                                             Map<String, String> environment) {
        return apply(workspace, engine, bench, environment, Path.of(""));
    }

    /**
     * Applies {@code workspace}, with relative file names taken from {@code baseDirectory} (normally the
     * directory of the workspace file).
     */
    public static WorkspaceSetupReport apply(Workspace workspace, Engine engine, DeviceBench bench,
                                             Map<String, String> environment, Path baseDirectory) {
        return apply(workspace, engine, bench, environment, baseDirectory, PasswordPrompt.NONE);
    }

    /**
     * Applies {@code workspace}, asking {@code prompt} for the password of an MQTT device whose user name the
     * workspace gives without {@code passwordEnv} or {@code passwordFile}.
     */
    public static WorkspaceSetupReport apply(Workspace workspace, Engine engine, DeviceBench bench,
                                             Map<String, String> environment, Path baseDirectory,
                                             PasswordPrompt prompt) {
        Objects.requireNonNull(bench, "bench");
        WorkspaceSetup setup = new WorkspaceSetup(workspace, engine, bench, environment, baseDirectory);
        setup.prompt = Objects.requireNonNull(prompt, "prompt");
        setup.processing();
        List<String> added = setup.devices();
        return new WorkspaceSetupReport(added, setup.errors, setup.rawChannels, workspace.layout());
    }

    /**
     * Applies channels (those the devices define included, with their devices' names and units), pipelines,
     * windows and triggers, but builds, adds and starts none of the devices: for a replay of a recording,
     * which stands in for them. Nothing is opened or connected, so no secret or port is needed.
     */
    public static WorkspaceSetupReport applyWithoutDevices(Workspace workspace, Engine engine) {
        WorkspaceSetup setup = new WorkspaceSetup(workspace, engine, null, Map.of(), Path.of(""));
        setup.processing();
        return new WorkspaceSetupReport(List.of(), setup.errors, setup.rawChannels, workspace.layout());
    }

    private void processing() {
        channels();
        pipelines();
        Set<String> windowIds = windows();
        triggers(windowIds);
        detectors();
    }

    // ------------------------------------------------------------------ channels

    private void channels() {
        Map<String, DeviceConfig> definers = new HashMap<>();
        Set<String> known = new HashSet<>();
        for (DeviceConfig device : workspace.devices()) {
            for (String channel : device.definedChannels()) {
                definers.putIfAbsent(channel, device);
                known.add(channel);
            }
        }
        workspace.channels().forEach(c -> known.add(c.name()));
        workspace.pipelines().forEach(p -> known.add(p.output()));
        Set<String> pipelineIds = new HashSet<>();
        workspace.pipelines().forEach(p -> pipelineIds.add(p.id()));
        Set<String> declared = new HashSet<>();

        for (ChannelConfig channel : workspace.channels()) {
            declared.add(channel.name());
            DeviceConfig definer = definers.get(channel.name());
            String device = definer != null ? definer.name() : channel.device();
            String deviceUnit = definer == null ? "" : definedUnit(definer, channel.name());
            try {
                RoutedAdapter.Route route;
                if (channel.scaling() != null) {
                    String raw = rawChannelName(channel.name());
                    String pipelineId = channel.name() + SCALING_SUFFIX;
                    if (known.contains(raw)) {
                        throw new IllegalArgumentException("cannot scale it: its raw channel name '" + raw
                                + "' is already a channel of the workspace");
                    }
                    if (pipelineIds.contains(pipelineId)) {
                        throw new IllegalArgumentException("cannot scale it: the pipeline id '" + pipelineId
                                + "' is already taken");
                    }
                    engine.registerChannel(raw, deviceUnit, device);
                    engine.addPipeline(new PipelineSpec(pipelineId, raw, channel.name(), channel.unit(),
                            List.<OperatorSpec>of(channel.scaling().toOperator())));
                    rawChannels.put(channel.name(), raw);
                    route = new RoutedAdapter.Route(raw, deviceUnit, device);
                } else {
                    engine.registerChannel(channel.name(), channel.unit(), device);
                    route = new RoutedAdapter.Route(channel.name(), channel.unit(), device);
                }
                routes.computeIfAbsent(device, d -> new HashMap<>()).put(channel.name(), route);
            } catch (RuntimeException e) {
                error(Part.CHANNEL, channel.name(), e);
            }
        }
        // channels simulators and replays define without being declared: registered now, so pipelines,
        // windows and triggers can refer to them before the device has started
        for (DeviceConfig device : workspace.devices()) {
            for (String channel : device.definedChannels()) {
                if (!declared.contains(channel) && definers.get(channel) == device) {
                    try {
                        engine.registerChannel(channel, definedUnit(device, channel), device.name());
                    } catch (RuntimeException e) {
                        error(Part.CHANNEL, channel, e);
                    }
                }
            }
        }
    }

    private static String definedUnit(DeviceConfig device, String channel) {
        return switch (device) {
            case DeviceConfig.Simulator sim -> sim.channels().stream().filter(c -> c.name().equals(channel))
                    .map(DeviceConfig.SimChannel::unit).findFirst().orElse("");
            case DeviceConfig.Replay replay -> replay.unit();
            default -> "";
        };
    }

    // ------------------------------------------------------------------ pipelines, windows, triggers

    /** In dependency order: a pipeline that reads another's output is added after it. */
    private void pipelines() {
        List<PipelineSpec> pending = new ArrayList<>(workspace.pipelines());
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (Iterator<PipelineSpec> it = pending.iterator(); it.hasNext(); ) {
                PipelineSpec pipeline = it.next();
                if (inputsExist(pipeline)) {
                    it.remove();
                    progress = true;
                    addPipeline(pipeline);
                }
            }
        }
        pending.forEach(this::addPipeline); // the engine says which channel is missing
    }

    private boolean inputsExist(PipelineSpec pipeline) {
        if (engine.channels().find(pipeline.input()).isEmpty()) {
            return false;
        }
        for (OperatorSpec operator : pipeline.operators()) {
            if (operator instanceof OperatorSpec.Join join && engine.channels().find(join.otherChannel()).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private void addPipeline(PipelineSpec pipeline) {
        try {
            engine.addPipeline(pipeline);
        } catch (RuntimeException e) {
            error(Part.PIPELINE, pipeline.id(), e);
        }
    }

    /** Adds the workspace's windows; returns the ids of every window the engine now has. */
    private Set<String> windows() {
        Set<String> ids = new HashSet<>();
        for (WindowResult result : engine.snapshotNow().windows()) {
            ids.add(result.windowId());
        }
        for (WindowSpec window : workspace.windows()) {
            try {
                engine.addWindow(window);
                ids.add(window.id());
            } catch (RuntimeException e) {
                error(Part.WINDOW, window.id(), e);
            }
        }
        return ids;
    }

    private void triggers(Set<String> windowIds) {
        for (TriggerConfig trigger : workspace.triggers()) {
            try {
                EngineTrigger built = EngineTrigger.from(model(trigger));
                for (WindowSpec window : built.windows()) {
                    if (windowIds.add(window.id())) {
                        engine.addWindow(window);
                    }
                }
                TriggerSpec spec = built.trigger();
                // the workspace's actions are already the engine's: passed through as written
                engine.addTrigger(new TriggerSpec(spec.id(), spec.name(), spec.severity(), spec.condition(),
                        spec.forNanos(), spec.clearCondition(), spec.cooldownNanos(), trigger.actions(),
                        spec.shadow(), spec.enabled()));
            } catch (RuntimeException e) {
                error(Part.TRIGGER, trigger.id(), e);
            }
        }
    }

    /** Each declared detector runs on its channel and reports excursions as ANOMALY_DETECTED events. */
    private void detectors() {
        for (DetectorConfig detector : workspace.detectors()) {
            try {
                engine.addDetector(detector.channel(), detector.kind(), detector.windowNanos());
            } catch (RuntimeException e) {
                error(Part.DETECTOR, detectorName(detector), e);
            }
        }
    }

    /** How a problem names a detector: {@code zscore(machine_temp, 1h)}, as a trigger operand reads. */
    static String detectorName(DetectorConfig detector) {
        return detector.kind().id() + "(" + detector.channel()
                + (detector.window() == null ? "" : ", " + Durations.format(detector.window())) + ")";
    }

    /** The trigger model of a workspace trigger, without its actions (they stay the engine's specs). */
    static TriggerModel model(TriggerConfig trigger) {
        TriggerConfig conditionsOnly = new TriggerConfig(trigger.id(), trigger.name(), trigger.severity(),
                trigger.mode(), trigger.enabled(), trigger.when(), trigger.holdFor(), trigger.clear(),
                trigger.cooldown(), List.of());
        return TriggerConfigs.toModel(conditionsOnly);
    }

    // ------------------------------------------------------------------ devices

    private List<String> devices() {
        List<String> added = new ArrayList<>();
        for (DeviceConfig device : workspace.devices()) {
            try {
                bench.add(device.kind(), factory(device, routes.getOrDefault(device.name(), Map.of())));
            } catch (IOException | RuntimeException e) {
                error(Part.DEVICE, device.name(), e);
                continue;
            }
            added.add(device.name());
            try {
                bench.connect(device.name());
            } catch (RuntimeException e) {
                error(Part.DEVICE, device.name(), "added but could not connect: " + message(e));
            }
        }
        return added;
    }

    /**
     * What builds the device's adapter (again at every reconnect). Secrets and recordings are resolved here,
     * once; a missing one throws with a message naming what is missing.
     */
    private Supplier<DeviceAdapter> factory(DeviceConfig device, Map<String, RoutedAdapter.Route> routes)
            throws IOException {
        return switch (device) {
            case DeviceConfig.Simulator sim -> () -> new SimulatorDevice(sim.name(), sim.rateHz(),
                    sim.channels().stream().map(c -> {
                        RoutedAdapter.Route route = routes.get(c.name());
                        SimulatedChannel fresh = c.toSimulatedChannel(); // waveforms keep state: new ones each time
                        return route == null ? fresh
                                : new SimulatedChannel(route.channel(), route.unit(), fresh.components());
                    }).toList(), sim.seed());
            case DeviceConfig.Replay replay -> {
                NabRecording recording = NabRecording.read(resolve(replay.file()));
                RoutedAdapter.Route route = routes.get(replay.channel());
                String channel = route == null ? replay.channel() : route.channel();
                String unit = route == null ? replay.unit() : route.unit();
                yield () -> new RecordingReplay(replay.name(), channel, unit, recording, replay.speed(),
                        replay.timestamps());
            }
            case DeviceConfig.Serial serial -> {
                serial.decoder().build(); // settings that do not work fail here, with the decoder's message
                yield () -> routed(serial.usb() == null
                        ? new SerialAdapter(serial.name(), serial.settings(serial.port()),
                                DelimitedFramer.lines(serial.lineEnding()), serial.decoder().build())
                        : SerialAdapter.boundTo(serial.usb(), serial.name(), serial.settings(serial.usb().toString()),
                                DelimitedFramer.lines(serial.lineEnding()), serial.decoder().build(),
                                PortDiscovery::list), routes);
            }
            case DeviceConfig.Mqtt mqtt -> {
                MqttCredentials credentials = credentials(mqtt);
                MqttTls tls = tls(mqtt.tls());
                MqttSettings settings = new MqttSettings(mqtt.host(), mqtt.port(),
                        mqtt.clientId() == null ? "benchwatch-" + mqtt.name() : mqtt.clientId(), mqtt.version(),
                        !mqtt.persistent(), mqtt.topics(), mqtt.qos(), new TopicMapping(
                        Objects.requireNonNullElse(mqtt.deviceTemplate(), DeviceConfig.Mqtt.DEFAULT_DEVICE_TEMPLATE),
                        Objects.requireNonNullElse(mqtt.channelTemplate(), DeviceConfig.Mqtt.DEFAULT_CHANNEL_TEMPLATE)));
                mqtt.decoder().build();
                Set<String> expected = mqtt.expectedDevices().isEmpty() ? null : Set.copyOf(mqtt.expectedDevices());
                yield () -> {
                    MqttAdapter adapter = new MqttAdapter(mqtt.name(), settings, credentials, tls, mqtt.decoder().build());
                    adapter.expectDevices(expected); // another device's message still reads, and is a health alert
                    return routed(adapter, routes);
                };
            }
        };
    }

    private static DeviceAdapter routed(DeviceAdapter adapter, Map<String, RoutedAdapter.Route> routes) {
        return routes.isEmpty() ? adapter : new RoutedAdapter(adapter, routes);
    }

    /** Null for an anonymous connection. */
    private MqttCredentials credentials(DeviceConfig.Mqtt mqtt) throws IOException {
        if (mqtt.username() == null) {
            if (mqtt.passwordEnv() != null || mqtt.passwordFile() != null) {
                throw new IllegalArgumentException("a password is named (passwordEnv or passwordFile) but no username");
            }
            return null;
        }
        if (mqtt.passwordEnv() != null) {
            return MqttCredentials.fromEnvironment(mqtt.username(), mqtt.passwordEnv(), environment);
        }
        if (mqtt.passwordFile() != null) {
            return MqttCredentials.fromFile(mqtt.username(), resolve(mqtt.passwordFile()));
        }
        char[] typed = prompt.password(mqtt.name(), mqtt.username());
        if (typed == null) {
            throw new IllegalArgumentException("user '" + mqtt.username() + "' needs a password: none was typed "
                    + "(or set passwordEnv or passwordFile in the workspace)");
        }
        return MqttCredentials.fromPrompt(mqtt.username(), typed);
    }

    /** Null for plain TCP. */
    private MqttTls tls(DeviceConfig.Tls tls) {
        if (tls == null) {
            return null;
        }
        ClientCertificate certificate = null;
        if (tls.certFile() != null && tls.keyFile() != null) {
            char[] passphrase = null;
            if (tls.keyPassphraseEnv() != null) {
                String value = environment.get(tls.keyPassphraseEnv());
                if (value == null) {
                    throw new IllegalArgumentException("environment variable " + tls.keyPassphraseEnv()
                            + " (the passphrase of key file " + tls.keyFile() + ") is not set");
                }
                passphrase = value.toCharArray();
            }
            certificate = new ClientCertificate(resolve(tls.certFile()), resolve(tls.keyFile()), passphrase);
            if (passphrase != null) {
                java.util.Arrays.fill(passphrase, '\0'); // ClientCertificate keeps its own copy
            }
        }
        return new MqttTls(tls.caFile() == null ? null : resolve(tls.caFile()), tls.verifyHostname(), certificate);
    }

    private Path resolve(String file) {
        return baseDirectory.resolve(file);
    }

    // ------------------------------------------------------------------ errors

    private void error(Part part, String name, Exception e) {
        error(part, name, message(e));
    }

    private void error(Part part, String name, String message) {
        errors.add(new Problem(part, name, message));
    }

    private static String message(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
