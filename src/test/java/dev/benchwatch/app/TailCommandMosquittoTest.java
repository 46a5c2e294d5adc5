package dev.benchwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.benchwatch.device.mqtt.MosquittoBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code benchwatch tail --mqtt} as a black box against a real mosquitto, fed by mosquitto_pub. */
class TailCommandMosquittoTest {
    @TempDir
    Path dir;
    private MosquittoBroker broker;

    @AfterEach
    void stop() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    private static CompletableFuture<CliRun> tail(Map<String, String> environment, String... args) {
        return CompletableFuture.supplyAsync(() -> CliRun.withEnvironment(environment, args));
    }

    /** Publishes until the running tail has printed something: it subscribes a moment after it starts. */
    private void publishWhenSubscribed(CompletableFuture<CliRun> running, String topic, String payload,
                                       String... extra) throws Exception {
        Thread.sleep(800);
        assertThat(running).as("tail still running").isNotDone();
        broker.publish(topic, payload, extra);
    }

    @Test
    void wildcardTopicsNameDevicesAndChannels() throws Exception {
        broker = new MosquittoBroker(dir);
        broker.start("allow_anonymous true\n");
        CompletableFuture<CliRun> running = tail(Map.of(), "tail", "--mqtt", "tcp://127.0.0.1:" + broker.port(),
                "--topic", "lab/+/temp", "--topic", "lab/+/env", "--format", "json", "--count", "3", "--duration", "20s");
        publishWhenSubscribed(running, "lab/oven/temp", "181.5");
        broker.publish("lab/fridge/env", "{\"t\": 4.5, \"rh\": {\"pct\": 40}}");
        broker.publish("lab/fridge/env", "{\"t\": "); // truncated: counted, the stream goes on
        CliRun result = running.get(30, TimeUnit.SECONDS);
        assertThat(result.status()).as(result.err()).isZero();
        List<String> lines = new ArrayList<>();
        for (String line : result.out().lines().toList()) {
            JsonNode node = new ObjectMapper().readTree(line);
            lines.add(node.get("device").asText() + "/" + node.get("channel").asText() + "=" + node.get("value").asDouble());
        }
        // JSON payloads keep their field names after the topic's channel
        assertThat(lines).containsExactly("oven/temp=181.5", "fridge/env._t=4.5", "fridge/env._rh_pct=40.0");
    }

    @Test
    void tlsWithALabCaAndAPasswordFromTheEnvironment() throws Exception {
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=Tail Test CA",
                "-keyout", "ca.key", "-out", "ca.crt");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", "server.key",
                "-out", "server.csr");
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1\n");
        openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-days", "1", "-extfile", "san.ext", "-out", "server.crt");
        Process passwd = new ProcessBuilder("mosquitto_passwd", "-c", "-b", dir.resolve("passwd").toString(), "bench",
                "s3cret").redirectErrorStream(true).start();
        assertThat(passwd.waitFor(10, TimeUnit.SECONDS)).isTrue();
        broker = new MosquittoBroker(dir);
        broker.start("allow_anonymous false\npassword_file " + dir.resolve("passwd") + "\ncafile " + dir.resolve("ca.crt")
                + "\ncertfile " + dir.resolve("server.crt") + "\nkeyfile " + dir.resolve("server.key") + "\n");
        String url = "ssl://127.0.0.1:" + broker.port();
        String ca = dir.resolve("ca.crt").toString();

        CliRun refused = tail(Map.of("BENCH_PW", "guess"), "tail", "--mqtt", url, "--topic", "secure/#", "--cafile", ca,
                "--username", "bench", "--password-env", "BENCH_PW", "--mqtt-version", "3", "--duration", "20s")
                .get(30, TimeUnit.SECONDS);
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("bad user name or password").doesNotContain("guess");

        CliRun unset = tail(Map.of(), "tail", "--mqtt", url, "--topic", "secure/#", "--cafile", ca,
                "--username", "bench", "--password-env", "BENCH_PW").get(30, TimeUnit.SECONDS);
        assertThat(unset.status()).isEqualTo(2);
        assertThat(unset.err()).contains("environment variable BENCH_PW");

        CompletableFuture<CliRun> running = tail(Map.of("BENCH_PW", "s3cret"), "tail", "--mqtt", url,
                "--topic", "secure/#", "--cafile", ca, "--username", "bench", "--password-env", "BENCH_PW",
                "--count", "1", "--duration", "20s");
        publishWhenSubscribed(running, "secure/box/v", "7.5", "--cafile", ca, "-u", "bench", "-P", "s3cret");
        CliRun result = running.get(30, TimeUnit.SECONDS);
        assertThat(result.status()).as(result.err()).isZero();
        JsonNode line = new ObjectMapper().readTree(result.out().strip());
        assertThat(line.get("device").asText()).isEqualTo("box");
        assertThat(line.get("value").asDouble()).isEqualTo(7.5);
    }

    @Test
    void optionsThatDoNotFitTogetherAreClearErrors() throws Exception {
        CliRun noTopic = tail(Map.of(), "tail", "--mqtt", "tcp://127.0.0.1:1").get(10, TimeUnit.SECONDS);
        assertThat(noTopic.status()).isEqualTo(2);
        assertThat(noTopic.err()).contains("--mqtt needs at least one --topic");
        CliRun scheme = tail(Map.of(), "tail", "--mqtt", "http://x", "--topic", "a").get(10, TimeUnit.SECONDS);
        assertThat(scheme.err()).contains("scheme must be tcp://");
        CliRun caWithoutTls = tail(Map.of(), "tail", "--mqtt", "tcp://x", "--topic", "a", "--cafile", "ca.crt")
                .get(10, TimeUnit.SECONDS);
        assertThat(caWithoutTls.err()).contains("need an ssl:// broker URL");
        CliRun halfIdentity = tail(Map.of(), "tail", "--mqtt", "ssl://x", "--topic", "a", "--cert", "c.crt")
                .get(10, TimeUnit.SECONDS);
        assertThat(halfIdentity.err()).contains("needs both --cert and --key");
    }

    private void openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("openssl.log"))).isZero();
    }
}
