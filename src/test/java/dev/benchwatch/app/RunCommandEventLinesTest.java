package dev.benchwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.device.mqtt.MosquittoBroker;
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

/**
 * {@code benchwatch run} prints anomalies and system alerts as they happen, one line each, and counts them in its
 * Prometheus metrics: a simulator whose level steps from 0 to 10 under a 2 s z-score detector (an anomaly about a
 * second in), a pipeline that refuses values above 5 (a system alert), and an MQTT device that hears from a
 * device the workspace does not expect and gets a frame it cannot decode (health alerts by the workspace's
 * thresholds, through a real mosquitto broker).
 */
class RunCommandEventLinesTest {
    private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z";

    @TempDir
    Path dir;

    private Path steppingTank() throws Exception {
        Path file = dir.resolve("tank.json");
        Files.writeString(file, """
                {
                  "schemaVersion": 1,
                  "devices": [
                    {"name": "tank", "kind": "simulator", "rate": 200, "channels": [
                      {"name": "level", "unit": "cm", "waveforms": [
                        {"type": "steps", "levels": [0, 10], "hold": "1s"}, {"type": "noise", "sigma": 0.05}]}]}
                  ],
                  "pipelines": [
                    {"id": "level_checked", "input": "level", "output": "level_ok",
                     "operators": [{"op": "validate", "max": 5}]}
                  ],
                  "triggers": [{"id": "level_high", "when": "level > 5", "clear": "< 2"}],
                  "detectors": [{"channel": "level", "detector": "zscore", "window": "2s"}]
                }
                """, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void anomaliesAndSystemAlertsArePrintedOneLineEach() throws Exception {
        CliRun run = CliRun.of("run", steppingTank().toString(), "--duration", "3s", "--status-every", "1s");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("1 device(s), 1 trigger(s), 1 detector(s) for PT3S");
        assertThat(run.out()).containsPattern("(?m)^" + TIME + " anomaly tank/level zscore: value (9|10)\\.\\d+ is "
                + "\\d+\\.\\d standard deviations from the 2s mean -?0\\.\\d+$");
        assertThat(run.out()).containsPattern("(?m)^" + TIME + " alert tank: pipeline 'level_checked' rejected "
                + "(9|10)\\.\\d+: .*$");
        assertThat(run.out()).containsPattern("(?m)^" + TIME + " trigger 'level_high' OK -> FIRING");
    }

    @Test
    void anMqttDeviceHearingFromAnUnexpectedDeviceAndBadFramesRaisesHealthAlertsByTheWorkspacesThresholds()
            throws Exception {
        MosquittoBroker broker = new MosquittoBroker(dir);
        try {
            broker.start("allow_anonymous true\n");
            // retained: the run's subscription gets them whenever it lands
            broker.publish("lab/intruder/temp", "99", "-r");
            broker.publish("lab/oven/temp", "not a number", "-r");
            Path file = dir.resolve("lab.json");
            Files.writeString(file, """
                    {
                      "schemaVersion": 1,
                      "devices": [
                        {"name": "lab", "kind": "mqtt", "host": "127.0.0.1", "port": %d, "topics": ["lab/+/temp"],
                         "expectedDevices": ["oven"], "health": {"malformedLimit": 0}}
                      ]
                    }
                    """.formatted(broker.port()), StandardCharsets.UTF_8);

            CliRun run = CliRun.of("run", file.toString(), "--duration", "4s", "--status-every", "1s");

            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out()).containsPattern("(?m)^" + TIME + " alert lab: device 'lab': 1 message\\(s\\) from "
                    + "unexpected sender lab/intruder/temp$");
            // one bad frame is over a limit of 0; the default limit (20) would let it pass
            assertThat(run.out()).containsPattern("(?m)^" + TIME + " alert lab: device 'lab': 1 malformed frames "
                    + "within 5\\.00 s \\(limit 0\\)$");
        } finally {
            broker.stop();
        }
    }

    @Test
    void prometheusMetricsCountAnomaliesAndSystemAlerts() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                BenchwatchMain.class.getName(), "run", steppingTank().toString(), "--metrics-port", "0")
                .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            int port = -1;
            boolean anomaly = false;
            boolean alert = false;
            for (String line = out.readLine(); line != null && (port < 0 || !anomaly || !alert); line = out.readLine()) {
                lines.add(line);
                Matcher m = Pattern.compile("metrics at http://127\\.0\\.0\\.1:(\\d+)/metrics").matcher(line);
                if (m.find()) {
                    port = Integer.parseInt(m.group(1));
                }
                anomaly |= line.contains(" anomaly tank/level ");
                alert |= line.contains(" alert tank: ");
            }
            assertThat(port).as("the metrics address in %s", lines).isPositive();
            assertThat(anomaly && alert).as("an anomaly and an alert in %s", lines).isTrue();

            String body = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(body).contains("# TYPE benchwatch_events_total counter")
                    .containsPattern("(?m)^benchwatch_events_total\\{type=\"anomaly_detected\"} [1-9]\\d*$")
                    .containsPattern("(?m)^benchwatch_events_total\\{type=\"system_alert\"} [1-9]\\d*$")
                    .containsPattern("(?m)^benchwatch_events_total\\{type=\"user_action\"} 0$");
        } finally {
            process.toHandle().destroy(); // SIGTERM: a clean stop
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
