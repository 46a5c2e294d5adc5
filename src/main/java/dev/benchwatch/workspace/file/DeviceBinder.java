package dev.benchwatch.workspace.file;

import dev.benchwatch.codec.DecoderSpec;
import dev.benchwatch.codec.frame.DelimitedFramer;
import dev.benchwatch.device.serial.SerialSettings;
import dev.benchwatch.device.serial.UsbIdentity;
import dev.benchwatch.device.sim.RecordingReplay;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Binds one device of the {@code devices} section: a simulator, serial, MQTT or replay device. */
final class DeviceBinder {
    private static final String DEVICE_KINDS = "simulator, serial, mqtt, replay";

    /** MQTT payloads are JSON (or bare numbers) unless the file says otherwise. */
    static final DecoderSpec DEFAULT_MQTT_DECODER = new DecoderSpec(DecoderSpec.Format.JSON, List.of(), false, Map.of(), null, null);

    private final Problems problems;
    private final DefinedNames names = new DefinedNames();
    private final WaveformBinder waveforms;
    private final DecoderBinder decoders;

    DeviceBinder(Problems problems) {
        this.problems = problems;
        this.waveforms = new WaveformBinder(problems);
        this.decoders = new DecoderBinder(problems);
    }

    /** The device names defined so far. */
    Set<String> names() {
        return names.all();
    }

    DeviceConfig bind(Json node, String path) {
        Fields f = Fields.of(node, path, "a device", problems);
        if (f == null) {
            return null;
        }
        String name = f.identifier("name", true, "a device name");
        names.define(name, f, "name", "device");
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
            List<DeviceConfig.WaveformConfig> waveforms = c.list("waveforms", true, "waveforms", this.waveforms::bind);
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
        DecoderSpec decoder = decoders.bind(f, DecoderSpec.kv());
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
        DecoderSpec decoder = decoders.bind(f, DEFAULT_MQTT_DECODER);
        return new DeviceConfig.Mqtt(name, host, port, clientId, tls, username, passwordEnv, passwordFile, topics, qos,
                version, persistent, deviceTemplate, channelTemplate, expectedDevices, decoder,
                HealthBinder.member(f, problems));
    }

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
}
