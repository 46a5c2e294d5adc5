package dev.benchwatch.workspace.file;

import dev.benchwatch.codec.DecoderSpec;
import dev.benchwatch.codec.frame.DelimitedFramer;
import dev.benchwatch.device.serial.SerialSettings;
import dev.benchwatch.device.serial.UsbIdentity;
import dev.benchwatch.device.sim.RecordingReplay;
import dev.benchwatch.device.sim.SimulatedChannel;
import dev.benchwatch.device.sim.Waveform;
import java.time.Duration;
import java.util.List;

/**
 * A device of the workspace and its settings, one record per kind. Secrets are never part of it: MQTT
 * passwords and key passphrases are named by environment variable or file only (docs/WORKSPACE.md, "Secrets").
 */
public sealed interface DeviceConfig {
    /** The device's unique name in the workspace (the engine's source device). */
    String name();

    /** {@code simulator}, {@code serial}, {@code mqtt} or {@code replay}: the {@code kind} field in the file. */
    String kind();

    /** This device's own health thresholds, over the workspace's ({@link HealthConfig#NONE}: the workspace's). */
    HealthConfig health();

    /** Channels the device itself defines (simulator channels, the replayed channel); others come from data. */
    default List<String> definedChannels() {
        return List.of();
    }

    /** A simulated device ({@code device.sim.SimulatorDevice}): channels made of waveforms. */
    record Simulator(String name, double rateHz, long seed, List<SimChannel> channels, HealthConfig health)
            implements DeviceConfig {
        public static final double DEFAULT_RATE_HZ = 200;

        public Simulator {
            channels = List.copyOf(channels);
            health = health == null ? HealthConfig.NONE : health;
        }

        @Override
        public String kind() {
            return "simulator";
        }

        @Override
        public List<String> definedChannels() {
            return channels.stream().map(SimChannel::name).toList();
        }
    }

    /** A simulated channel: the sum of its waveforms. */
    record SimChannel(String name, String unit, List<WaveformConfig> waveforms) {
        public SimChannel {
            unit = unit == null ? "" : unit;
            waveforms = List.copyOf(waveforms);
        }

        public SimulatedChannel toSimulatedChannel() {
            return new SimulatedChannel(name, unit, waveforms.stream().map(WaveformConfig::toWaveform).toList());
        }
    }

    /** One waveform component, as the file describes it; {@link #toWaveform()} makes a fresh (stateful) one. */
    sealed interface WaveformConfig {
        Waveform toWaveform();

        String type();

        record Sine(double offset, double amplitude, Duration period) implements WaveformConfig {
            @Override
            public Waveform toWaveform() {
                return new Waveform.Sine(offset, amplitude, seconds(period));
            }

            @Override
            public String type() {
                return "sine";
            }
        }

        record Noise(double mean, double sigma) implements WaveformConfig {
            @Override
            public Waveform toWaveform() {
                return new Waveform.Noise(mean, sigma);
            }

            @Override
            public String type() {
                return "noise";
            }
        }

        record Steps(List<Double> levels, Duration hold) implements WaveformConfig {
            public Steps {
                levels = List.copyOf(levels);
            }

            @Override
            public Waveform toWaveform() {
                return new Waveform.Steps(levels.stream().mapToDouble(Double::doubleValue).toArray(), seconds(hold));
            }

            @Override
            public String type() {
                return "steps";
            }
        }

        record RandomWalk(double start, double step, double min, double max) implements WaveformConfig {
            @Override
            public Waveform toWaveform() {
                return new Waveform.RandomWalk(start, step, min, max);
            }

            @Override
            public String type() {
                return "random_walk";
            }
        }

        record Spikes(double height, double probability, boolean twoSided) implements WaveformConfig {
            @Override
            public Waveform toWaveform() {
                return new Waveform.Spikes(height, probability, twoSided);
            }

            @Override
            public String type() {
                return "spikes";
            }
        }

        private static double seconds(Duration duration) {
            return duration.toNanos() / 1e9;
        }
    }

    /**
     * A serial or USB-serial board: either a fixed {@code port} or a USB identity (found again on whatever
     * port it reappears); exactly one of the two is set.
     */
    record Serial(String name, String port, UsbIdentity usb, int baud, int dataBits, SerialSettings.Parity parity,
                  SerialSettings.StopBits stopBits, SerialSettings.FlowControl flow, boolean dtr, boolean rts,
                  DelimitedFramer.LineEnding lineEnding, DecoderSpec decoder, HealthConfig health)
            implements DeviceConfig {
        public Serial {
            health = health == null ? HealthConfig.NONE : health;
        }

        @Override
        public String kind() {
            return "serial";
        }

        /** The port settings; {@code portPath} is the port (for a USB identity: where it was found). */
        public SerialSettings settings(String portPath) {
            return new SerialSettings(portPath, baud, dataBits, parity, stopBits, flow, dtr, rts);
        }
    }

    /**
     * An MQTT broker connection. The password is never here: {@code passwordEnv} names an environment
     * variable, {@code passwordFile} a file only its owner can read; with neither (and a user name) the
     * console prompts.
     *
     * @param clientId        null: {@code benchwatch-<name>}
     * @param tls             null: plain TCP
     * @param expectedDevices the devices (as {@code deviceTemplate} names them from a topic) that may send; a
     *                        message whose topic maps to another is still read and raises a health alert. Empty:
     *                        every device may send
     */
    record Mqtt(String name, String host, int port, String clientId, Tls tls, String username, String passwordEnv,
                String passwordFile, List<String> topics, int qos, int version, boolean persistent,
                String deviceTemplate, String channelTemplate, List<String> expectedDevices, DecoderSpec decoder,
                HealthConfig health) implements DeviceConfig {
        public static final int DEFAULT_QOS = 1;
        public static final int DEFAULT_VERSION = 5;
        public static final String DEFAULT_DEVICE_TEMPLATE = "{-2}";
        public static final String DEFAULT_CHANNEL_TEMPLATE = "{-1}";

        public Mqtt {
            topics = List.copyOf(topics);
            expectedDevices = expectedDevices == null ? List.of() : List.copyOf(expectedDevices);
            health = health == null ? HealthConfig.NONE : health;
        }

        /** 1883, or 8883 with TLS. */
        public static int defaultPort(Tls tls) {
            return tls == null ? 1883 : 8883;
        }

        @Override
        public String kind() {
            return "mqtt";
        }
    }

    /**
     * TLS towards the broker: a CA file (null: the runtime's CAs), and for mutual TLS a certificate and a
     * PKCS#8 key whose passphrase (if any) comes from the environment variable {@code keyPassphraseEnv}.
     */
    record Tls(String caFile, String certFile, String keyFile, String keyPassphraseEnv, boolean verifyHostname) {
    }

    /**
     * A recording replayed as a device (Numenta Anomaly Benchmark CSV).
     *
     * @param speed times real time; {@link RecordingReplay#MAX_SPEED} (written {@code "max"}) as fast as possible
     */
    record Replay(String name, String file, String channel, String unit, double speed,
                  RecordingReplay.Timestamps timestamps, HealthConfig health) implements DeviceConfig {
        public Replay {
            unit = unit == null ? "" : unit;
            health = health == null ? HealthConfig.NONE : health;
        }

        @Override
        public String kind() {
            return "replay";
        }

        @Override
        public List<String> definedChannels() {
            return List.of(channel);
        }
    }
}
