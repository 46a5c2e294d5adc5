package dev.benchwatch.workspace.file;

import dev.benchwatch.codec.DecoderSpec;
import dev.benchwatch.codec.frame.DelimitedFramer;
import dev.benchwatch.device.serial.SerialSettings;
import dev.benchwatch.device.sim.RecordingReplay;
import dev.benchwatch.engine.action.ActionSpec;
import dev.benchwatch.engine.pipeline.OperatorSpec;
import dev.benchwatch.engine.pipeline.PipelineSpec;
import dev.benchwatch.engine.window.WindowKind;
import dev.benchwatch.engine.window.WindowSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Writes a workspace as stable, pretty JSON: two-space indent, fields in a fixed order (the order of
 * docs/WORKSPACE.md), fields that hold their default value left out, tags sorted by name. A canonical file
 * (one this writer produced) reads and writes back byte for byte; any workspace writes and reads back equal.
 */
public final class WorkspaceWriter {
    private static final Json.Location NOWHERE = Json.Location.NONE;

    /** The document text, ending with a newline. */
    public String write(Workspace workspace) {
        return JsonText.print(tree(workspace));
    }

    /** Writes to {@code file} through a temporary file and a rename, so a crash never leaves half a file. */
    public void write(Workspace workspace, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temporary, write(workspace), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static Json.Obj tree(Workspace workspace) {
        Json.Obj root = object();
        root.put("schemaVersion", Json.Num.of(Workspace.CURRENT_SCHEMA_VERSION, NOWHERE));
        root.put("devices", array(workspace.devices(), WorkspaceWriter::device));
        root.put("channels", array(workspace.channels(), WorkspaceWriter::channel));
        root.put("pipelines", array(workspace.pipelines(), WorkspaceWriter::pipeline));
        root.put("windows", array(workspace.windows(), WorkspaceWriter::window));
        root.put("triggers", array(workspace.triggers(), WorkspaceWriter::trigger));
        // sections newer than the first files are written only when used, so a file without them stays one
        // that an older Benchwatch reads
        if (!workspace.detectors().isEmpty()) {
            root.put("detectors", array(workspace.detectors(), WorkspaceWriter::detector));
        }
        health(root, workspace.health());
        if (!workspace.layout().equals(Layout.DEFAULT)) {
            root.put("layout", layout(workspace.layout()));
        }
        return root;
    }

    // ---- devices

    private static Json device(DeviceConfig device) {
        Json.Obj o = object();
        text(o, "name", device.name());
        text(o, "kind", device.kind());
        switch (device) {
            case DeviceConfig.Simulator s -> {
                if (s.rateHz() != DeviceConfig.Simulator.DEFAULT_RATE_HZ) {
                    number(o, "rate", s.rateHz());
                }
                if (s.seed() != 0) {
                    o.put("seed", Json.Num.of(s.seed(), NOWHERE));
                }
                o.put("channels", array(s.channels(), c -> {
                    Json.Obj channel = object();
                    text(channel, "name", c.name());
                    textUnlessEmpty(channel, "unit", c.unit());
                    channel.put("waveforms", array(c.waveforms(), WorkspaceWriter::waveform));
                    return channel;
                }));
            }
            case DeviceConfig.Serial s -> {
                if (s.port() != null) {
                    text(o, "port", s.port());
                }
                if (s.usb() != null) {
                    text(o, "usb", s.usb().toString());
                }
                o.put("baud", Json.Num.of(s.baud(), NOWHERE));
                if (s.dataBits() != 8) {
                    o.put("dataBits", Json.Num.of(s.dataBits(), NOWHERE));
                }
                if (s.parity() != SerialSettings.Parity.NONE) {
                    text(o, "parity", key(s.parity()));
                }
                if (s.stopBits() != SerialSettings.StopBits.ONE) {
                    o.put("stopBits", new Json.Num(s.stopBits() == SerialSettings.StopBits.TWO ? "2" : "1.5",
                            s.stopBits() == SerialSettings.StopBits.TWO, NOWHERE));
                }
                if (s.flow() != SerialSettings.FlowControl.NONE) {
                    text(o, "flow", key(s.flow()));
                }
                if (!s.dtr()) {
                    o.put("dtr", new Json.Bool(false, NOWHERE));
                }
                if (!s.rts()) {
                    o.put("rts", new Json.Bool(false, NOWHERE));
                }
                if (s.lineEnding() != DelimitedFramer.LineEnding.AUTO) {
                    text(o, "lineEnding", key(s.lineEnding()));
                }
                if (!s.decoder().equals(DecoderSpec.kv())) {
                    o.put("decoder", decoder(s.decoder()));
                }
            }
            case DeviceConfig.Mqtt m -> {
                text(o, "host", m.host());
                if (m.port() != DeviceConfig.Mqtt.defaultPort(m.tls())) {
                    o.put("port", Json.Num.of(m.port(), NOWHERE));
                }
                if (m.clientId() != null) {
                    text(o, "clientId", m.clientId());
                }
                if (m.tls() != null) {
                    Json.Obj tls = object();
                    optionalText(tls, "caFile", m.tls().caFile());
                    optionalText(tls, "certFile", m.tls().certFile());
                    optionalText(tls, "keyFile", m.tls().keyFile());
                    optionalText(tls, "keyPassphraseEnv", m.tls().keyPassphraseEnv());
                    if (!m.tls().verifyHostname()) {
                        tls.put("verifyHostname", new Json.Bool(false, NOWHERE));
                    }
                    o.put("tls", tls);
                }
                optionalText(o, "username", m.username());
                optionalText(o, "passwordEnv", m.passwordEnv());
                optionalText(o, "passwordFile", m.passwordFile());
                o.put("topics", strings(m.topics()));
                if (m.qos() != DeviceConfig.Mqtt.DEFAULT_QOS) {
                    o.put("qos", Json.Num.of(m.qos(), NOWHERE));
                }
                if (m.version() != DeviceConfig.Mqtt.DEFAULT_VERSION) {
                    o.put("version", Json.Num.of(m.version(), NOWHERE));
                }
                if (m.persistent()) {
                    o.put("persistent", new Json.Bool(true, NOWHERE));
                }
                if (!m.deviceTemplate().equals(DeviceConfig.Mqtt.DEFAULT_DEVICE_TEMPLATE)) {
                    text(o, "deviceTemplate", m.deviceTemplate());
                }
                if (!m.channelTemplate().equals(DeviceConfig.Mqtt.DEFAULT_CHANNEL_TEMPLATE)) {
                    text(o, "channelTemplate", m.channelTemplate());
                }
                if (!m.expectedDevices().isEmpty()) {
                    o.put("expectedDevices", strings(m.expectedDevices()));
                }
                if (!m.decoder().equals(DeviceBinder.DEFAULT_MQTT_DECODER)) {
                    o.put("decoder", decoder(m.decoder()));
                }
            }
            case DeviceConfig.Replay r -> {
                text(o, "file", r.file());
                text(o, "channel", r.channel());
                textUnlessEmpty(o, "unit", r.unit());
                if (r.speed() == RecordingReplay.MAX_SPEED) {
                    text(o, "speed", "max");
                } else if (r.speed() != 1) {
                    number(o, "speed", r.speed());
                }
                if (r.timestamps() != RecordingReplay.Timestamps.LIVE) {
                    text(o, "timestamps", key(r.timestamps()));
                }
            }
        }
        health(o, device.health());
        return o;
    }

    private static Json waveform(DeviceConfig.WaveformConfig waveform) {
        Json.Obj o = object();
        text(o, "type", waveform.type());
        switch (waveform) {
            case DeviceConfig.WaveformConfig.Sine s -> {
                if (s.offset() != 0 || isNegativeZero(s.offset())) {
                    number(o, "offset", s.offset());
                }
                number(o, "amplitude", s.amplitude());
                text(o, "period", Durations.format(s.period()));
            }
            case DeviceConfig.WaveformConfig.Noise n -> {
                if (n.mean() != 0 || isNegativeZero(n.mean())) {
                    number(o, "mean", n.mean());
                }
                number(o, "sigma", n.sigma());
            }
            case DeviceConfig.WaveformConfig.Steps s -> {
                Json.Arr levels = new Json.Arr(NOWHERE);
                s.levels().forEach(level -> levels.add(Json.Num.of(level, NOWHERE)));
                o.put("levels", levels);
                text(o, "hold", Durations.format(s.hold()));
            }
            case DeviceConfig.WaveformConfig.RandomWalk w -> {
                if (w.start() != 0 || isNegativeZero(w.start())) {
                    number(o, "start", w.start());
                }
                number(o, "step", w.step());
                number(o, "min", w.min());
                number(o, "max", w.max());
            }
            case DeviceConfig.WaveformConfig.Spikes s -> {
                number(o, "height", s.height());
                number(o, "probability", s.probability());
                if (s.twoSided()) {
                    o.put("twoSided", new Json.Bool(true, NOWHERE));
                }
            }
        }
        return o;
    }

    private static Json decoder(DecoderSpec spec) {
        Json.Obj o = object();
        text(o, "format", key(spec.format()));
        if (!spec.names().isEmpty()) {
            o.put("names", strings(spec.names()));
        }
        if (spec.header()) {
            o.put("header", new Json.Bool(true, NOWHERE));
        }
        if (!spec.pointers().isEmpty()) {
            Json.Obj pointers = object();
            spec.pointers().forEach((name, pointer) -> text(pointers, name, pointer));
            o.put("pointers", pointers);
        }
        optionalText(o, "pattern", spec.pattern());
        optionalText(o, "layout", spec.layout());
        return o;
    }

    // ---- channels, pipelines, windows

    private static Json channel(ChannelConfig channel) {
        Json.Obj o = object();
        text(o, "name", channel.name());
        textUnlessEmpty(o, "unit", channel.unit());
        text(o, "device", channel.device());
        if (channel.scaling() != null) {
            Json.Obj scaling = object();
            number(scaling, "scale", channel.scaling().scale());
            if (channel.scaling().offset() != 0 || isNegativeZero(channel.scaling().offset())) {
                number(scaling, "offset", channel.scaling().offset());
            }
            o.put("scaling", scaling);
        }
        return o;
    }

    private static Json pipeline(PipelineSpec pipeline) {
        Json.Obj o = object();
        text(o, "id", pipeline.id());
        text(o, "input", pipeline.input());
        text(o, "output", pipeline.output());
        textUnlessEmpty(o, "unit", pipeline.outputUnit());
        o.put("operators", array(pipeline.operators(), WorkspaceWriter::operator));
        return o;
    }

    private static Json operator(OperatorSpec operator) {
        Json.Obj o = object();
        text(o, "op", operator.operatorName());
        switch (operator) {
            case OperatorSpec.Filter f -> {
                text(o, "compare", f.op().symbol());
                number(o, "threshold", f.threshold());
            }
            case OperatorSpec.Map m -> {
                number(o, "scale", m.scale());
                if (m.offset() != 0 || isNegativeZero(m.offset())) {
                    number(o, "offset", m.offset());
                }
            }
            case OperatorSpec.Validate v -> {
                if (v.min() != Double.NEGATIVE_INFINITY) {
                    number(o, "min", v.min());
                }
                if (v.max() != Double.POSITIVE_INFINITY) {
                    number(o, "max", v.max());
                }
                if (v.maxAgeNanos() != 0) {
                    text(o, "maxAge", Durations.format(Duration.ofNanos(v.maxAgeNanos())));
                }
            }
            case OperatorSpec.Enrich e -> {
                Json.Obj tags = object();
                new TreeMap<>(e.tags()).forEach((name, value) -> text(tags, name, value));
                o.put("tags", tags);
            }
            case OperatorSpec.Join j -> {
                text(o, "channel", j.otherChannel());
                text(o, "tolerance", Durations.format(Duration.ofNanos(j.toleranceNanos())));
                text(o, "function", key(j.function()));
            }
            case OperatorSpec.Aggregate a -> {
                text(o, "window", key(a.kind()));
                size(o, a.kind(), a.sizeNanos(), a.count());
                text(o, "stat", a.stat().key());
            }
        }
        return o;
    }

    private static Json window(WindowSpec window) {
        Json.Obj o = object();
        text(o, "id", window.id());
        text(o, "channel", window.channel());
        text(o, "kind", key(window.kind()));
        size(o, window.kind(), window.sizeNanos(), window.count());
        return o;
    }

    private static void size(Json.Obj o, WindowKind kind, long sizeNanos, int count) {
        switch (kind) {
            case COUNT -> o.put("count", Json.Num.of(count, NOWHERE));
            case SESSION -> text(o, "gap", Durations.format(Duration.ofNanos(sizeNanos)));
            default -> text(o, "size", Durations.format(Duration.ofNanos(sizeNanos)));
        }
    }

    // ---- triggers

    private static Json trigger(TriggerConfig trigger) {
        Json.Obj o = object();
        text(o, "id", trigger.id());
        textUnlessEmpty(o, "name", trigger.name());
        if (trigger.severity() != TriggerConfig.DEFAULT_SEVERITY) {
            text(o, "severity", trigger.severity().key());
        }
        if (trigger.mode() != TriggerConfig.Mode.ARMED) {
            text(o, "mode", key(trigger.mode()));
        }
        if (!trigger.enabled()) {
            o.put("enabled", new Json.Bool(false, NOWHERE));
        }
        text(o, "when", trigger.when());
        if (!trigger.holdFor().isZero()) {
            text(o, "for", Durations.format(trigger.holdFor()));
        }
        optionalText(o, "clear", trigger.clear());
        if (!trigger.cooldown().isZero()) {
            text(o, "cooldown", Durations.format(trigger.cooldown()));
        }
        if (!trigger.actions().isEmpty()) {
            o.put("actions", array(trigger.actions(), WorkspaceWriter::action));
        }
        return o;
    }

    private static Json action(ActionSpec action) {
        Json.Obj o = object();
        switch (action) {
            case ActionSpec.Log l -> {
                text(o, "type", "log");
                text(o, "message", l.message());
            }
            case ActionSpec.Notify n -> {
                text(o, "type", "notify");
                text(o, "title", n.title());
                textUnlessEmpty(o, "message", n.message());
            }
            case ActionSpec.DeviceCommand d -> {
                text(o, "type", "command");
                text(o, "device", d.device());
                text(o, "payload", d.payload());
            }
            case ActionSpec.MqttPublish m -> {
                text(o, "type", "mqtt");
                text(o, "topic", m.topic());
                textUnlessEmpty(o, "payload", m.payload());
                if (m.qos() != 1) {
                    o.put("qos", Json.Num.of(m.qos(), NOWHERE));
                }
                if (m.retain()) {
                    o.put("retain", new Json.Bool(true, NOWHERE));
                }
            }
            case ActionSpec.RecordingMarker r -> {
                text(o, "type", "marker");
                text(o, "label", r.label());
            }
        }
        return o;
    }

    // ---- detectors and device health

    private static Json detector(DetectorConfig detector) {
        Json.Obj o = object();
        text(o, "channel", detector.channel());
        text(o, "detector", detector.kind().id());
        if (detector.window() != null) {
            text(o, "window", Durations.format(detector.window()));
        }
        return o;
    }

    /** The {@code health} member of {@code owner}, with the fields that are set; nothing when none is. */
    private static void health(Json.Obj owner, HealthConfig health) {
        if (health.isEmpty()) {
            return;
        }
        Json.Obj o = object();
        if (health.window() != null) {
            text(o, "window", Durations.format(health.window()));
        }
        if (health.learnTime() != null) {
            text(o, "learnTime", Durations.format(health.learnTime()));
        }
        if (health.warmUp() != null) {
            text(o, "warmUp", Durations.format(health.warmUp()));
        }
        if (health.lowRatio() != null) {
            number(o, "lowRatio", health.lowRatio());
        }
        if (health.highRatio() != null) {
            number(o, "highRatio", health.highRatio());
        }
        if (health.malformedLimit() != null) {
            o.put("malformedLimit", Json.Num.of(health.malformedLimit(), NOWHERE));
        }
        owner.put("health", o);
    }

    // ---- layout

    private static Json layout(Layout layout) {
        Json.Obj o = object();
        if (!layout.theme().equals(Layout.DEFAULT_THEME)) {
            text(o, "theme", layout.theme());
        }
        if (layout.window() != null) {
            Layout.WindowGeometry g = layout.window();
            Json.Obj window = object();
            number(window, "x", g.x());
            number(window, "y", g.y());
            number(window, "width", g.width());
            number(window, "height", g.height());
            if (g.maximized()) {
                window.put("maximized", new Json.Bool(true, NOWHERE));
            }
            o.put("window", window);
        }
        if (!layout.charts().isEmpty()) {
            o.put("charts", array(layout.charts(), chart -> {
                Json.Obj c = object();
                textUnlessEmpty(c, "title", chart.title());
                c.put("channels", strings(chart.channels()));
                return c;
            }));
        }
        return o;
    }

    // ---- helpers

    private static Json.Obj object() {
        return new Json.Obj(NOWHERE);
    }

    private static <T> Json.Arr array(Collection<T> items, java.util.function.Function<T, Json> element) {
        Json.Arr array = new Json.Arr(NOWHERE);
        items.forEach(item -> array.add(element.apply(item)));
        return array;
    }

    private static Json.Arr strings(List<String> items) {
        return array(items, s -> new Json.Str(s, NOWHERE));
    }

    private static void text(Json.Obj o, String name, String value) {
        o.put(name, new Json.Str(value, NOWHERE));
    }

    private static void optionalText(Json.Obj o, String name, String value) {
        if (value != null) {
            text(o, name, value);
        }
    }

    private static void textUnlessEmpty(Json.Obj o, String name, String value) {
        if (value != null && !value.isEmpty()) {
            text(o, name, value);
        }
    }

    private static void number(Json.Obj o, String name, double value) {
        o.put(name, Json.Num.of(value, NOWHERE));
    }

    private static boolean isNegativeZero(double value) {
        return value == 0 && 1 / value < 0;
    }

    private static String key(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
