package dev.benchwatch.device.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A real mosquitto broker on a free loopback port, configured by the test; stopping and starting it again
 * keeps the port. {@link #publish} uses mosquitto_pub, an independent publisher.
 */
public final class MosquittoBroker implements AutoCloseable {
    private final Path dir;
    private final int port;
    private Process process;

    public MosquittoBroker(Path dir) throws Exception {
        this.dir = dir;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    /** Starts with these configuration lines after the listener (runs as ourselves: root would drop privileges). */
    public void start(String config) throws Exception {
        assertThat(Files.isExecutable(Path.of("/usr/sbin/mosquitto"))).as("mosquitto installed (.ci/run)").isTrue();
        Path file = dir.resolve("mosquitto.conf");
        Files.writeString(file, "listener " + port + " 127.0.0.1\n" + config + "user " + System.getProperty("user.name")
                + "\n");
        process = new ProcessBuilder("/usr/sbin/mosquitto", "-c", file.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile())).start();
        await(() -> {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return true;
            } catch (Exception e) {
                return false;
            }
        }, "the broker to listen");
    }

    public void stop() throws Exception {
        if (process != null) {
            process.destroy();
            process.waitFor(5, TimeUnit.SECONDS);
            process = null;
        }
    }

    /** Publishes with mosquitto_pub at QoS 1; extra arguments such as credentials or --cafile. */
    public void publish(String topic, String payload, String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of("mosquitto_pub", "-h", "127.0.0.1", "-p",
                Integer.toString(port), "-q", "1", "-t", topic, "-m", payload));
        command.addAll(List.of(extra));
        Process pub = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(pub.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(pub.exitValue()).as("mosquitto_pub exit status").isZero();
    }

    public static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); // generous: CI machines are often loaded
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
