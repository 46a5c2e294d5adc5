package dev.benchwatch.app;

import dev.benchwatch.codec.Decoder;
import dev.benchwatch.device.DeviceAdapter;
import dev.benchwatch.device.serial.SerialAdapter;
import dev.benchwatch.device.serial.SerialSettings;
import java.io.Console;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code benchwatch tail}: connects to one source (a serial port or an MQTT broker) and prints each decoded
 * reading as a JSON line, like {@code mosquitto_sub} for sensors. On exit it prints the readings decoded and
 * the errors per reason to stderr. Exit status 0; 1 when the source refused us; 2 for bad options.
 */
@Command(name = "tail", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Print each decoded reading of one source as a JSON line: {\"t\", \"device\", \"channel\", \"value\"}.")
public final class TailCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    /** Exactly one source. */
    static final class Source {
        @Option(names = "--serial", required = true, paramLabel = "PORT", description = "Serial port, e.g. /dev/ttyACM0.")
        String serialPort;

        @Option(names = "--mqtt", required = true, paramLabel = "URL",
                description = "Broker, e.g. tcp://localhost:1883 or ssl://broker.lab:8883.")
        String mqttUrl;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--baud", defaultValue = "115200", description = "Serial: baud rate (default: ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--device", defaultValue = "serial", description = "Serial: device name in the output (default: ${DEFAULT-VALUE}).")
    String device;

    @Mixin
    DecoderOptions decoding;

    @Mixin
    FramingOptions framing;

    @Mixin
    MqttSourceOptions mqtt;

    @Option(names = "--count", description = "Stop after N readings.")
    long count;

    @Option(names = "--duration", description = "Stop after this long, e.g. 10s.")
    Duration duration;

    private final Map<String, String> environment;

    public TailCommand() {
        this(System.getenv());
    }

    /** @param environment where --password-env and --key-passphrase-env are looked up */
    TailCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DeviceAdapter adapter;
        try {
            adapter = adapter();
        } catch (IllegalArgumentException e) {
            err.println("tail: " + e.getMessage());
            return 2;
        }
        ReadingPrinter printer = new ReadingPrinter(out, err, count);
        adapter.onDecodeError(e -> {
            synchronized (err) {
                err.println("# " + e);
                err.flush();
            }
        });
        adapter.start(printer);
        try {
            if (duration != null) {
                printer.done().await(duration.toNanos(), TimeUnit.NANOSECONDS);
            } else {
                printer.done().await();
            }
        } finally {
            adapter.close();
        }
        synchronized (err) {
            err.println("# " + printer.printed() + " readings decoded; errors " + adapter.errorCounts()
                    + (adapter instanceof dev.benchwatch.device.mqtt.MqttAdapter
                    ? "; QoS 0 messages dropped by the MQTT client: " + dev.benchwatch.device.mqtt.MqttAdapter.droppedByClientQueue()
                    : ""));
            err.flush();
        }
        return printer.failure() == null ? 0 : 1;
    }

    private DeviceAdapter adapter() throws java.io.IOException {
        Decoder decoder = decoding.decoder();
        if (source.serialPort != null) {
            return new SerialAdapter(device, SerialSettings.of(source.serialPort, baud), framing.framer(decoding.binary()),
                    decoder);
        }
        return mqtt.adapter("tail", source.mqttUrl, decoder, environment, TailCommand::promptWithoutEcho);
    }

    private static char[] promptWithoutEcho(String question) {
        Console console = System.console();
        return console == null ? null : console.readPassword("%s", question);
    }
}
