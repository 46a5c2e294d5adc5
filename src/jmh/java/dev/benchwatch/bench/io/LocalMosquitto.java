package dev.benchwatch.bench.io;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A mosquitto broker on a free loopback port for the benchmarks, configured by the caller (the idea of the
 * tests' {@code MosquittoBroker}, which is package-private there).
 */
final class LocalMosquitto implements AutoCloseable {
    private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

    private final Path dir;
    private final int port;
    private final Process process;

    /** Starts with these configuration lines after the listener; runs as ourselves (root would drop privileges). */
    LocalMosquitto(Path dir, String config) throws Exception {
        if (!Files.isExecutable(MOSQUITTO)) {
            throw new IllegalStateException("mosquitto is not installed at " + MOSQUITTO);
        }
        this.dir = dir;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
        Path file = dir.resolve("mosquitto.conf");
        Files.writeString(file, "listener " + port + " 127.0.0.1\n" + config + "user "
                + System.getProperty("user.name") + "\n");
        process = new ProcessBuilder(MOSQUITTO.toString(), "-c", file.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!listening()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("mosquitto did not start; see " + log() + ":\n" + readLog());
            }
            Thread.sleep(20);
        }
    }

    private boolean listening() {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return dir.resolve("broker.log");
    }

    String readLog() {
        try {
            return Files.readString(log());
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
