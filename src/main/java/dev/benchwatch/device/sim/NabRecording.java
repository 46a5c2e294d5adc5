package dev.benchwatch.device.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * A recorded series in the Numenta Anomaly Benchmark format: a {@code timestamp,value} header, then
 * {@code YYYY-MM-DD HH:MM:SS,<number>} lines (UTC). A malformed line is an error naming the file, the
 * line and the column.
 */
public record NabRecording(String name, long[] timestampsNanos, double[] values) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

    public int size() {
        return values.length;
    }

    public static NabRecording read(Path file) throws IOException {
        long[] timestamps = new long[1024];
        double[] values = new double[1024];
        int n = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null || !header.trim().equalsIgnoreCase("timestamp,value")) {
                throw new IOException(file + ":1:1: expected the header 'timestamp,value', got '" + header + "'");
            }
            String line;
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                int comma = line.indexOf(',');
                if (comma < 0) {
                    throw new IOException(file + ":" + lineNumber + ":1: expected 'timestamp,value', got '" + line + "'");
                }
                long ts;
                try {
                    LocalDateTime time = LocalDateTime.parse(line.substring(0, comma).trim(), TIME);
                    ts = time.toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L + time.getNano();
                } catch (DateTimeParseException e) {
                    throw new IOException(file + ":" + lineNumber + ":1: invalid timestamp '"
                            + line.substring(0, comma) + "': expected YYYY-MM-DD HH:MM:SS");
                }
                double value;
                try {
                    value = Double.parseDouble(line.substring(comma + 1).trim());
                } catch (NumberFormatException e) {
                    throw new IOException(file + ":" + lineNumber + ":" + (comma + 2) + ": invalid value '"
                            + line.substring(comma + 1) + "'");
                }
                if (n == values.length) {
                    timestamps = Arrays.copyOf(timestamps, n * 2);
                    values = Arrays.copyOf(values, n * 2);
                }
                timestamps[n] = ts;
                values[n] = value;
                n++;
            }
        }
        String fileName = file.getFileName().toString();
        String name = fileName.endsWith(".csv") ? fileName.substring(0, fileName.length() - 4) : fileName;
        return new NabRecording(name, Arrays.copyOf(timestamps, n), Arrays.copyOf(values, n));
    }
}
