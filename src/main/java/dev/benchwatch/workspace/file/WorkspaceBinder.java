package dev.benchwatch.workspace.file;

import dev.benchwatch.codec.DecoderSpec;
import dev.benchwatch.codec.frame.DelimitedFramer;
import dev.benchwatch.device.serial.SerialSettings;
import dev.benchwatch.device.serial.UsbIdentity;
import dev.benchwatch.device.sim.RecordingReplay;
import dev.benchwatch.engine.action.ActionSpec;
import dev.benchwatch.engine.detect.DetectorKind;
import dev.benchwatch.engine.pipeline.JoinFunction;
import dev.benchwatch.engine.pipeline.OperatorSpec;
import dev.benchwatch.engine.pipeline.PipelineSpec;
import dev.benchwatch.engine.trigger.ComparisonOp;
import dev.benchwatch.engine.trigger.Severity;
import dev.benchwatch.engine.window.Stat;
import dev.benchwatch.engine.window.WindowKind;
import dev.benchwatch.engine.window.WindowSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a migrated, current-version tree into a {@link Workspace}, reporting every problem with its
 * location: types, ranges, required and unknown fields, duplicate names, references to devices and
 * channels that do not exist (also a detector's channel), and (through the {@link TriggerTextCheck}) trigger
 * conditions. Device health settings are read by {@link HealthBinder}.
 */
final class WorkspaceBinder {
    private static final String DEVICE_KINDS = "simulator, serial, mqtt, replay";

    private final String source;
    private final TriggerTextCheck triggerCheck;
    private final Problems problems;

    /** Names defined so far, with where (for duplicate messages). */
    private final Map<String, String> deviceNames = new LinkedHashMap<>();
    private final Map<String, String> channelNames = new LinkedHashMap<>();
    private final Map<String, String> pipelineIds = new LinkedHashMap<>();
    private final Map<String, String> pipelineOutputs = new LinkedHashMap<>();
    private final Map<String, String> windowIds = new LinkedHashMap<>();
    private final Map<String, String> triggerIds = new LinkedHashMap<>();
    /** Detectors by channel, kind and window, with where (a duplicate is an error). */
    private final Map<String, String> detectorKeys = new LinkedHashMap<>();
    /** References checked once everything is defined. */
    private final List<Reference> references = new ArrayList<>();
    private final List<Condition> conditions = new ArrayList<>();

    private enum Target { DEVICE, CHANNEL }

    private record Reference(Target target, String name, Json at, String path) {
    }

    private record Condition(Json.Str text, String path) {
    }

    WorkspaceBinder(String source, TriggerTextCheck triggerCheck, Problems problems) {
        this.source = source;
        this.triggerCheck = triggerCheck;
        this.problems = problems;
    }

    Workspace bind(Json.Obj root) {
        Fields top = new Fields(root, WorkspaceError.ROOT, problems);
        int version = top.whole("schemaVersion", true, Workspace.CURRENT_SCHEMA_VERSION, 0, Workspace.CURRENT_SCHEMA_VERSION);
        List<DeviceConfig> devices = top.list("devices", false, "devices", this::device);
        List<ChannelConfig> channels = top.list("channels", false, "channels", this::channel);
        List<PipelineSpec> pipelines = top.list("pipelines", false, "pipelines", this::pipeline);
        List<WindowSpec> windows = top.list("windows", false, "windows", this::window);
        List<TriggerConfig> triggers = top.list("triggers", false, "triggers", this::trigger);
        List<DetectorConfig> detectors = top.list("detectors", false, "detectors", this::detector);
        HealthConfig health = HealthBinder.member(top, problems);
        Json layoutNode = top.raw("layout");
        Layout layout = layoutNode == null ? Layout.DEFAULT : layout(layoutNode, top.path("layout"));
        top.rejectUnknown();
        checkPipelineOutputs(devices, pipelines);
        checkReferences(devices, pipelines);
        checkPipelineCycles(pipelines);
        checkConditions(devices, pipelines);
        return problems.isEmpty()
                ? new Workspace(version, devices, channels, pipelines, windows, triggers, detectors, health, layout)
                : null;
    }

    // ---- devices

    private DeviceConfig device(Json node, String path) {
        Fields f = Fields.of(node, path, "a device", problems);
        if (f == null) {
            return null;
        }
        String name = f.identifier("name", true, "a device name");
        define(deviceNames, name, f, "name", "device");
        Json kindNode = f.raw("kind");
        DeviceConfig device;
        if (kindNode == null) {
            f.missing("kind", "one of " + DEVICE_KINDS);
            return null;
        }
        String kind = kindNode instanceof Json.Str s ? s.value() : null;
        if (kind == null || !List.of("simulator", "serial", "mqtt", "replay").contains(kind)) {
            f.error(kindNode, "kind", "expected one of " + DEVICE_KINDS + ", got " + kindNode.show());
            return null;
        }
        device = switch (kind) {
            case "simulator" -> simulator(f, name);
            case "serial" -> serial(f, name);
            case "mqtt" -> mqtt(f, name);
            default -> replay(f, name);
        };
        f.rejectUnknown();
        return f.ok() ? device : null;
    }

    private DeviceConfig simulator(Fields f, String name) {
        double rate = f.number("rate", false, DeviceConfig.Simulator.DEFAULT_RATE_HZ,
                "readings per second per channel, more than 0 and at most 1000000", r -> r > 0 && r <= 1_000_000);
        long seed = f.whole("seed", false, 0L, Long.MIN_VALUE, Long.MAX_VALUE);
        List<DeviceConfig.SimChannel> channels = f.list("channels", true, "simulated channels", (node, path) -> {
            Fields c = Fields.of(node, path, "a simulated channel", problems);
            if (c == null) {
                return null;
            }
            String channelName = c.identifier("name", true, "a channel name");
            String unit = c.text("unit", false, "", "a unit text such as \"°C\"");
            List<DeviceConfig.WaveformConfig> waveforms = c.list("waveforms", true, "waveforms", this::waveform);
            if (c.ok() && waveforms.isEmpty()) {
                c.error(c.raw("waveforms"), "waveforms", "expected at least one waveform (sine, noise, steps, random_walk, spikes)");
            }
            c.rejectUnknown();
            return c.ok() ? new DeviceConfig.SimChannel(channelName, unit, waveforms) : null;
        });
        if (f.ok() && channels.isEmpty()) {
            f.error(f.raw("channels"), "channels", "expected at least one simulated channel");
        }
        return new DeviceConfig.Simulator(name, rate, seed, channels, HealthBinder.member(f, problems));
    }

    private DeviceConfig.WaveformConfig waveform(Json node, String path) {
        Fields w = Fields.of(node, path, "a waveform", problems);
        if (w == null) {
            return null;
        }
        String type = w.name("type", true, null, "one of sine, noise, steps, random_walk, spikes");
        if (type == null) {
            return null;
        }
        DeviceConfig.WaveformConfig result = switch (type) {
            case "sine" -> new DeviceConfig.WaveformConfig.Sine(w.number("offset", false, 0), w.number("amplitude", true, 0),
                    w.duration("period", true, Duration.ofSeconds(1), true));
            case "noise" -> new DeviceConfig.WaveformConfig.Noise(w.number("mean", false, 0),
                    w.number("sigma", true, 0, "a standard deviation >= 0", s -> s >= 0));
            case "steps" -> {
                List<Double> levels = w.list("levels", true, "numbers", (n, p) -> {
                    if (n instanceof Json.Num num && Double.isFinite(num.doubleValue())) {
                        return num.doubleValue();
                    }
                    problems.at(n, p, "expected a number, got " + n.show());
                    return null;
                });
                if (w.ok() && levels.isEmpty()) {
                    w.error(w.raw("levels"), "levels", "expected at least one level");
                }
                yield new DeviceConfig.WaveformConfig.Steps(levels, w.duration("hold", true, Duration.ofSeconds(1), true));
            }
            case "random_walk" -> {
                double start = w.number("start", false, 0);
                double step = w.number("step", true, 0, "a step standard deviation >= 0", s -> s >= 0);
                double min = w.number("min", true, -1);
                double max = w.number("max", true, 1);
                if (w.ok() && !(min < max && start >= min && start <= max)) {
                    w.error(w.raw("min") , "min", "expected min < max with start within them, got start " + JsonText.number(start)
                            + " in [" + JsonText.number(min) + ", " + JsonText.number(max) + "]");
                }
                yield new DeviceConfig.WaveformConfig.RandomWalk(start, step, min, max);
            }
            case "spikes" -> new DeviceConfig.WaveformConfig.Spikes(w.number("height", true, 0),
                    w.number("probability", true, 0, "a probability per reading from 0 to 1", p -> p >= 0 && p <= 1),
                    w.flag("twoSided", false));
            default -> {
                w.error(w.raw("type"), "type", "expected one of sine, noise, steps, random_walk, spikes, got "
                        + w.raw("type").show());
                yield null;
            }
        };
        w.rejectUnknown();
        return w.ok() ? result : null;
    }

    private DeviceConfig serial(Fields f, String name) {
        String port = f.name("port", false, null, "a port path such as /dev/ttyACM0 or COM3");
        Json usbNode = f.raw("usb");
        UsbIdentity usb = null;
        if (usbNode != null) {
            try {
                usb = usbNode instanceof Json.Str s ? UsbIdentity.parse(s.value()) : null;
            } catch (IllegalArgumentException e) {
                usb = null;
            }
            if (usb == null) {
                f.error(usbNode, "usb", "expected a USB identity VID:PID[:SERIAL] in hex, e.g. \"2341:0043\", got " + usbNode.show());
            }
        }
        if (f.object().has("port") == f.object().has("usb")) {
            problems.at(f.object(), f.path("port"), f.object().has("port")
                    ? "expected either port or usb, not both"
                    : "missing field 'port'; expected a port path such as /dev/ttyACM0, or usb (VID:PID[:SERIAL])");
        }
        int baud = f.whole("baud", true, 115_200, 50, 20_000_000);
        int dataBits = f.whole("dataBits", false, 8, 5, 8);
        SerialSettings.Parity parity = f.choice("parity", SerialSettings.Parity.class, SerialSettings.Parity.NONE, false);
        SerialSettings.StopBits stopBits = SerialSettings.StopBits.ONE;
        Json stopNode = f.raw("stopBits");
        if (stopNode != null) {
            stopBits = stopNode instanceof Json.Num n ? switch (n.text()) {
                case "1" -> SerialSettings.StopBits.ONE;
                case "1.5" -> SerialSettings.StopBits.ONE_POINT_FIVE;
                case "2" -> SerialSettings.StopBits.TWO;
                default -> null;
            } : null;
            if (stopBits == null) {
                f.error(stopNode, "stopBits", "expected 1, 1.5 or 2, got " + stopNode.show());
            }
        }
        SerialSettings.FlowControl flow = f.choice("flow", SerialSettings.FlowControl.class, SerialSettings.FlowControl.NONE, false);
        boolean dtr = f.flag("dtr", true);
        boolean rts = f.flag("rts", true);
        DelimitedFramer.LineEnding lineEnding = f.choice("lineEnding", DelimitedFramer.LineEnding.class,
                DelimitedFramer.LineEnding.AUTO, false);
        DecoderSpec decoder = decoder(f, DecoderSpec.kv());
        return new DeviceConfig.Serial(name, port, usb, baud, dataBits, parity, stopBits, flow, dtr, rts, lineEnding, decoder,
                HealthBinder.member(f, problems));
    }

    private DeviceConfig mqtt(Fields f, String name) {
        String host = f.name("host", true, "localhost", "a broker host name or address");
        Json tlsNode = f.raw("tls");
        DeviceConfig.Tls tls = tlsNode == null ? null : tls(tlsNode, f.path("tls"));
        if (tlsNode != null && tls == null) {
            f.fail();
        }
        int port = f.whole("port", false, DeviceConfig.Mqtt.defaultPort(tls), 1, 65_535);
        String clientId = f.name("clientId", false, null, "a client id");
        String username = f.name("username", false, null, "a user name");
        String passwordEnv = f.identifier("passwordEnv", false, "the name of an environment variable");
        String passwordFile = f.name("passwordFile", false, null, "the path of a file only you can read (chmod 600)");
        if (passwordEnv != null && passwordFile != null) {
            f.error(f.raw("passwordFile"), "passwordFile", "expected either passwordEnv or passwordFile, not both");
        }
        List<String> topics = f.list("topics", true, "topic filters", (node, path) -> {
            if (node instanceof Json.Str s && !s.value().isBlank()) {
                return s.value();
            }
            problems.at(node, path, "expected a topic filter such as \"lab/+/temp\", got " + node.show());
            return null;
        });
        if (f.ok() && topics.isEmpty()) {
            f.error(f.raw("topics"), "topics", "expected at least one topic filter");
        }
        int qos = f.whole("qos", false, DeviceConfig.Mqtt.DEFAULT_QOS, 0, 2);
        Json versionNode = f.raw("version");
        int version = DeviceConfig.Mqtt.DEFAULT_VERSION;
        if (versionNode != null) {
            if (versionNode instanceof Json.Num n && (n.text().equals("3") || n.text().equals("5"))) {
                version = Integer.parseInt(n.text());
            } else {
                f.error(versionNode, "version", "expected 3 (MQTT 3.1.1) or 5, got " + versionNode.show());
            }
        }
        boolean persistent = f.flag("persistent", false);
        String deviceTemplate = f.name("deviceTemplate", false, DeviceConfig.Mqtt.DEFAULT_DEVICE_TEMPLATE,
                "a template of topic levels such as \"{1}\" or \"{-2}\"");
        String channelTemplate = f.name("channelTemplate", false, DeviceConfig.Mqtt.DEFAULT_CHANNEL_TEMPLATE,
                "a template of topic levels such as \"{2}\" or \"{-1}\"");
        List<String> expectedDevices = f.list("expectedDevices", false, "device names as deviceTemplate gives them",
                (node, path) -> {
                    if (node instanceof Json.Str s && !s.value().isBlank()) {
                        return s.value();
                    }
                    problems.at(node, path, "expected a device name such as \"oven\", got " + node.show());
                    return null;
                });
        if (f.ok() && f.object().has("expectedDevices") && expectedDevices.isEmpty()) {
            f.error(f.raw("expectedDevices"), "expectedDevices", "expected at least one device name; leave "
                    + "expectedDevices out to accept messages from every device");
        }
        DecoderSpec decoder = decoder(f, DEFAULT_MQTT_DECODER);
        return new DeviceConfig.Mqtt(name, host, port, clientId, tls, username, passwordEnv, passwordFile, topics, qos,
                version, persistent, deviceTemplate, channelTemplate, expectedDevices, decoder,
                HealthBinder.member(f, problems));
    }

    /** MQTT payloads are JSON (or bare numbers) unless the file says otherwise. */
    static final DecoderSpec DEFAULT_MQTT_DECODER = new DecoderSpec(DecoderSpec.Format.JSON, List.of(), false, Map.of(), null, null);

    private DeviceConfig.Tls tls(Json node, String path) {
        Fields t = Fields.of(node, path, "TLS settings", problems);
        if (t == null) {
            return null;
        }
        String ca = t.name("caFile", false, null, "the path of a PEM file with the CA certificate");
        String cert = t.name("certFile", false, null, "the path of a PEM client certificate");
        String key = t.name("keyFile", false, null, "the path of a PKCS#8 PEM key");
        String passphraseEnv = t.identifier("keyPassphraseEnv", false, "the name of an environment variable");
        boolean verify = t.flag("verifyHostname", true);
        if ((cert == null) != (key == null)) {
            t.error(t.object(), cert == null ? "certFile" : "keyFile", "mutual TLS needs both certFile and keyFile");
        }
        t.rejectUnknown();
        return t.ok() ? new DeviceConfig.Tls(ca, cert, key, passphraseEnv, verify) : null;
    }

    private DeviceConfig replay(Fields f, String name) {
        String file = f.name("file", true, "", "the path of a recording (timestamp,value CSV)");
        String channel = f.identifier("channel", true, "a channel name");
        String unit = f.text("unit", false, "", "a unit text such as \"°C\"");
        double speed = 1;
        Json speedNode = f.raw("speed");
        if (speedNode != null) {
            if (speedNode instanceof Json.Str s && s.value().equals("max")) {
                speed = RecordingReplay.MAX_SPEED;
            } else if (speedNode instanceof Json.Num n && n.doubleValue() > 0 && Double.isFinite(n.doubleValue())) {
                speed = n.doubleValue();
            } else {
                f.error(speedNode, "speed", "expected a positive number (times real time) or \"max\", got " + speedNode.show());
            }
        }
        RecordingReplay.Timestamps timestamps = f.choice("timestamps", RecordingReplay.Timestamps.class,
                RecordingReplay.Timestamps.LIVE, false);
        return new DeviceConfig.Replay(name, file, channel, unit, speed, timestamps, HealthBinder.member(f, problems));
    }

    private DecoderSpec decoder(Fields device, DecoderSpec fallback) {
        Json node = device.raw("decoder");
        if (node == null) {
            return fallback;
        }
        Fields d = Fields.of(node, device.path("decoder"), "decoder settings", problems);
        if (d == null) {
            device.fail();
            return fallback;
        }
        DecoderSpec.Format format = d.choice("format", DecoderSpec.Format.class, DecoderSpec.Format.KV, true);
        List<String> names = d.list("names", false, "field names", this::plainName);
        boolean header = d.flag("header", false);
        Map<String, String> pointers = new LinkedHashMap<>();
        Json pointersNode = d.raw("pointers");
        if (pointersNode != null) {
            Fields p = Fields.of(pointersNode, d.path("pointers"), "field names mapped to JSON pointers", problems);
            if (p != null) {
                for (String field : p.object().members().keySet()) {
                    String pointer = p.text(field, true, null, "a JSON pointer such as \"/sensors/0/temp\"");
                    if (pointer != null) {
                        pointers.put(field, pointer);
                    }
                }
            }
        }
        String pattern = d.name("pattern", false, null, "a regular expression with named groups");
        String layout = d.name("layout", false, null, "a binary layout such as \"temp:f32, raw:u16be\"");
        d.rejectUnknown();
        if (!d.ok() || problemsInside(pointersNode)) {
            device.fail();
            return fallback;
        }
        DecoderSpec spec = new DecoderSpec(format, names, header, pointers, pattern, layout);
        try {
            spec.build();
        } catch (IllegalArgumentException e) {
            device.error(node, "decoder", "the decoder settings do not work: " + e.getMessage());
        }
        return spec;
    }

    private boolean problemsInside(Json pointers) {
        return pointers != null && !(pointers instanceof Json.Obj o && o.members().values().stream()
                .allMatch(m -> m.value() instanceof Json.Str));
    }

    private String plainName(Json node, String path) {
        if (node instanceof Json.Str s && !s.value().isBlank()) {
            return s.value();
        }
        problems.at(node, path, "expected a name, got " + node.show());
        return null;
    }

    // ---- channels

    private ChannelConfig channel(Json node, String path) {
        Fields f = Fields.of(node, path, "a channel", problems);
        if (f == null) {
            return null;
        }
        String name = f.identifier("name", true, "a channel name");
        define(channelNames, name, f, "name", "channel");
        String unit = f.text("unit", false, "", "a unit text such as \"°C\"");
        String device = f.identifier("device", true, "the name of a device of this workspace");
        reference(Target.DEVICE, device, f, "device");
        ChannelConfig.Scaling scaling = null;
        Json scalingNode = f.raw("scaling");
        if (scalingNode != null) {
            Fields s = Fields.of(scalingNode, f.path("scaling"), "a linear scaling {\"scale\": 2, \"offset\": 0}", problems);
            if (s != null) {
                scaling = new ChannelConfig.Scaling(s.number("scale", true, 1), s.number("offset", false, 0));
                s.rejectUnknown();
                if (!s.ok()) {
                    scaling = null;
                }
            }
            if (scaling == null) {
                f.fail();
            }
        }
        f.rejectUnknown();
        return f.ok() ? new ChannelConfig(name, unit, device, scaling) : null;
    }

    // ---- pipelines and windows

    private PipelineSpec pipeline(Json node, String path) {
        Fields f = Fields.of(node, path, "a pipeline", problems);
        if (f == null) {
            return null;
        }
        String id = f.identifier("id", true, "a pipeline id");
        define(pipelineIds, id, f, "id", "pipeline");
        String input = f.identifier("input", true, "the input channel's name");
        reference(Target.CHANNEL, input, f, "input");
        String output = f.identifier("output", true, "the name of the channel the pipeline creates");
        if (input != null && input.equals(output)) {
            f.error(f.raw("output"), "output", "expected a new channel name, different from the input '" + input + "'");
        }
        if (output != null) {
            String earlier = pipelineOutputs.putIfAbsent(output, f.path("output"));
            if (earlier == null) {
                pipelineOutputLocations.put(f.path("output"), f.raw("output").location());
            } else {
                f.error(f.raw("output"), "output", "channel '" + output + "' is already the output of " + earlier
                        + "; expected each pipeline to create its own channel");
            }
        }
        String unit = f.text("unit", false, "", "a unit text such as \"W\"");
        List<OperatorSpec> operators = f.list("operators", false, "operators", this::operator);
        f.rejectUnknown();
        if (!f.ok()) {
            return null;
        }
        pipelineInputs.put(id, new Reference(Target.CHANNEL, input, f.raw("input"), f.path("input")));
        return new PipelineSpec(id, input, output, unit, operators);
    }

    private OperatorSpec operator(Json node, String path) {
        Fields f = Fields.of(node, path, "an operator", problems);
        if (f == null) {
            return null;
        }
        String ops = "filter, map, validate, enrich, join, aggregate";
        String op = f.name("op", true, null, "one of " + ops);
        if (op == null) {
            return null;
        }
        OperatorSpec result = switch (op) {
            case "filter" -> {
                Json compare = f.raw("compare");
                ComparisonOp comparison = ComparisonOp.GT;
                String expected = "one of >, >=, <, <=, ==, !=";
                if (compare == null) {
                    f.missing("compare", expected);
                } else {
                    comparison = compare instanceof Json.Str s ? Arrays.stream(ComparisonOp.values())
                            .filter(c -> c.symbol().equals(s.value())).findFirst().orElse(null) : null;
                    if (comparison == null) {
                        f.error(compare, "compare", "expected " + expected + ", got " + compare.show());
                        comparison = ComparisonOp.GT;
                    }
                }
                yield new OperatorSpec.Filter(comparison, f.number("threshold", true, 0));
            }
            case "map" -> new OperatorSpec.Map(f.number("scale", false, 1), f.number("offset", false, 0));
            case "validate" -> {
                double min = f.number("min", false, Double.NEGATIVE_INFINITY);
                double max = f.number("max", false, Double.POSITIVE_INFINITY);
                Duration maxAge = f.duration("maxAge", false, Duration.ZERO, false);
                if (min > max) {
                    f.error(f.raw("max"), "max", "expected max >= min (" + JsonText.number(min) + "), got " + JsonText.number(max));
                    yield null;
                }
                yield new OperatorSpec.Validate(min, max, maxAge.toNanos());
            }
            case "enrich" -> {
                Map<String, String> tags = new LinkedHashMap<>();
                Json tagsNode = f.raw("tags");
                if (tagsNode == null) {
                    f.missing("tags", "an object of tag names and texts");
                } else if (tagsNode instanceof Json.Obj o && !o.members().isEmpty()) {
                    for (Json.Member m : o.members().values()) {
                        if (m.value() instanceof Json.Str s) {
                            tags.put(m.name(), s.value());
                        } else {
                            problems.at(m.value(), WorkspaceError.member(f.path("tags"), m.name()),
                                    "expected a text, got " + m.value().show());
                            f.fail();
                        }
                    }
                } else {
                    f.error(tagsNode, "tags", "expected a non-empty object of tag names and texts, got " + tagsNode.show());
                }
                yield tags.isEmpty() ? null : new OperatorSpec.Enrich(tags);
            }
            case "join" -> {
                String other = f.identifier("channel", true, "the name of the channel to join");
                reference(Target.CHANNEL, other, f, "channel");
                Duration tolerance = f.duration("tolerance", true, Duration.ZERO, false);
                JoinFunction function = f.choice("function", JoinFunction.class, JoinFunction.MULTIPLY, true);
                yield other == null ? null : new OperatorSpec.Join(other, tolerance.toNanos(), function);
            }
            case "aggregate" -> {
                WindowKind kind = f.choice("window", WindowKind.class, WindowKind.SLIDING_TIME, true);
                long[] size = windowSize(f, kind);
                Stat stat = statistic(f);
                yield stat == null ? null : new OperatorSpec.Aggregate(kind, size[0], (int) size[1], stat);
            }
            default -> {
                f.error(f.raw("op"), "op", "expected one of " + ops + ", got " + f.raw("op").show());
                yield null;
            }
        };
        f.rejectUnknown();
        return f.ok() ? result : null;
    }

    private Stat statistic(Fields f) {
        String expected = "one of " + String.join(", ", Arrays.stream(Stat.values()).map(Stat::key).toList());
        String key = f.name("stat", true, null, expected);
        if (key == null) {
            return null;
        }
        for (Stat stat : Stat.values()) {
            if (stat.key().equals(key)) {
                return stat;
            }
        }
        f.error(f.raw("stat"), "stat", "expected " + expected + ", got " + f.raw("stat").show());
        return null;
    }

    /** {size nanos, count} for a window of {@code kind}: "size" for time windows, "gap" for sessions, "count" for count. */
    private long[] windowSize(Fields f, WindowKind kind) {
        return switch (kind) {
            case COUNT -> new long[] {0, f.whole("count", true, 1, 1, WindowSpec.MAX_COUNT)};
            case SESSION -> new long[] {f.duration("gap", true, Duration.ofSeconds(1), true).toNanos(), 0};
            default -> new long[] {f.duration("size", true, Duration.ofSeconds(1), true).toNanos(), 0};
        };
    }

    private WindowSpec window(Json node, String path) {
        Fields f = Fields.of(node, path, "a window", problems);
        if (f == null) {
            return null;
        }
        String id = f.identifier("id", true, "a window id");
        define(windowIds, id, f, "id", "window");
        String channel = f.identifier("channel", true, "a channel name");
        reference(Target.CHANNEL, channel, f, "channel");
        WindowKind kind = f.choice("kind", WindowKind.class, null, true);
        long[] size = kind == null ? null : windowSize(f, kind);
        f.rejectUnknown();
        return f.ok() && kind != null ? new WindowSpec(id, channel, kind, size[0], (int) size[1]) : null;
    }

    // ---- triggers

    private TriggerConfig trigger(Json node, String path) {
        Fields f = Fields.of(node, path, "a trigger", problems);
        if (f == null) {
            return null;
        }
        String id = f.identifier("id", true, "a trigger id");
        define(triggerIds, id, f, "id", "trigger");
        String name = f.text("name", false, "", "a display name");
        Severity severity = f.choice("severity", Severity.class, TriggerConfig.DEFAULT_SEVERITY, false);
        TriggerConfig.Mode mode = f.choice("mode", TriggerConfig.Mode.class, TriggerConfig.Mode.ARMED, false);
        boolean enabled = f.flag("enabled", true);
        String when = condition(f, "when", true);
        Duration holdFor = f.duration("for", false, Duration.ZERO, false);
        String clear = condition(f, "clear", false);
        Duration cooldown = f.duration("cooldown", false, Duration.ZERO, false);
        List<ActionSpec> actions = f.list("actions", false, "actions", this::action);
        f.rejectUnknown();
        return f.ok() ? new TriggerConfig(id, name, severity, mode, enabled, when, holdFor, clear, cooldown, actions) : null;
    }

    private String condition(Fields f, String field, boolean required) {
        String expected = "a condition in the trigger language, e.g. \"mean(oven_temp, 10s) > 180\"";
        Json node = f.raw(field);
        if (node == null) {
            if (required) {
                f.missing(field, expected);
            }
            return null;
        }
        if (node instanceof Json.Str s && !s.value().isBlank()) {
            conditions.add(new Condition(s, f.path(field)));
            return s.value();
        }
        f.error(node, field, "expected " + expected + ", got " + node.show());
        return null;
    }

    private ActionSpec action(Json node, String path) {
        Fields f = Fields.of(node, path, "an action", problems);
        if (f == null) {
            return null;
        }
        String types = "log, notify, command, mqtt, marker";
        String type = f.name("type", true, null, "one of " + types);
        if (type == null) {
            return null;
        }
        ActionSpec result = switch (type) {
            case "log" -> {
                String message = f.name("message", true, null, "the text to log, e.g. \"{trigger}: {value}\"");
                yield message == null ? null : new ActionSpec.Log(message);
            }
            case "notify" -> {
                String title = f.name("title", true, null, "a notification title, e.g. \"{trigger}\"");
                String message = f.text("message", false, "", "a notification text");
                yield title == null ? null : new ActionSpec.Notify(title, message);
            }
            case "command" -> {
                String device = f.identifier("device", true, "the name of a device of this workspace");
                reference(Target.DEVICE, device, f, "device");
                String payload = f.text("payload", true, null, "the text to send, e.g. \"HEATER OFF\"");
                yield device == null || payload == null ? null : new ActionSpec.DeviceCommand(device, payload);
            }
            case "mqtt" -> {
                String topic = f.name("topic", true, null, "a topic without wildcards, e.g. \"lab/alarms/{trigger}\"");
                if (topic != null && (topic.contains("+") || topic.contains("#"))) {
                    f.error(f.raw("topic"), "topic", "expected a topic without wildcards (+ or #), got " + f.raw("topic").show());
                    topic = null;
                }
                String payload = f.text("payload", false, "", "the message text");
                int qos = f.whole("qos", false, 1, 0, 2);
                boolean retain = f.flag("retain", false);
                yield topic == null ? null : new ActionSpec.MqttPublish(topic, payload, qos, retain);
            }
            case "marker" -> {
                String label = f.name("label", true, null, "the marker's label, e.g. \"{trigger} fired\"");
                yield label == null ? null : new ActionSpec.RecordingMarker(label);
            }
            default -> {
                f.error(f.raw("type"), "type", "expected one of " + types + ", got " + f.raw("type").show());
                yield null;
            }
        };
        f.rejectUnknown();
        return f.ok() ? result : null;
    }

    // ---- detectors

    private static final String DETECTOR_NAMES = Arrays.stream(DetectorKind.values()).map(DetectorKind::id)
            .collect(java.util.stream.Collectors.joining(", "));
    private static final String WINDOWED_DETECTOR_NAMES = Arrays.stream(DetectorKind.values())
            .filter(DetectorKind::takesWindow).map(DetectorKind::id).collect(java.util.stream.Collectors.joining(", "));

    private DetectorConfig detector(Json node, String path) {
        Fields f = Fields.of(node, path, "a detector", problems);
        if (f == null) {
            return null;
        }
        String channel = f.identifier("channel", true, "a channel name");
        reference(Target.CHANNEL, channel, f, "channel");
        DetectorKind kind = detectorKind(f);
        Duration window = f.duration("window", false, null, true);
        if (window != null && kind != null && !kind.takesWindow()) {
            f.error(f.raw("window"), "window", kind.id() + " takes no window; leave it out, or choose a detector "
                    + "that takes one: " + WINDOWED_DETECTOR_NAMES);
        }
        f.rejectUnknown();
        if (!f.ok() || channel == null || kind == null) {
            return null;
        }
        String key = channel + "|" + kind.id() + "|" + (window == null ? "" : window.toNanos());
        String earlier = detectorKeys.putIfAbsent(key, f.path());
        if (earlier != null) {
            f.error(f.raw("detector"), "detector", "duplicate detector: " + kind.id() + " on '" + channel + "'"
                    + (window == null ? "" : " with window " + Durations.format(window)) + " is also " + earlier
                    + "; expected each detector once");
            return null;
        }
        return new DetectorConfig(channel, kind, window);
    }

    private DetectorKind detectorKind(Fields f) {
        Json node = f.raw("detector");
        if (node == null) {
            f.missing("detector", "one of " + DETECTOR_NAMES);
            return null;
        }
        if (node instanceof Json.Str s) {
            for (DetectorKind kind : DetectorKind.values()) {
                if (kind.id().equals(s.value())) {
                    return kind;
                }
            }
            String hint = Problems.closest(s.value(), Arrays.stream(DetectorKind.values()).map(DetectorKind::id).toList());
            f.error(node, "detector", "unknown detector '" + s.value() + "'; "
                    + (hint != null ? "did you mean '" + hint + "'? " : "") + "expected one of " + DETECTOR_NAMES);
            return null;
        }
        f.error(node, "detector", "expected one of " + DETECTOR_NAMES + ", got " + node.show());
        return null;
    }

    // ---- layout

    private Layout layout(Json node, String path) {
        Fields f = Fields.of(node, path, "the layout", problems);
        if (f == null) {
            return null;
        }
        String theme = f.name("theme", false, Layout.DEFAULT_THEME, "one of " + String.join(", ", Layout.THEMES));
        if (!Layout.THEMES.contains(theme)) {
            f.error(f.raw("theme"), "theme", "expected one of " + String.join(", ", Layout.THEMES) + ", got " + f.raw("theme").show());
        }
        Layout.WindowGeometry window = null;
        Json windowNode = f.raw("window");
        if (windowNode != null) {
            Fields w = Fields.of(windowNode, f.path("window"), "the window's geometry", problems);
            if (w != null) {
                String positive = "a size in pixels, more than 0";
                window = new Layout.WindowGeometry(w.number("x", true, 0), w.number("y", true, 0),
                        w.number("width", true, 1, positive, v -> v > 0), w.number("height", true, 1, positive, v -> v > 0),
                        w.flag("maximized", false));
                w.rejectUnknown();
            }
        }
        List<Layout.Chart> charts = f.list("charts", false, "charts", (chartNode, chartPath) -> {
            Fields c = Fields.of(chartNode, chartPath, "a chart", problems);
            if (c == null) {
                return null;
            }
            String title = c.text("title", false, "", "a chart title");
            List<String> channels = c.list("channels", true, "channel names", (channelNode, channelPath) -> {
                if (channelNode instanceof Json.Str s && !s.value().isBlank()) {
                    references.add(new Reference(Target.CHANNEL, s.value(), channelNode, channelPath));
                    return s.value();
                }
                problems.at(channelNode, channelPath, "expected a channel name, got " + channelNode.show());
                return null;
            });
            c.rejectUnknown();
            return c.ok() ? new Layout.Chart(title, channels) : null;
        });
        f.rejectUnknown();
        return new Layout(theme, window, charts);
    }

    // ---- names and references

    private void define(Map<String, String> names, String name, Fields f, String field, String what) {
        if (name == null) {
            return;
        }
        String earlier = names.putIfAbsent(name, f.path());
        if (earlier != null) {
            f.error(f.raw(field), field, "duplicate " + what + " " + field + " '" + name + "' (also " + earlier
                    + "); expected each " + what + " to have its own " + field);
        }
    }

    private void reference(Target target, String name, Fields f, String field) {
        if (name != null) {
            references.add(new Reference(target, name, f.raw(field), f.path(field)));
        }
    }

    /** Every channel a reference may name: declared, defined by a device, or created by a pipeline. */
    private Set<String> knownChannels(List<DeviceConfig> devices, List<PipelineSpec> pipelines) {
        Set<String> channels = new LinkedHashSet<>(channelNames.keySet());
        devices.forEach(d -> channels.addAll(d.definedChannels()));
        channels.addAll(pipelineOutputs.keySet());
        return channels;
    }

    private void checkPipelineOutputs(List<DeviceConfig> devices, List<PipelineSpec> pipelines) {
        Set<String> existing = new LinkedHashSet<>(channelNames.keySet());
        devices.forEach(d -> existing.addAll(d.definedChannels()));
        pipelineOutputs.forEach((output, path) -> {
            if (existing.contains(output)) {
                problems.at(locate(path), path, "channel '" + output + "' already exists (declared or defined by a device); "
                        + "expected a new channel name for the pipeline's output");
            }
        });
    }

    private void checkReferences(List<DeviceConfig> devices, List<PipelineSpec> pipelines) {
        Set<String> channels = knownChannels(devices, pipelines);
        for (Reference ref : references) {
            if (ref.target() == Target.DEVICE && !deviceNames.containsKey(ref.name())) {
                String hint = Problems.closest(ref.name(), deviceNames.keySet());
                problems.at(ref.at(), ref.path(), "unknown device '" + ref.name() + "'; "
                        + (hint != null ? "did you mean '" + hint + "'? " : "")
                        + (deviceNames.isEmpty() ? "expected a device of this workspace, and it has none"
                        : "expected one of the workspace's devices: " + String.join(", ", deviceNames.keySet())));
            } else if (ref.target() == Target.CHANNEL && !channels.contains(ref.name())) {
                String hint = Problems.closest(ref.name(), channels);
                problems.at(ref.at(), ref.path(), "unknown channel '" + ref.name() + "'; "
                        + (hint != null ? "did you mean '" + hint + "'? " : "")
                        + "expected a channel declared in channels, defined by a simulator or replay device, "
                        + "or created by a pipeline");
            }
        }
    }

    private void checkConditions(List<DeviceConfig> devices, List<PipelineSpec> pipelines) {
        Set<String> channels = java.util.Collections.unmodifiableSet(knownChannels(devices, pipelines));
        Set<String> windows = java.util.Collections.unmodifiableSet(windowIds.keySet());
        for (Condition condition : conditions) {
            for (TriggerTextCheck.Problem problem : triggerCheck.check(condition.text().value(), channels, windows)) {
                problems.at(locateInside(condition.text(), problem.offset()), condition.path(), problem.message());
            }
        }
    }

    /** Where each valid pipeline's input stands, for cycle messages. */
    private final Map<String, Reference> pipelineInputs = new LinkedHashMap<>();

    /**
     * A pipeline fed, through inputs and joins, by its own output would never get a first reading; the
     * engine refuses it, so the file is refused too (once per cycle, at the first pipeline of it in the file).
     */
    private void checkPipelineCycles(List<PipelineSpec> pipelines) {
        Map<String, PipelineSpec> producer = new LinkedHashMap<>();
        pipelines.forEach(p -> producer.put(p.output(), p));
        Set<String> reported = new LinkedHashSet<>();
        for (PipelineSpec start : pipelines) {
            List<String> cycle = cycleThrough(start, producer);
            if (cycle != null && java.util.Collections.disjoint(cycle, reported)) {
                reported.addAll(cycle);
                Reference input = pipelineInputs.get(start.id());
                problems.at(input.at(), input.path(), "pipelines " + String.join(" -> ", cycle) + " -> " + start.id()
                        + " feed each other in a cycle; expected every pipeline to start from a device's channel");
            }
        }
    }

    /** The ids of a cycle that leads from {@code start} back to itself, or null. */
    private static List<String> cycleThrough(PipelineSpec start, Map<String, PipelineSpec> producer) {
        java.util.ArrayDeque<List<String>> paths = new java.util.ArrayDeque<>();
        paths.add(List.of(start.id()));
        Map<String, PipelineSpec> byId = new LinkedHashMap<>();
        producer.values().forEach(p -> byId.put(p.id(), p));
        Set<String> seen = new LinkedHashSet<>();
        while (!paths.isEmpty()) {
            List<String> path = paths.poll();
            PipelineSpec last = byId.get(path.get(path.size() - 1));
            List<String> sources = new ArrayList<>();
            sources.add(last.input());
            last.operators().stream().filter(o -> o instanceof OperatorSpec.Join)
                    .forEach(o -> sources.add(((OperatorSpec.Join) o).otherChannel()));
            for (String channel : sources) {
                PipelineSpec feeder = producer.get(channel);
                if (feeder == null) {
                    continue;
                }
                if (feeder.id().equals(start.id())) {
                    List<String> cycle = new ArrayList<>(path);
                    java.util.Collections.reverse(cycle.subList(1, cycle.size()));
                    return cycle;
                }
                if (seen.add(feeder.id())) {
                    List<String> longer = new ArrayList<>(path);
                    longer.add(feeder.id());
                    paths.add(longer);
                }
            }
        }
        return null;
    }

    /** The location of a path recorded earlier (pipeline outputs are kept by path only). */
    private Json.Location locate(String path) {
        return pipelineOutputLocations.getOrDefault(path, Json.Location.NONE);
    }

    private final Map<String, Json.Location> pipelineOutputLocations = new LinkedHashMap<>();

    /**
     * The file location of character {@code offset} of a string value: walks the literal in the source,
     * counting escapes ({@code \n}, {@code \u00b0}) as the one character they stand for.
     */
    Json.Location locateInside(Json.Str string, int offset) {
        Json.Location start = string.location();
        long at = start.charOffset();
        if (at < 0 || at >= source.length() || source.charAt((int) at) != '"') {
            return start;
        }
        int i = (int) at + 1;
        int column = start.column() + 1;
        for (int decoded = 0; decoded < offset && i < source.length() && source.charAt(i) != '"'; decoded++) {
            int width = 1;
            if (source.charAt(i) == '\\') {
                width = i + 1 < source.length() && source.charAt(i + 1) == 'u' ? 6 : 2;
            }
            i += width;
            column += width;
        }
        return new Json.Location(start.line(), column, i);
    }
}
