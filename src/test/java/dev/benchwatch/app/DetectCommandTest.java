package dev.benchwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code benchwatch detect} as a user runs it, on a generated series and on the real NAB recording. */
class DetectCommandTest {
    @TempDir
    Path dir;

    /** Readings a minute apart around 20 (a deterministic wobble), one 40-degree spike at 10:00. */
    private Path seriesWithOneSpike() throws Exception {
        List<String> lines = new ArrayList<>(List.of("timestamp,value"));
        for (int i = 0; i < 24 * 60; i++) {
            double v = 20 + 0.3 * Math.sin(i * 0.7) + 0.2 * Math.sin(i * 0.13);
            if (i == 600) {
                v = 60;
            }
            lines.add(String.format(Locale.ROOT, "2024-03-01 %02d:%02d:00,%.4f", i / 60, i % 60, v));
        }
        Path file = dir.resolve("spike.csv");
        Files.write(file, lines);
        return file;
    }

    @Test
    void printsOneLinePerAnomalyWithTimeDetectorScoreAndMessage() throws Exception {
        Path file = seriesWithOneSpike();
        CliRun run = CliRun.of("detect", file.toString(), "--detector", "spike,mad");
        assertThat(run.status()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("2024-03-01 10:00:00  spike").contains("jumped");
        assertThat(lines.get(1)).startsWith("2024-03-01 10:00:00  mad").contains("robust deviations");
        assertThat(lines.get(2)).isEqualTo(file + ": 2 anomalies in 1440 readings (spike, mad)");
    }

    @Test
    void jsonLinesCarryTheSameEvents() throws Exception {
        Path file = seriesWithOneSpike();
        CliRun run = CliRun.of("detect", file.toString(), "--detector", "spike", "--json");
        assertThat(run.status()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode event = new ObjectMapper().readTree(lines.get(0));
        assertThat(event.get("time").asText()).isEqualTo("2024-03-01T10:00:00Z");
        assertThat(event.get("detector").asText()).isEqualTo("spike");
        assertThat(event.get("value").asDouble()).isEqualTo(60.0);
        assertThat(event.get("score").asDouble()).isGreaterThan(0.5); // ~40 degrees in a minute, per second
        assertThat(run.err()).contains("1 anomaly in 1440 readings");
    }

    @Test
    void allDetectorsRunOnTheRealRecordingAndFindTheFailure() {
        CliRun run = CliRun.of("detect", NabEvaluation.resource("machine_temperature_system_failure.csv").toString(),
                "--json");
        assertThat(run.status()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).isNotEmpty().allMatch(l -> l.startsWith("{\"time\":\"201"));
        // the labelled system failure (2014-02-07 14:55 to 02-09 14:05) is found by more than one detector
        ObjectMapper mapper = new ObjectMapper();
        long detectorsInWindow = lines.stream().map(l -> {
            try {
                return mapper.readTree(l);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).filter(e -> e.get("time").asText().compareTo("2014-02-07T14:55:00Z") >= 0
                && e.get("time").asText().compareTo("2014-02-09T14:05:00Z") <= 0)
                .map(e -> e.get("detector").asText()).distinct().count();
        assertThat(detectorsInWindow).as(run.out()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anUnknownDetectorOrFileIsAClearError() throws Exception {
        CliRun run = CliRun.of("detect", seriesWithOneSpike().toString(), "--detector", "zscore,spikes");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("benchwatch detect: unknown detector 'spikes'; expected one of zscore, ewma, "
                + "mad, cusum, flatline, dropout, spike, trend\n");
        CliRun missing = CliRun.of("detect", dir.resolve("none.csv").toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("none.csv: cannot read the file: no such file");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "timestamp,value\n2024-03-01 00:00:00,abc\n");
        CliRun malformed = CliRun.of("detect", bad.toString());
        assertThat(malformed.status()).isEqualTo(2);
        assertThat(malformed.err()).contains("bad.csv:2:21: invalid value 'abc'");
    }
}
