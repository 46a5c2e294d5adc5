package dev.benchwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.device.DeviceBench;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.event.EventType;
import dev.benchwatch.engine.trigger.TriggerState;
import dev.benchwatch.record.RecordingBacktest;
import dev.benchwatch.record.RecordingReader;
import dev.benchwatch.record.SessionRecorder;
import dev.benchwatch.workspace.TriggerConfigs;
import dev.benchwatch.workspace.TriggerLanguageCheck;
import dev.benchwatch.workspace.WorkspaceSetup;
import dev.benchwatch.workspace.file.Workspace;
import dev.benchwatch.workspace.file.WorkspaceReader;
import dev.benchwatch.workspace.trigger.BacktestResult;
import dev.benchwatch.workspace.trigger.TriggerEpisode;
import dev.benchwatch.workspace.trigger.TriggerModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole loop on live data: a workspace runs on simulated devices while the session recorder records it;
 * the backtest of the recording then gives exactly the firings and clearings the live engine decided,
 * for triggers with FOR, hysteresis, cooldown, an aggregate and a pipeline's output.
 */
class RecordedBacktestEqualsLiveRunTest {
    @TempDir
    Path dir;

    private record Transition(String trigger, TriggerState to, long at) {
    }

    @Test
    void theBacktestOfARecordingRepeatsTheLiveRunExactly() throws Exception {
        Path file = dir.resolve("bench.json");
        Files.writeString(file, """
                {
                  "schemaVersion": 1,
                  "devices": [
                    {"name": "oven", "kind": "simulator", "rate": 500, "seed": 7, "channels": [
                      {"name": "temp", "unit": "°C", "waveforms": [
                        {"type": "sine", "offset": 100, "amplitude": 10, "period": "1s"},
                        {"type": "noise", "sigma": 1.5}]}]}
                  ],
                  "pipelines": [
                    {"id": "fahrenheit", "input": "temp", "output": "temp_f", "unit": "°F",
                     "operators": [{"op": "map", "scale": 1.8, "offset": 32}]}
                  ],
                  "triggers": [
                    {"id": "hot", "when": "temp > 107", "for": "40ms", "clear": "< 103"},
                    {"id": "mean_high", "when": "mean(temp, 100ms) > 106", "cooldown": "300ms"},
                    {"id": "cold_f", "when": "temp_f < 199", "clear": "temp_f > 203"}
                  ]
                }
                """, StandardCharsets.UTF_8);
        Workspace workspace = new WorkspaceReader(new TriggerLanguageCheck()).read(file).workspace();
        Path db = dir.resolve("session.db");
        List<Transition> live = new CopyOnWriteArrayList<>();
        try (Engine engine = new Engine(); DeviceBench bench = new DeviceBench(engine)) {
            engine.onEvent(EventType.THRESHOLD_BREACH, e -> live.add(new Transition(e.metadata().get("trigger"),
                    TriggerState.valueOf(e.metadata().get("to")), e.timestampNanos())));
            SessionRecorder recorder = new SessionRecorder(engine);
            assertThat(WorkspaceSetup.applyWithoutDevices(workspace, engine).errors()).isEmpty();
            engine.start();
            recorder.start(db, file.toString()); // before the devices: every reading is recorded
            assertThat(WorkspaceSetup.apply(new Workspace(workspace.schemaVersion(), workspace.devices(), List.of(),
                    List.of(), List.of(), List.of(), List.of(), null, workspace.layout()), engine, bench, Map.of()).errors()).isEmpty();
            Thread.sleep(4000);
            bench.close();
            engine.events().awaitIdle(5, TimeUnit.SECONDS);
            recorder.stop();
            assertThat(recorder.lost()).isZero();
        }

        List<TriggerModel> models = workspace.triggers().stream().map(TriggerConfigs::toModel).toList();
        BacktestResult backtest;
        try (RecordingReader reader = RecordingReader.open(db)) {
            backtest = RecordingBacktest.run(reader, reader.session(null).id(), models);
        }
        for (TriggerModel trigger : models) {
            List<Long> liveFired = times(live, trigger.id(), TriggerState.FIRING);
            List<Long> liveCleared = times(live, trigger.id(), TriggerState.CLEARED);
            List<TriggerEpisode> fired = backtest.firingEpisodes(trigger.id());
            assertThat(liveFired).as("%s fires live", trigger.id()).hasSizeGreaterThan(2);
            assertThat(fired.stream().map(TriggerEpisode::firedAt).toList()).as("%s firings", trigger.id())
                    .isEqualTo(liveFired);
            assertThat(fired.stream().map(TriggerEpisode::clearedAt).filter(t -> t != TriggerEpisode.NONE).toList())
                    .as("%s clearings", trigger.id()).isEqualTo(liveCleared);
        }
    }

    private static List<Long> times(List<Transition> transitions, String trigger, TriggerState to) {
        List<Long> times = new ArrayList<>();
        for (Transition t : transitions) {
            if (t.trigger().equals(trigger) && t.to() == to) {
                times.add(t.at());
            }
        }
        return times;
    }
}
