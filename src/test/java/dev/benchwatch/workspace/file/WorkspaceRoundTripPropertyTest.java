package dev.benchwatch.workspace.file;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * model -> file -> model gives an equal model, and file -> model -> file gives the same bytes, for random
 * valid workspaces: every device kind and setting, odd numbers (-0.0, 5e-324, 1e300), any Unicode in texts.
 */
class WorkspaceRoundTripPropertyTest {
    private final WorkspaceWriter writer = new WorkspaceWriter();

    @Property(tries = 300)
    void modelToFileToModelIsEqual(@ForAll("workspaces") Workspace workspace) {
        String text = writer.write(workspace);
        WorkspaceReader.Result result = new WorkspaceReader().read(text);
        assertThat(result.errors()).as(text).isEmpty();
        assertThat(result.workspace()).isEqualTo(workspace);
    }

    @Property(tries = 300)
    void fileToModelToFileIsByteForByte(@ForAll("workspaces") Workspace workspace) {
        String canonical = writer.write(workspace);
        Workspace read = new WorkspaceReader().read(canonical).workspace();
        assertThat(writer.write(read)).isEqualTo(canonical);
    }

    @net.jqwik.api.Example
    void theGeneratorCoversEveryKindOfDeviceOperatorAndAction() {
        List<Workspace> samples = workspaces().sampleStream().limit(300).toList();
        assertThat(samples.stream().flatMap(w -> w.devices().stream()).map(DeviceConfig::kind).distinct())
                .containsExactlyInAnyOrder("simulator", "serial", "mqtt", "replay");
        assertThat(samples.stream().flatMap(w -> w.pipelines().stream()).flatMap(p -> p.operators().stream())
                .map(OperatorSpec::operatorName).distinct()).hasSize(6);
        assertThat(samples.stream().flatMap(w -> w.triggers().stream()).flatMap(t -> t.actions().stream())
                .map(ActionSpec::kind).distinct()).hasSize(5);
        assertThat(samples.stream().mapToInt(w -> writerLines(w)).max().orElse(0)).isGreaterThan(200);
        assertThat(samples.stream().flatMap(w -> w.detectors().stream()).map(DetectorConfig::kind).distinct())
                .hasSize(DetectorKind.values().length);
        assertThat(samples.stream().flatMap(w -> w.detectors().stream()).filter(d -> d.window() != null)).isNotEmpty();
        assertThat(samples.stream().filter(w -> !w.health().isEmpty())).isNotEmpty();
        assertThat(samples.stream().flatMap(w -> w.devices().stream()).filter(d -> !d.health().isEmpty())).isNotEmpty();
        assertThat(samples.stream().flatMap(w -> w.devices().stream())
                .filter(d -> d instanceof DeviceConfig.Mqtt m && !m.expectedDevices().isEmpty())).isNotEmpty();
    }

    private int writerLines(Workspace workspace) {
        return (int) writer.write(workspace).lines().count();
    }

    @Provide
    Arbitrary<Workspace> workspaces() {
        return Arbitraries.randomValue(random -> new Generator(random).workspace());
    }

    /** Builds one valid workspace: every reference points at something that exists. */
    private static final class Generator {
        private final Random random;
        private final List<String> deviceNames = new ArrayList<>();
        private final List<String> channels = new ArrayList<>();
        private final List<String> windowIds = new ArrayList<>();

        Generator(Random random) {
            this.random = random;
        }

