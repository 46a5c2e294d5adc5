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
    void decodesLengthPrefixedBinaryStructsWithACrc() throws Exception {
        Path device = dir.resolve("ttyBIN");
        try (SocatPair board = new SocatPair(dir.resolve("board"))) {
            board.start(device);
            CompletableFuture<CliRun> running = tail("tail", "--serial", device.toString(), "--device", "rig",
                    "--format", "binary", "--layout", "temp:f32, raw:u16be", "--length-prefix", "1", "--sync", "AA55",
                    "--checksum", "CRC16_CCITT", "--count", "4", "--duration", "20s");
            Thread.sleep(500);
            java.io.ByteArrayOutputStream wire = new java.io.ByteArrayOutputStream();
            wire.writeBytes(frame(21.5f, 1000));
            byte[] corrupted = frame(99f, 9);
            corrupted[5] ^= 0x40; // a flipped bit: the CRC no longer matches, the frame is dropped and counted
            wire.writeBytes(corrupted);
            wire.writeBytes(new byte[] {0x13, 0x37}); // line noise
            wire.writeBytes(frame(-4.25f, 65535));
            try (var out = Files.newOutputStream(board.board())) {
                out.write(wire.toByteArray());
            }
            CliRun result = running.get(30, TimeUnit.SECONDS);
            assertThat(result.status()).as(result.err()).isZero();
            List<JsonNode> lines = result.out().lines().map(TailCommandSocatTest::parse).toList();
            assertThat(lines).extracting(l -> l.get("channel").asText() + "=" + l.get("value").asDouble())
                    .containsExactly("temp=21.5", "raw=1000.0", "temp=-4.25", "raw=65535.0");
            assertThat(result.err()).contains("CRC_MISMATCH=1");
        }
    }

    /** sync AA 55, length, payload (float32 little-endian, uint16 big-endian), CRC-16/CCITT little-endian. */
    private static byte[] frame(float temp, int raw) {
        java.nio.ByteBuffer payload = java.nio.ByteBuffer.allocate(6);
        payload.order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(temp);
        payload.order(java.nio.ByteOrder.BIG_ENDIAN).putShort((short) raw);
        byte[] body = new byte[7];
        body[0] = 6;
        System.arraycopy(payload.array(), 0, body, 1, 6);
        int crc = (int) dev.benchwatch.codec.frame.Checksum.CRC16_CCITT.compute(body, 0, body.length);
        java.nio.ByteBuffer frame = java.nio.ByteBuffer.allocate(11).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        frame.put((byte) 0xAA).put((byte) 0x55).put(body).putShort((short) crc);
        return frame.array();
    }

    @Test
    void aBadOptionIsAClearErrorWithStatus2() throws Exception {
        CliRun result = tail("tail", "--serial", "/dev/null", "--format", "regex").get(10, TimeUnit.SECONDS);
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("--format regex needs --pattern");
        CliRun binary = tail("tail", "--serial", "/dev/null", "--format", "binary", "--layout", "t:f32")
                .get(10, TimeUnit.SECONDS);
        assertThat(binary.status()).isEqualTo(2);
        assertThat(binary.err()).contains("need --length-prefix");
        CliRun layout = tail("tail", "--serial", "/dev/null", "--format", "binary", "--layout", "t:f33",
                "--length-prefix", "1").get(10, TimeUnit.SECONDS);
        assertThat(layout.err()).contains("binary layout field 1 't:f33'");
        CliRun both = tail("tail", "--serial", "/dev/null", "--mqtt", "tcp://localhost").get(10, TimeUnit.SECONDS);
        assertThat(both.status()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
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
