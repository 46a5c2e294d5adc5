package dev.benchwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.benchwatch.device.serial.SocatPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code benchwatch tail} as a black box over a real socat pty pair. */
class TailCommandSocatTest {
    @TempDir
    Path dir;

    private static CompletableFuture<CliRun> tail(String... args) {
        return CompletableFuture.supplyAsync(() -> CliRun.of(args));
    }

    @Test
    void printsEachReadingAsAJsonLineAndCountsErrors() throws Exception {
        Path device = dir.resolve("ttyBOARD");
        try (SocatPair board = new SocatPair(dir.resolve("board"))) {
            board.start(device);
            CompletableFuture<CliRun> running = tail("tail", "--serial", device.toString(), "--baud", "9600",
                    "--device", "oven", "--format", "csv", "--names", "temp,hum", "--count", "4", "--duration", "20s");
            Thread.sleep(500); // let it open the port
            board.send("21.5,40\nbad,41\n22,42\n");
            CliRun result = running.get(30, TimeUnit.SECONDS);
            assertThat(result.status()).isZero();
            List<JsonNode> lines = result.out().lines().map(TailCommandSocatTest::parse).toList();
            assertThat(lines).hasSize(4);
            assertThat(lines).extracting(l -> l.get("channel").asText()).containsExactly("temp", "hum", "hum", "temp");
            assertThat(lines).extracting(l -> l.get("value").asDouble()).containsExactly(21.5, 40.0, 41.0, 22.0);
            assertThat(lines).allSatisfy(l -> {
                assertThat(l.get("device").asText()).isEqualTo("oven");
                assertThat(l.get("t").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}.*Z");
            });
            assertThat(result.err()).contains("MALFORMED_NUMBER").contains("errors {MALFORMED_NUMBER=1}");
        }
    }

    @Test
    void aBadOptionIsAClearErrorWithStatus2() throws Exception {
        CliRun result = tail("tail", "--serial", "/dev/null", "--format", "regex").get(10, TimeUnit.SECONDS);
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("--format regex needs --pattern");
        assertThat(Files.exists(dir)).isTrue();
    }

    private static JsonNode parse(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }
}