        Workspace workspace() {
            List<DeviceConfig> devices = new ArrayList<>();
            int deviceCount = random.nextInt(5);
            for (int i = 0; i < deviceCount; i++) {
                devices.add(device(i));
            }
            List<ChannelConfig> declared = new ArrayList<>();
            for (int i = 0; !deviceNames.isEmpty() && i < random.nextInt(4); i++) {
                String name = "c" + i + ident();
                declared.add(new ChannelConfig(name, text(), pick(deviceNames),
                        random.nextBoolean() ? null : new ChannelConfig.Scaling(number(), number())));
                channels.add(name);
            }
            List<PipelineSpec> pipelines = new ArrayList<>();
            List<String> outputs = new ArrayList<>();
            int pipelineCount = channels.isEmpty() ? 0 : random.nextInt(4);
            for (int i = 0; i < pipelineCount; i++) {
                outputs.add("p" + i + ident());
            }
            for (int i = 0; i < pipelineCount; i++) {
                // a pipeline may read device channels and earlier pipelines' outputs: chains, never cycles
                List<String> inputs = new ArrayList<>(channels);
                inputs.addAll(outputs.subList(0, i));
                List<OperatorSpec> operators = new ArrayList<>();
                for (int j = 0; j < random.nextInt(4); j++) {
                    operators.add(operator(inputs));
                }
                String input = pick(inputs);
                pipelines.add(new PipelineSpec("pipe" + i + ident(), input, outputs.get(i), text(), operators));
            }
            channels.addAll(outputs);
            List<WindowSpec> windows = new ArrayList<>();
            for (int i = 0; !channels.isEmpty() && i < random.nextInt(5); i++) {
                WindowKind kind = pick(List.of(WindowKind.values()));
                String id = "w" + i + ident();
                windowIds.add(id);
                windows.add(kind == WindowKind.COUNT ? new WindowSpec(id, pick(channels), kind, 0, 1 + random.nextInt(WindowSpec.MAX_COUNT))
                        : new WindowSpec(id, pick(channels), kind, positiveNanos(), 0));
            }
            List<TriggerConfig> triggers = new ArrayList<>();
            for (int i = 0; i < random.nextInt(4); i++) {
                List<ActionSpec> actions = new ArrayList<>();
                for (int j = 0; j < random.nextInt(4); j++) {
                    actions.add(action());
                }
                triggers.add(new TriggerConfig("t" + i + ident(), text(), pick(List.of(Severity.values())),
                        pick(List.of(TriggerConfig.Mode.values())), random.nextBoolean(), nonBlank(),
                        random.nextBoolean() ? Duration.ZERO : Duration.ofNanos(nanos()),
                        random.nextBoolean() ? null : nonBlank(),
                        random.nextBoolean() ? Duration.ZERO : Duration.ofNanos(nanos()), actions));
            }
            List<DetectorConfig> detectors = new ArrayList<>();
            java.util.Set<String> running = new java.util.HashSet<>();
            for (int i = 0; !channels.isEmpty() && i < random.nextInt(4); i++) {
                DetectorConfig detector = detector();
                if (running.add(detector.channel() + "|" + detector.kind() + "|" + detector.windowNanos())) {
                    detectors.add(detector);
                }
            }
            return new Workspace(Workspace.CURRENT_SCHEMA_VERSION, devices, declared, pipelines, windows, triggers,
                    detectors, health(), layout());
        }

        private DetectorConfig detector() {
            DetectorKind kind = pick(List.of(DetectorKind.values()));
            return new DetectorConfig(pick(channels), kind,
                    kind.takesWindow() && random.nextBoolean() ? Duration.ofNanos(positiveNanos()) : null);
        }

        /** Any mix of set and unset thresholds, each within its range; NONE a quarter of the time. */
        private HealthConfig health() {
            if (random.nextInt(4) == 0) {
                return HealthConfig.NONE;
            }
            return new HealthConfig(random.nextBoolean() ? null : Duration.ofNanos(positiveNanos()),
                    random.nextBoolean() ? null : Duration.ofNanos(positiveNanos()),
                    random.nextBoolean() ? null : Duration.ofNanos(nanos()),
                    random.nextBoolean() ? null : pick(List.of(Double.MIN_VALUE, 0.25, 1.0 / 3, Math.nextDown(1.0))),
                    random.nextBoolean() ? null : pick(List.of(Math.nextUp(1.0), 3.0, 1e300)),
                    random.nextBoolean() ? null : random.nextInt(3) == 0 ? Integer.MAX_VALUE : random.nextInt(1000));
        }

