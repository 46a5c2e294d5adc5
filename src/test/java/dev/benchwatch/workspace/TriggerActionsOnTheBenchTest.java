package dev.benchwatch.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.device.BenchActionPorts;
import dev.benchwatch.device.DeviceBench;
import dev.benchwatch.device.serial.SocatPair;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineConfig;
import dev.benchwatch.engine.action.ActionPorts;
import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.event.EventType;
import dev.benchwatch.workspace.file.WorkspaceReader;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace trigger's device command reaches the board over a real socat serial pair, through the bench's
 * routed adapter; an MQTT action with no MQTT device on the bench fails with a message in the event log.
 */
class TriggerActionsOnTheBenchTest {
    @TempDir
    Path dir;

    @Test
    void aFiringTriggerSendsItsCommandToTheSerialBoard() throws Exception {
        Path device = dir.resolve("ttyBOARD");
        try (SocatPair pair = new SocatPair(dir.resolve("board"))) {
            pair.start(device);
            Path file = dir.resolve("bench.json");
            Files.writeString(file, """
                    {
                      "schemaVersion": 1,
                      "devices": [
                        {"name": "board", "kind": "serial", "port": "%s", "baud": 115200,
                         "decoder": {"format": "csv", "names": ["temp"]}}
                      ],
                      "channels": [{"name": "board.temp", "unit": "°C", "device": "board"}],
                      "triggers": [
                        {"id": "too_hot", "when": "board.temp > 50",
                         "actions": [{"type": "command", "device": "board", "payload": "FAN ON {value}\\n"},
                                     {"type": "mqtt", "topic": "lab/{trigger}", "payload": "{value}"}]}
                      ]
                    }
                    """.formatted(device), StandardCharsets.UTF_8);
            WorkspaceReader.Result read = new WorkspaceReader(new TriggerLanguageCheck()).read(file);
            assertThat(read.errors()).isEmpty();

            BenchActionPorts ports = new BenchActionPorts();
            List<Event> outcomes = new CopyOnWriteArrayList<>();
            try (Engine engine = new Engine(EngineConfig.builder().build(), ports.routing(ActionPorts.unconnected()));
                 DeviceBench bench = new DeviceBench(engine)) {
                ports.attach(bench);
                engine.onAnyEvent(outcomes::add);
                assertThat(WorkspaceSetup.apply(read.workspace(), engine, bench, Map.of(), dir).errors()).isEmpty();
                engine.start();
                SocatPair.await(() -> bench.find("board").orElseThrow().adapter().isConnected(), "the board's port open");

                CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> readLine(pair.board()));
                pair.send("21.5\n");
                pair.send("64.25\n");

                assertThat(received.get(10, TimeUnit.SECONDS)).isEqualTo("FAN ON 64.25");
                SocatPair.await(() -> outcomes.stream().anyMatch(e -> e.data().contains("no MQTT device")),
                        "the MQTT action's failure in the event log");
            }
        }
    }

    private static String readLine(Path board) {
        try (InputStream in = new FileInputStream(board.toFile())) {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                line.append((char) b);
            }
            return line.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
