package dev.benchwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code benchwatch run} as a lab server runs it: a real child process, a real HTTP scrape, a real SIGTERM. */
class RunCommandTest {
    @TempDir
    Path dir;

    private Path workspace() throws Exception {
        Path file = dir.resolve("tank.json");
        Files.writeString(file, """
                {
                  "schemaVersion": 1,
                  "devices": [
                    {"name": "tank", "kind": "simulator", "rate": 200, "channels": [
                      {"name": "level", "unit": "cm", "waveforms": [{"type": "steps", "levels": [0, 10], "hold": "500ms"}]}]}
                  ],
                  "triggers": [{"id": "level_high", "when": "level > 5", "clear": "< 2"}]
                }
                """, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void runsForItsDurationPrintingStatusLinesAndTransitions() throws Exception {
        CliRun run = CliRun.of("run", workspace().toString(), "--duration", "2500ms", "--status-every", "1s");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("running " + dir.resolve("tank.json") + ": 1 device(s), 1 trigger(s) for PT2.5S");
        assertThat(run.out()).containsPattern("readings/s [0-9,]+ +p99 [0-9.]+ ms +queue \\d+ +drops 0 .*devices 1/1 connected");
        assertThat(run.out()).contains("trigger 'level_high'").contains("FIRING");
        assertThat(run.out()).containsPattern("stopped: [0-9,]+ readings accepted, 0 rejected, 0 dropped, 0 errors");
    }

    @Test
    void recordsTheSessionIntoASqliteFile() throws Exception {
        Path db = dir.resolve("session.db");
        CliRun run = CliRun.of("run", workspace().toString(), "--duration", "2s", "--status-every", "1s",
                "--record", db.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("recording to " + db).containsPattern("recorded [0-9,]+ lost 0");
        java.util.regex.Matcher done = Pattern.compile("recorded ([0-9,]+) readings to .* \\(0 lost\\)").matcher(run.out());
        assertThat(done.find()).as(run.out()).isTrue();
        long recorded = Long.parseLong(done.group(1).replace(",", ""));
        assertThat(recorded).isGreaterThan(200); // 200 readings/s for 2 s, give or take the start
        try (java.sql.Connection sql = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.Statement statement = sql.createStatement()) {
            java.sql.ResultSet readings = statement.executeQuery("SELECT count(*) FROM reading");
            readings.next();
            assertThat(readings.getLong(1)).isEqualTo(recorded);
            java.sql.ResultSet session = statement.executeQuery("SELECT accepted, recorded, lost, stopped_ns FROM session");
            session.next();
            assertThat(session.getLong("recorded")).isEqualTo(recorded);
            assertThat(session.getLong("accepted")).isEqualTo(recorded);
            assertThat(session.getLong("lost")).isZero();
            assertThat(session.getLong("stopped_ns")).isPositive();
            java.sql.ResultSet events = statement.executeQuery(
                    "SELECT count(*) FROM event WHERE type = 'THRESHOLD_BREACH'");
            events.next();
            assertThat(events.getLong(1)).as("the trigger's transitions are recorded").isPositive();
        }
    }

    @Test
    void aRecordingThatCannotBeWrittenIsRefusedAtOnce() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file.txt"), "x");
        CliRun run = CliRun.of("run", workspace().toString(), "--duration", "1s",
                "--record", notADirectory.resolve("session.db").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("cannot record to " + notADirectory.resolve("session.db"));
    }

    @Test
    void aBadWorkspaceIsRefusedWithItsErrors() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"schemaVersion\": 1, \"triggers\": [{\"id\": \"t\", \"when\": \"nowhere > 1\"}]}");
        CliRun run = CliRun.of("run", bad.toString(), "--duration", "1s");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("bad.json:1:").contains("triggers[0].when").contains("not run");
    }

    @Test
    void servesPrometheusMetricsAndStopsCleanlyOnSigterm() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                BenchwatchMain.class.getName(), "run", workspace().toString(), "--metrics-port", "0",
                "--status-every", "1s")
                .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            int port = -1;
            for (String line = out.readLine(); line != null && port < 0; line = out.readLine()) {
                lines.add(line);
                Matcher m = Pattern.compile("metrics at http://127\\.0\\.0\\.1:(\\d+)/metrics").matcher(line);
                if (m.find()) {
                    port = Integer.parseInt(m.group(1));
                }
            }
            assertThat(port).as("the metrics address in %s", lines).isPositive();
            for (String line = out.readLine(); line != null && !line.contains("readings/s"); line = out.readLine()) {
                lines.add(line); // wait for the first status line: readings are flowing
            }

            HttpResponse<String> scrape = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
            assertThat(scrape.body()).containsPattern("(?m)^benchwatch_readings_accepted_total [1-9]\\d*$")
                    .containsPattern("(?m)^benchwatch_latency_seconds\\{quantile=\"0.99\"} [0-9.eE-]+$")
                    .contains("benchwatch_trigger_state{trigger=\"level_high\",state=\"firing\"}")
                    .contains("benchwatch_channel_latest{channel=\"level\"}");

            process.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of its output)
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        } finally {
            process.destroyForcibly();
        }
        assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("stopped: "));
    }
}
