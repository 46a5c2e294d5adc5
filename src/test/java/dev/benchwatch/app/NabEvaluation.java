package dev.benchwatch.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.benchwatch.device.sim.NabRecording;
import dev.benchwatch.engine.detect.Detection;
import dev.benchwatch.engine.detect.DetectorKind;
import dev.benchwatch.engine.detect.DetectorSet;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scores the detectors on a NAB recording against its labelled anomaly windows: windows with a detection
 * inside, detections outside every window per day of data, and the delay from a window's start to its first
 * detection. The numbers in docs/DETECTORS.md come from here.
 */
final class NabEvaluation {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");
    static final double NANOS_PER_DAY = 86_400e9;

    /** One detector on one file. {@code meanDelayHours} is NaN when no window was detected. */
    record Row(String file, DetectorKind kind, int windows, int detected, int falseAlarms, double days,
               double meanDelayHours) {
        double falseAlarmsPerDay() {
            return falseAlarms / days;
        }

        String markdown() {
            return String.format(Locale.ROOT, "| %s | %s | %d / %d | %.2f | %s |", file, kind.id(), detected, windows,
                    falseAlarmsPerDay(), Double.isNaN(meanDelayHours) ? "–" : String.format(Locale.ROOT, "%.1f h",
                            meanDelayHours));
        }
    }

    private NabEvaluation() {
    }

    static Path resource(String name) {
        try {
            return Path.of(NabEvaluation.class.getResource("/nab/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<long[]> windows(String file) throws IOException {
        JsonNode root;
        try (InputStream in = NabEvaluation.class.getResourceAsStream("/nab/anomaly_windows.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<long[]> windows = new ArrayList<>();
        for (JsonNode w : root.get(file)) {
            windows.add(new long[] {nanos(w.get(0).asText()), nanos(w.get(1).asText())});
        }
        return windows;
    }

    private static long nanos(String text) {
        LocalDateTime t = LocalDateTime.parse(text, TIME);
        return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L + t.getNano();
    }

    static List<Row> evaluate(String file) throws IOException {
        NabRecording recording = NabRecording.read(resource(file));
        List<long[]> windows = windows(file);
        long[] ts = recording.timestampsNanos();
        double days = (ts[ts.length - 1] - ts[0]) / NANOS_PER_DAY;
        List<Row> rows = new ArrayList<>();
        for (DetectorKind kind : DetectorKind.values()) {
            rows.add(score(file, kind, DetectorSet.run(List.of(kind), ts, recording.values()), windows, days));
        }
        return rows;
    }

    static Row score(String file, DetectorKind kind, List<Detection> found, List<long[]> windows, double days) {
        {
            int detected = 0;
            double delaySum = 0;
            for (long[] w : windows) {
                for (Detection d : found) {
                    if (d.timestampNanos() >= w[0] && d.timestampNanos() <= w[1]) {
                        detected++;
                        delaySum += (d.timestampNanos() - w[0]) / 3600e9;
                        break;
                    }
                }
            }
            int falseAlarms = 0;
            for (Detection d : found) {
                boolean inside = windows.stream().anyMatch(w -> d.timestampNanos() >= w[0] && d.timestampNanos() <= w[1]);
                if (!inside) {
                    falseAlarms++;
                }
            }
            return new Row(file, kind, windows.size(), detected, falseAlarms, days,
                    detected == 0 ? Double.NaN : delaySum / detected);
        }
    }

    public static void main(String[] args) throws IOException {
        for (String file : List.of("machine_temperature_system_failure.csv", "ambient_temperature_system_failure.csv")) {
            for (Row row : evaluate(file)) {
                System.out.println(row.markdown());
            }
        }
    }
}