        private DeviceConfig device(int index) {
            String name = "d" + index + ident();
            deviceNames.add(name);
            return switch (random.nextInt(4)) {
                case 0 -> {
                    List<DeviceConfig.SimChannel> simChannels = new ArrayList<>();
                    for (int i = 0; i <= random.nextInt(3); i++) {
                        String channel = "s" + index + "_" + i + ident();
                        channels.add(channel);
                        List<DeviceConfig.WaveformConfig> waveforms = new ArrayList<>();
                        for (int j = 0; j <= random.nextInt(3); j++) {
                            waveforms.add(waveform());
                        }
                        simChannels.add(new DeviceConfig.SimChannel(channel, text(), waveforms));
                    }
                    yield new DeviceConfig.Simulator(name, random.nextBoolean() ? 200 : 1e-3 + random.nextDouble() * 999_999,
                            random.nextBoolean() ? 0 : random.nextLong(), simChannels, health());
                }
                case 1 -> {
                    boolean usb = random.nextBoolean();
                    yield new DeviceConfig.Serial(name, usb ? null : nonBlank(),
                            usb ? new UsbIdentity(random.nextInt(0x10000), random.nextInt(0x10000), random.nextBoolean() ? "" : ident()) : null,
                            50 + random.nextInt(20_000_000 - 49), 5 + random.nextInt(4),
                            pick(List.of(SerialSettings.Parity.values())), pick(List.of(SerialSettings.StopBits.values())),
                            pick(List.of(SerialSettings.FlowControl.values())), random.nextBoolean(), random.nextBoolean(),
                            pick(List.of(DelimitedFramer.LineEnding.values())), decoder(), health());
                }
                case 2 -> {
                    DeviceConfig.Tls tls = random.nextBoolean() ? null : tls();
                    int secret = random.nextInt(3);
                    List<String> topics = new ArrayList<>();
                    for (int i = 0; i <= random.nextInt(3); i++) {
                        topics.add(nonBlank());
                    }
                    yield new DeviceConfig.Mqtt(name, nonBlank(), 1 + random.nextInt(65_535), random.nextBoolean() ? null : nonBlank(),
                            tls, random.nextBoolean() ? null : nonBlank(), secret == 1 ? "ENV_" + ident().replace('.', '_').replace('-', '_') : null,
                            secret == 2 ? nonBlank() : null, topics, random.nextInt(3), random.nextBoolean() ? 3 : 5,
                            random.nextBoolean(), random.nextBoolean() ? "{-2}" : nonBlank(), random.nextBoolean() ? "{-1}" : nonBlank(),
                            random.nextBoolean() ? List.of() : List.of(nonBlank(), "oven" + ident()),
                            random.nextBoolean() ? DeviceBinder.DEFAULT_MQTT_DECODER : decoder(), health());
                }
                default -> {
                    String channel = "r" + index + ident();
                    channels.add(channel);
                    double speed = switch (random.nextInt(3)) {
                        case 0 -> 1;
                        case 1 -> RecordingReplay.MAX_SPEED;
                        default -> Double.MIN_VALUE + random.nextDouble() * 1e6;
                    };
                    yield new DeviceConfig.Replay(name, nonBlank(), channel, text(), speed,
                            pick(List.of(RecordingReplay.Timestamps.values())), health());
                }
            };
        }

        private DeviceConfig.Tls tls() {
            boolean mutual = random.nextBoolean();
            return new DeviceConfig.Tls(random.nextBoolean() ? null : nonBlank(), mutual ? nonBlank() : null,
                    mutual ? nonBlank() : null, random.nextBoolean() ? null : "PASS_" + random.nextInt(100), random.nextBoolean());
        }

        private DecoderSpec decoder() {
            return switch (random.nextInt(5)) {
                case 0 -> new DecoderSpec(DecoderSpec.Format.KV, names(), false, Map.of(), null, null);
                case 1 -> random.nextBoolean() ? new DecoderSpec(DecoderSpec.Format.CSV, List.of(), true, Map.of(), null, null)
                        : new DecoderSpec(DecoderSpec.Format.CSV, List.of("a" + ident(), "b" + ident()), false, Map.of(), null, null);
                case 2 -> {
                    Map<String, String> pointers = new LinkedHashMap<>();
                    for (int i = 0; i < random.nextInt(3); i++) {
                        pointers.put("f" + i + ident(), "/" + ident() + "/" + i);
                    }
                    yield new DecoderSpec(DecoderSpec.Format.JSON, List.of(), false, pointers, null, null);
                }
                case 3 -> new DecoderSpec(DecoderSpec.Format.REGEX, List.of(), false, Map.of(), "^T=(?<temp>\\S+) \"é\"$", null);
                default -> new DecoderSpec(DecoderSpec.Format.BINARY, List.of(), false, Map.of(), null, "temp:f32, raw:u16be, flags:u8@12");
            };
        }

        private List<String> names() {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < random.nextInt(3); i++) {
                names.add("n" + i + ident());
            }
            return names;
        }

        private DeviceConfig.WaveformConfig waveform() {
            return switch (random.nextInt(5)) {
                case 0 -> new DeviceConfig.WaveformConfig.Sine(number(), number(), Duration.ofNanos(positiveNanos()));
                case 1 -> new DeviceConfig.WaveformConfig.Noise(number(), Math.abs(number()));
                case 2 -> {
                    List<Double> levels = new ArrayList<>();
                    for (int i = 0; i <= random.nextInt(4); i++) {
                        levels.add(number());
                    }
                    yield new DeviceConfig.WaveformConfig.Steps(levels, Duration.ofNanos(positiveNanos()));
                }
                case 3 -> {
                    double min = -1 - random.nextDouble() * 100;
                    double max = 1 + random.nextDouble() * 100;
                    yield new DeviceConfig.WaveformConfig.RandomWalk(random.nextBoolean() ? 0 : min + (max - min) * random.nextDouble(),
                            Math.abs(number()), min, max);
                }
                default -> new DeviceConfig.WaveformConfig.Spikes(number(), random.nextBoolean() ? random.nextInt(2) : random.nextDouble(),
                        random.nextBoolean());
            };
        }

