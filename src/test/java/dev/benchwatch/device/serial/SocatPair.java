package dev.benchwatch.device.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A real pty pair made by socat: the adapter opens the device end, the test plays the board on the
 * other. Stopping it is an unplug; starting it again (on the same or another device path) a replug.
 */
public final class SocatPair implements AutoCloseable {
    private final Path board;
    private Process socat;

    public SocatPair(Path board) {
        this.board = board;
    }

    public void start(Path device) throws Exception {
        assertThat(Files.isExecutable(Path.of("/usr/bin/socat"))).as("socat installed (.ci/run installs it)").isTrue();
        socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + device, "pty,raw,echo=0,link=" + board)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        await(() -> Files.exists(device) && Files.exists(board), "socat's ptys");
    }

    /** Pulls the plug: both ends vanish. */
    public void stop() throws Exception {
        socat.destroy();
        socat.waitFor(5, TimeUnit.SECONDS);
        await(() -> !Files.exists(board), "socat gone");
    }

    /** The board sends these bytes. */
    public void send(String text) throws IOException {
        try (FileOutputStream out = new FileOutputStream(board.toFile())) {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    public Path board() {
        return board;
    }

    public static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    /** Ends socat and waits for it, so its links are gone before the test's temp dir is deleted. */
    @Override
    public void close() {
        if (socat == null) {
            return;
        }
        socat.destroy();
        try {
            if (!socat.waitFor(5, TimeUnit.SECONDS)) {
                socat.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
