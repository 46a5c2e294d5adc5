package dev.benchwatch.device.serial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.codec.DecodeError;
import dev.benchwatch.codec.DecodeErrorReason;
import dev.benchwatch.codec.decode.LabelValueDecoder;
import dev.benchwatch.codec.frame.DelimitedFramer;
import dev.benchwatch.engine.ChannelHistory;
import dev.benchwatch.engine.Engine;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end over a real socat pty pair: the adapter on one end, the "board" on the other. */
class SerialAdapterSocatTest {
    @TempDir
    Path dir;
    private SocatPair socat;

    private Path devicePath() {
        return dir.resolve("ttyBENCH");
    }

    private Path boardPath() {
        return dir.resolve("board");
    }

    private void startSocat() throws Exception {
        startSocat(devicePath());
    }

    private void startSocat(Path device) throws Exception {
        if (socat == null) {
            socat = new SocatPair(boardPath());
        }
        socat.start(device);
    }

    private void stopSocat() throws Exception {
        socat.stop();
    }

    @AfterEach
    void tearDown() {
        if (socat != null) {
            socat.close();
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        SocatPair.await(condition, what);
    }

    private void board(String text) throws IOException {
        socat.send(text);
    }

    private static double[] history(Engine engine, String channel) {
        ChannelHistory history = engine.history(channel);
        double[] values = new double[history.capacity()];
        int n = history.copyTo(new long[history.capacity()], values);
        return Arrays.copyOf(values, n);
    }

    @Test
    void readsDecodesSurvivesAnUnplugAndWritesBack() throws Exception {
        assertThat(Files.isExecutable(Path.of("/usr/bin/socat"))).as("socat installed (.ci/run installs it)").isTrue();
        startSocat();
        List<DecodeError> errors = new ArrayList<>();
        try (Engine engine = new Engine()) {
            engine.start();
            SerialAdapter adapter = new SerialAdapter("bench", SerialSettings.of(devicePath().toString(), 115_200),
                    DelimitedFramer.lines(DelimitedFramer.LineEnding.AUTO), new LabelValueDecoder());
            adapter.onDecodeError(e -> {
                synchronized (errors) {
                    errors.add(e);
                }
            });
            adapter.start(engine);
            await(adapter::isConnected, "the adapter to connect");

            board("temp:21.5 hum:40\r\ntemp:abc hum:41\r\n");
            await(() -> adapter.readings() >= 3, "three readings");
            await(() -> engine.snapshotNow().channels().stream().anyMatch(c -> c.name().equals("bench.hum")
                    && c.latest() == 41.0), "hum = 41 in the engine");
            assertThat(engine.snapshotNow().channel("bench.temp").latest()).isEqualTo(21.5);
            synchronized (errors) {
                assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(DecodeErrorReason.MALFORMED_NUMBER);
                    assertThat(e.device()).isEqualTo("bench");
                    assertThat(e.byteOffset()).isEqualTo(18);
                });
            }

            // unplugged mid-line: the partial line must never become a reading
            board("temp:9");
            Thread.sleep(100);
            long unplugged = System.nanoTime();
            stopSocat();
            await(() -> !adapter.isConnected(), "the adapter to notice the unplug");
            assertThat(System.nanoTime() - unplugged).as("noticed within 1 s").isLessThan(TimeUnit.SECONDS.toNanos(1));

            startSocat();
            await(adapter::isConnected, "the adapter to reconnect");
            board("9.5\ntemp:22\n");
            await(() -> engine.snapshotNow().channel("bench.temp").latest() == 22.0, "temp = 22 after replug");
            assertThat(history(engine, "bench.temp")).containsExactly(21.5, 22.0);
            assertThat(adapter.reconnects()).isEqualTo(1);
            assertThat(adapter.errors(DecodeErrorReason.INCOMPLETE_AT_DISCONNECT)).isEqualTo(1);

            // talking back to the board
            try (FileInputStream in = new FileInputStream(boardPath().toFile())) {
                assertThat(adapter.sendText("HEATER OFF", "\r\n")).isTrue();
                assertThat(adapter.sendHex("AA 55 01")).isTrue();
                byte[] expected = {'H', 'E', 'A', 'T', 'E', 'R', ' ', 'O', 'F', 'F', '\r', '\n', (byte) 0xAA, 0x55, 1};
                byte[] got = in.readNBytes(expected.length);
                assertThat(got).containsExactly(expected);
            }
            adapter.close();
        }
    }

    @Test
    void aBoardBoundToItsUsbIdentityIsFoundAgainOnAnotherPort() throws Exception {
        // the USB listing is simulated (no USB device here); the ports themselves are real ptys
        Path first = dir.resolve("ttyACM0");
        Path second = dir.resolve("ttyACM1");
        java.util.concurrent.atomic.AtomicReference<Path> where = new java.util.concurrent.atomic.AtomicReference<>(first);
        UsbIdentity identity = UsbIdentity.parse("2341:0043:55739323637351E0C0A1");
        startSocat(first);
        try (Engine engine = new Engine()) {
            engine.start();
            SerialAdapter adapter = SerialAdapter.boundTo(identity, "uno", SerialSettings.of("uno", 9600),
                    DelimitedFramer.lines(DelimitedFramer.LineEnding.LF), new LabelValueDecoder(),
                    () -> Files.exists(where.get())
                            ? List.of(new PortInfo(where.get().toString(), "Arduino Uno", 0x2341, 0x0043,
                            "55739323637351E0C0A1"))
                            : List.of());
            adapter.start(engine);
            await(adapter::isConnected, "the adapter to find the board");
            board("t:1\n");
            await(() -> adapter.readings() == 1, "a reading from the first port");

            stopSocat();
            await(() -> !adapter.isConnected(), "the unplug");
            where.set(second); // replugged: the board shows up on another port
            startSocat(second);
            await(adapter::isConnected, "the adapter to find the board on its new port");
            board("t:2\n");
            await(() -> adapter.readings() == 2, "a reading from the second port");
            assertThat(history(engine, "uno.t")).containsExactly(1.0, 2.0);
            adapter.close();
        }
    }
}