        private OperatorSpec operator(List<String> inputs) {
            return switch (random.nextInt(6)) {
                case 0 -> new OperatorSpec.Filter(pick(List.of(ComparisonOp.values())), number());
                case 1 -> new OperatorSpec.Map(number(), random.nextBoolean() ? 0 : number());
                case 2 -> {
                    double a = number();
                    double b = number();
                    yield new OperatorSpec.Validate(random.nextBoolean() ? Double.NEGATIVE_INFINITY : Math.min(a, b),
                            random.nextBoolean() ? Double.POSITIVE_INFINITY : Math.max(a, b), random.nextBoolean() ? 0 : nanos());
                }
                case 3 -> {
                    Map<String, String> tags = new LinkedHashMap<>();
                    for (int i = 0; i <= random.nextInt(3); i++) {
                        tags.put("tag" + i + ident(), text());
                    }
                    yield new OperatorSpec.Enrich(tags);
                }
                case 4 -> new OperatorSpec.Join(pick(inputs), nanos(), pick(List.of(JoinFunction.values())));
                default -> {
                    WindowKind kind = pick(List.of(WindowKind.values()));
                    yield kind == WindowKind.COUNT ? new OperatorSpec.Aggregate(kind, 0, 1 + random.nextInt(1000), pick(List.of(Stat.values())))
                            : new OperatorSpec.Aggregate(kind, positiveNanos(), 0, pick(List.of(Stat.values())));
                }
            };
        }

        private ActionSpec action() {
            int kind = random.nextInt(deviceNames.isEmpty() ? 4 : 5);
            return switch (kind) {
                case 0 -> new ActionSpec.Log(nonBlank());
                case 1 -> new ActionSpec.Notify(nonBlank(), text());
                case 2 -> new ActionSpec.MqttPublish(nonBlank().replace('+', 'p').replace('#', 'h'), text(), random.nextInt(3), random.nextBoolean());
                case 3 -> new ActionSpec.RecordingMarker(nonBlank());
                default -> new ActionSpec.DeviceCommand(pick(deviceNames), text());
            };
        }

        private Layout layout() {
            if (random.nextInt(4) == 0) {
                return Layout.DEFAULT;
            }
            List<Layout.Chart> charts = new ArrayList<>();
            for (int i = 0; !channels.isEmpty() && i < random.nextInt(4); i++) {
                List<String> plotted = new ArrayList<>();
                for (int j = 0; j <= random.nextInt(3); j++) {
                    plotted.add(pick(channels));
                }
                charts.add(new Layout.Chart(text(), plotted));
            }
            Layout.WindowGeometry window = random.nextBoolean() ? null : new Layout.WindowGeometry(number(), number(),
                    1 + random.nextInt(4000), 0.5 + random.nextDouble() * 3000, random.nextBoolean());
            return new Layout(pick(Layout.THEMES), window, charts);
        }

        // ---- values

        private <T> T pick(List<T> items) {
            return items.get(random.nextInt(items.size()));
        }

        /** A suffix of identifier characters, so names are unique by their prefix and varied by this. */
        private String ident() {
            String chars = "abcXYZ019_.-";
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < random.nextInt(6); i++) {
                out.append(chars.charAt(random.nextInt(chars.length())));
            }
            return out.toString();
        }

        /** Any text: ASCII, escapes, control characters, accents, symbols, emoji (surrogate pairs). */
        private String text() {
            String[] pieces = {"a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\u0000", "\u001f", "\u007f", "°C", "µs", "é",
                "\u2028", "😀", "{value}", "{trigger}", ":", ",", "[", "}", "password"};
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < random.nextInt(8); i++) {
                out.append(pieces[random.nextInt(pieces.length)]);
            }
            return out.toString();
        }

        private String nonBlank() {
            return "x" + text();
        }

        private double number() {
            return switch (random.nextInt(8)) {
                case 0 -> 0;
                case 1 -> -0.0;
                case 2 -> random.nextInt(2000) - 1000;
                case 3 -> Double.MIN_VALUE;
                case 4 -> (random.nextBoolean() ? 1 : -1) * 1e300 * random.nextDouble();
                case 5 -> Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL) * (random.nextBoolean() ? 1 : -1);
                default -> (random.nextDouble() - 0.5) * 1e6;
            };
        }

        private long nanos() {
            return switch (random.nextInt(3)) {
                case 0 -> random.nextInt(1000) * 1_000_000L;
                case 1 -> random.nextInt(100) * 1_000_000_000L;
                default -> (long) (random.nextDouble() * 999_999_999_999_999L);
            };
        }

        private long positiveNanos() {
            return 1 + nanos();
        }
    }
}
