package dev.benchwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineConfig;
import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.event.EventType;
import dev.benchwatch.engine.ingest.IngestSource;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import dev.benchwatch.workspace.TriggerConfigs;
import dev.benchwatch.workspace.file.Workspace;
import dev.benchwatch.workspace.file.WorkspaceReader;
import dev.benchwatch.workspace.trigger.EngineTrigger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code benchwatch backtest} as a user runs it, and its result against a live engine fed the same readings. */
class BacktestCommandTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path dir;

    /** Firing and clearing times per trigger. */
    record Times(List<Long> fired, List<Long> cleared) {
    }

    @Test
    void theBacktestEqualsALiveRunOverTheSameReadings() throws Exception {
        Path db = OvenRecording.write(dir.resolve("oven.db"));
        CliRun run = CliRun.of("backtest", OvenRecording.workspace().toString(), db.toString(), "--json");
        assertThat(run.status()).as(run.err()).isZero();
        Map<String, Times> backtest = new LinkedHashMap<>();
        JsonNode summary = null;
        for (String line : run.out().lines().toList()) {
            JsonNode node = mapper.readTree(line);
            if (node.get("type").asText().equals("summary")) {
                summary = node;
                continue;
            }
            Times times = backtest.computeIfAbsent(node.get("trigger").asText(), k -> new Times(new ArrayList<>(),
                    new ArrayList<>()));
            if (node.get("fired").asBoolean()) {
                times.fired().add(node.get("firedAtNs").asLong());
                if (!node.get("open").asBoolean()) {
                    times.cleared().add(node.get("clearedAtNs").asLong());
                }
            }
        }
        assertThat(summary).isNotNull();
        assertThat(summary.get("readings").asLong()).isEqualTo(2L * OvenRecording.N);
        assertThat(summary.get("session").asLong()).isEqualTo(2);

        Map<String, Times> live = live();
        assertThat(live.get("hot").fired()).hasSizeGreaterThanOrEqualTo(4); // the test means something
        assertThat(live.get("hot_f").fired()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(backtest).isEqualTo(live);
        for (JsonNode trigger : summary.get("triggers")) {
            assertThat(trigger.get("firings").asInt()).isEqualTo(live.get(trigger.get("trigger").asText()).fired().size());
        }
    }

    /** The workspace's triggers on a started engine, fed the recorded readings in time order. */
    private static Map<String, Times> live() throws Exception {
        Workspace workspace = new WorkspaceReader().read(OvenRecording.workspace()).workspace();
        Map<String, Times> times = new LinkedHashMap<>();
        try (Engine engine = new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO).build())) {
            int celsius = engine.registerChannel("oven_temp", "°C", "oven").id();
            int fahrenheit = engine.registerChannel("oven_temp_f", "°F", "").id();
            List<Event> transitions = new ArrayList<>();
            engine.onEvent(EventType.THRESHOLD_BREACH, e -> {
                synchronized (transitions) {
                    transitions.add(e);
                }
            });
            workspace.triggers().forEach(t -> {
                EngineTrigger.from(TriggerConfigs.toModel(t).withActions(List.of())).install(engine);
                times.put(t.id(), new Times(new ArrayList<>(), new ArrayList<>()));
            });
            IngestSource source = engine.registerSource("oven", OverloadPolicy.BLOCK);
            engine.start();
            for (int i = 0; i < OvenRecording.N; i++) {
                long ts = OvenRecording.T0 + i * OvenRecording.STEP;
                source.offer(celsius, ts, OvenRecording.celsius(i));
                source.offer(fahrenheit, ts, OvenRecording.fahrenheit(i));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (source.queueDepth() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            Thread.sleep(50);
            engine.events().awaitIdle(10, TimeUnit.SECONDS);
            synchronized (transitions) {
                for (Event e : transitions) {
                    Times t = times.get(e.metadata().get("trigger"));
                    if (e.metadata().get("to").equals("FIRING")) {
                        t.fired().add(e.timestampNanos());
                    } else if (e.metadata().get("from").equals("FIRING")) {
                        t.cleared().add(e.timestampNanos());
                    }
                }
            }
        }
        return times;
    }

    @Test
    void printsATablePerTrigger() throws Exception {
        Path db = OvenRecording.write(dir.resolve("oven.db"));
        CliRun run = CliRun.of("backtest", OvenRecording.workspace().toString(), db.toString());
        assertThat(run.status()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("backtest of " + OvenRecording.workspace() + " over session 2 of " + db
                + ": 6000 readings, 2026-11-27T05:13:07.000000000Z to 2026-11-27T05:13:36.990000000Z (29.990 s)");
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("trigger hot \\(Oven hot, critical\\): \\d+ firings, \\d+ pending only"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("trigger hot_f (Oven hot in Fahrenheit, warning): "));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches(" +1  2026-11-27T05:13:07\\.\\d{9}Z +2026-.*Z +2026-.*Z +\\d+\\.\\d{3} s  1\\d\\d\\.\\d+"));
    }

    @Test
    void aSessionWithoutTheTriggersChannelsIsAClearError() throws Exception {
        Path db = OvenRecording.write(dir.resolve("oven.db"));
        CliRun run = CliRun.of("backtest", OvenRecording.workspace().toString(), db.toString(), "--session", "1");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("benchwatch backtest: trigger 'hot_f' reads channel 'oven_temp_f', which has "
                + "no readings to backtest (channels with readings: oven_temp)\n");
        Path broken = Files.writeString(dir.resolve("w.json"), "{");
        CliRun bad = CliRun.of("backtest", broken.toString(), db.toString());
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("benchwatch backtest: " + broken + ": not a valid workspace");
    }
}
