package dev.benchwatch.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchwatch.codec.Decoder;
import dev.benchwatch.codec.decode.CsvDecoder;
import dev.benchwatch.codec.decode.JsonPointerDecoder;
import dev.benchwatch.codec.decode.LabelValueDecoder;
import dev.benchwatch.codec.decode.RegexDecoder;
import dev.benchwatch.codec.frame.DelimitedFramer;
import dev.benchwatch.device.DeviceOutput;
import dev.benchwatch.device.serial.SerialAdapter;
import dev.benchwatch.device.serial.SerialSettings;
import dev.benchwatch.engine.event.Event;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code benchwatch tail}: connects to one source and prints each decoded reading as a JSON line, like
 * {@code mosquitto_sub} for sensors. On exit it prints the readings decoded and the errors per reason to
 * stderr. Serial for now; MQTT joins with the MQTT adapter.
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = "Print each decoded reading of one source as a JSON line: {\"t\", \"device\", \"channel\", \"value\"}.")
public final class TailCommand implements java.util.concurrent.Callable<Integer> {
    /** Text formats a device may speak. */
    enum Format { KV, CSV, JSON, REGEX, BINARY }

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--serial", required = true, paramLabel = "PORT", description = "Serial port, e.g. /dev/ttyACM0.")
    String port;

    @Option(names = "--baud", defaultValue = "115200", description = "Baud rate (default: ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--device", defaultValue = "serial", description = "Device name in the output (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--line-ending", defaultValue = "AUTO", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    DelimitedFramer.LineEnding lineEnding;

    @Option(names = "--format", defaultValue = "KV", description = "kv (label:value), csv, json, regex (default: kv).")
    Format format;

    @Option(names = "--names", split = ",", description = "CSV column names, or names of bare values (kv).")
    List<String> names = new ArrayList<>();

    @Option(names = "--header", description = "CSV: take the column names from the header line.")
    boolean header;

    @Option(names = "--pointer", paramLabel = "NAME=/json/pointer", description = "JSON field to read (repeatable); "
            + "without any, every numeric leaf.")
    Map<String, String> pointers = new java.util.LinkedHashMap<>();

    @Option(names = "--pattern", description = "Regex with named groups, one per field.")
    String pattern;

    @Option(names = "--count", description = "Stop after N readings.")
    long count;

    @Option(names = "--duration", description = "Stop after this long, e.g. 10s.")
    Duration duration;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Decoder decoder;
        try {
            decoder = decoder();
        } catch (IllegalArgumentException e) {
            err.println("tail: " + e.getMessage());
            return 2;
        }
        ObjectMapper json = new ObjectMapper();
        List<String> channelNames = new ArrayList<>();
        AtomicLong printed = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        String prefix = device + ".";
        DeviceOutput printer = new DeviceOutput() {
            @Override
            public synchronized int channel(String name, String unit, String dev) {
                channelNames.add(name.startsWith(prefix) ? name.substring(prefix.length()) : name);
                return channelNames.size() - 1;
            }

            @Override
            public synchronized boolean reading(int channel, long timestampNanos, double value) {
                if (count > 0 && printed.get() >= count) {
                    return false;
                }
                ObjectNode line = json.createObjectNode();
                line.put("t", Instant.ofEpochSecond(0, timestampNanos).toString());
                line.put("device", device);
                line.put("channel", channelNames.get(channel));
                line.put("value", value);
                out.println(line.toString());
                out.flush();
                if (count > 0 && printed.incrementAndGet() >= count) {
                    done.countDown();
                }
                return true;
            }

            @Override
            public void status(Event event) {
                err.println("# " + event.data());
                err.flush();
            }
        };
        SerialAdapter adapter = new SerialAdapter(device, SerialSettings.of(port, baud),
                DelimitedFramer.lines(lineEnding), decoder);
        adapter.onDecodeError(e -> {
            err.println("# " + e);
            err.flush();
        });
        adapter.start(printer);
        try {
            if (duration != null) {
                done.await(duration.toNanos(), TimeUnit.NANOSECONDS);
            } else {
                done.await();
            }
        } finally {
            adapter.close();
        }
        err.println("# " + Math.min(adapter.readings(), count > 0 ? count : Long.MAX_VALUE)
                + " readings decoded; errors " + adapter.errorCounts());
        err.flush();
        return 0;
    }

    private Decoder decoder() {
        return switch (format) {
            case KV -> new LabelValueDecoder(names, dev.benchwatch.codec.FieldNames.DEFAULT_MAX_FIELDS);
            case CSV -> header ? CsvDecoder.withHeaderLine() : CsvDecoder.withColumns(names);
            case JSON -> pointers.isEmpty() ? JsonPointerDecoder.allNumericLeaves(dev.benchwatch.codec.FieldNames.DEFAULT_MAX_FIELDS)
                    : JsonPointerDecoder.withPointers(pointers.entrySet().stream()
                    .map(e -> new JsonPointerDecoder.Field(e.getKey(), e.getValue())).toList());
            case REGEX -> {
                if (pattern == null) {
                    throw new IllegalArgumentException("--format regex needs --pattern");
                }
                yield new RegexDecoder(pattern);
            }
            case BINARY -> throw new IllegalArgumentException(
                    "--format binary is not available in tail yet (it needs a struct layout; use the API)");
        };
    }
}
