package dev.benchwatch.bench;

import dev.benchwatch.codec.DecodeError;
import dev.benchwatch.codec.DecodeErrorSink;
import dev.benchwatch.codec.FieldSink;
import dev.benchwatch.codec.decode.CsvDecoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CSV lines per second through {@link CsvDecoder} on one thread, against the obvious way of doing it,
 * measured in the same run. One operation is one line.
 *
 * <p>The input is {@link #LINES} distinct lines of 8 numeric fields, as a data logger or a sensor board
 * prints them: a sample counter, a temperature and a humidity with one or two decimals, a pressure, two
 * signed accelerations, a current in exponent notation ({@code 1.234e-3}) and a signed integer (an RSSI).
 * The lines lie one after another in one buffer and are handed over as (buffer, offset, length) without
 * their line ending, exactly as {@code DelimitedFramer} hands frames to a decoder.
 *
 * <ul>
 *   <li>{@link #csvDecoder}: {@code CsvDecoder.decode} with configured columns; its field sink sums the
 *       values, so every number must really be parsed. This is the whole decoder: UTF-8 check, field
 *       splitting, trimming, the field count check, the grammar check and the number conversion.</li>
 *   <li>{@link #splitParseDouble}: the baseline, {@code new String(bytes, UTF_8).split(",")} and
 *       {@code Double.parseDouble} per field, with the same field count check and the same sum.</li>
 * </ul>
 *
 * The target is {@code csvDecoder >= 2,000,000} lines/s and {@code csvDecoder / splitParseDouble >= 3}.
 * Add {@code -prof gc} to see that the decoder allocates nothing per line (gc.alloc.rate.norm).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CsvDecodeBenchmark {
    /** Distinct lines per invocation: enough that branch predictors cannot learn the input. */
    static final int LINES = 4096;
    static final List<String> COLUMNS = List.of("sample", "temp", "hum", "press", "ax", "ay", "current", "rssi");

    private byte[] stream;
    private final int[] offsets = new int[LINES];
    private final int[] lengths = new int[LINES];
    private CsvDecoder decoder;
    private final FieldSum sink = new FieldSum();
    private final CountingErrors errors = new CountingErrors();

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(20261127L);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int line = 0; line < LINES; line++) {
            byte[] text = line(random, 1_732_665_600 + line).getBytes(StandardCharsets.UTF_8);
            offsets[line] = out.size();
            lengths[line] = text.length;
            out.writeBytes(text);
            out.write('\n'); // the framer has cut the line ending off; it stays in the buffer
        }
        stream = out.toByteArray();
        decoder = CsvDecoder.withColumns(COLUMNS);

        // both must read the same numbers, or the comparison means nothing
        double ours = csvDecoder();
        double baseline = splitParseDouble();
        if (errors.count != 0 || ours != baseline) {
            throw new IllegalStateException("decoder and baseline disagree: " + ours + " vs " + baseline + ", "
                    + errors.count + " errors, first " + errors.first);
        }
        System.out.printf(Locale.ROOT, "%n%d lines, %.1f bytes per line on average, e.g. %s%n", LINES,
                (double) stream.length / LINES - 1, new String(stream, offsets[0], lengths[0], StandardCharsets.UTF_8));
    }

    static String line(SplittableRandom random, int sample) {
        StringBuilder line = new StringBuilder(64);
        line.append(sample).append(',');
        line.append(fixed(random.nextDouble(-10, 40), 2)).append(',');
        line.append(fixed(random.nextDouble(20, 90), 1)).append(',');
        line.append(fixed(random.nextDouble(980, 1040), 2)).append(',');
        line.append(fixed(random.nextDouble(-2, 2), 4)).append(',');
        line.append(fixed(random.nextDouble(-2, 2), 4)).append(',');
        double current = random.nextDouble(1, 10) * (random.nextBoolean() ? 1e-3 : -1e-4);
        line.append(String.format(Locale.ROOT, random.nextInt(4) == 0 ? "%.2E" : "%.3e", current)).append(',');
        line.append(-random.nextInt(30, 100));
        return line.toString();
    }

    private static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public double csvDecoder() {
        FieldSum out = sink;
        out.sum = 0;
        byte[] bytes = stream;
        for (int line = 0; line < LINES; line++) {
            decoder.decode(bytes, offsets[line], lengths[line], "bench", offsets[line], out, errors);
        }
        return out.sum;
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public double splitParseDouble() {
        double sum = 0;
        byte[] bytes = stream;
        for (int line = 0; line < LINES; line++) {
            String[] fields = new String(bytes, offsets[line], lengths[line], StandardCharsets.UTF_8).split(",");
            if (fields.length != COLUMNS.size()) {
                throw new IllegalStateException("expected " + COLUMNS.size() + " fields, got " + fields.length);
            }
            for (String field : fields) {
                sum += Double.parseDouble(field);
            }
        }
        return sum;
    }

    /** Adds up every value, so no parse can be skipped; the benchmark returns the sum to JMH. */
    static final class FieldSum implements FieldSink {
        double sum;

        @Override
        public void onField(int fieldIndex, double value) {
            sum += value;
        }
    }

    static final class CountingErrors implements DecodeErrorSink {
        long count;
        DecodeError first;

        @Override
        public void onError(DecodeError error) {
            if (count++ == 0) {
                first = error;
            }
        }
    }
}
