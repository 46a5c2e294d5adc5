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
