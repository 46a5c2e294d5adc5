package dev.benchwatch.workspace.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.device.sim.RecordingReplay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceWriterTest {
    private final WorkspaceWriter writer = new WorkspaceWriter();

    @Test
    void theCanonicalDemoFileWritesBackByteForByte() {
        String text = WorkspaceFiles.text("demo.json");
        Workspace workspace = new WorkspaceReader().read(text).workspace();
        assertThat(writer.write(workspace)).isEqualTo(text);
    }

    @Test
    void aNonCanonicalFileBecomesCanonicalAndStaysSo() {
        String loose = """
                {"schemaVersion":1,"devices":[{"kind":"replay","name":"m","file":"nab.csv","channel":"temp",
                "speed":"max","timestamps":"recorded","unit":""}],
                "triggers":[{"when":"temp > 90","id":"hot","for":"5000ms","severity":"warning","enabled":true}]}
                """;
        String canonical = writer.write(new WorkspaceReader().read(loose).workspace());
        assertThat(canonical).isEqualTo("""
                {
                  "schemaVersion": 1,
                  "devices": [
                    {
                      "name": "m",
                      "kind": "replay",
                      "file": "nab.csv",
                      "channel": "temp",
                      "speed": "max",
                      "timestamps": "recorded"
                    }
                  ],
                  "channels": [],
                  "pipelines": [],
                  "windows": [],
                  "triggers": [
                    {
                      "id": "hot",
                      "when": "temp > 90",
                      "for": "5s"
                    }
                  ]
                }
                """);
        Workspace again = new WorkspaceReader().read(canonical).workspace();
        assertThat(writer.write(again)).isEqualTo(canonical);
        assertThat(((DeviceConfig.Replay) again.devices().get(0)).speed()).isEqualTo(RecordingReplay.MAX_SPEED);
        assertThat(again.triggers().get(0).holdFor()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void detectorsAndHealthAreWrittenAfterTheTriggersAndOnlyWhenUsed() {
        String loose = """
                {"health":{"malformedLimit":50,"warmUp":"60000ms"},"schemaVersion":1,
                "devices":[{"kind":"mqtt","name":"lab","host":"b","topics":["lab/+/t"],"expectedDevices":["oven"],
                "health":{"lowRatio":0.25}}],
                "channels":[{"name":"temp","device":"lab"}],
                "detectors":[{"window":"3600s","detector":"zscore","channel":"temp"},{"detector":"spike","channel":"temp"}]}
                """;
        String canonical = writer.write(new WorkspaceReader().read(loose).workspace());
        assertThat(canonical).isEqualTo("""
                {
                  "schemaVersion": 1,
                  "devices": [
                    {
                      "name": "lab",
                      "kind": "mqtt",
                      "host": "b",
                      "topics": ["lab/+/t"],
                      "expectedDevices": ["oven"],
                      "health": {
                        "lowRatio": 0.25
                      }
                    }
                  ],
                  "channels": [
                    {
                      "name": "temp",
                      "device": "lab"
                    }
                  ],
                  "pipelines": [],
                  "windows": [],
                  "triggers": [],
                  "detectors": [
                    {
                      "channel": "temp",
                      "detector": "zscore",
                      "window": "1h"
                    },
                    {
                      "channel": "temp",
                      "detector": "spike"
                    }
                  ],
                  "health": {
                    "warmUp": "1m",
                    "malformedLimit": 50
                  }
                }
                """);
        Workspace without = new WorkspaceReader().read(canonical).workspace()
                .withTriggers(List.of());
        String plain = writer.write(new Workspace(without.schemaVersion(), without.devices(), without.channels(),
                without.pipelines(), without.windows(), without.triggers(), List.of(), HealthConfig.NONE,
                without.layout()));
        assertThat(plain).doesNotContain("\"detectors\"").endsWith("  \"triggers\": []\n}\n");
    }

    @Test
    void writingToAFileReplacesItWhole(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bench.json");
        Files.writeString(file, "old contents that are much longer than an empty workspace ".repeat(20));
        writer.write(Workspace.empty(), file);
        assertThat(Files.readString(file)).isEqualTo(writer.write(Workspace.empty()));
        assertThat(new WorkspaceReader().read(file).workspace()).isEqualTo(Workspace.empty());
        try (var listing = Files.list(dir)) {
            assertThat(listing.toList()).containsExactly(file);
        }
    }

    @Test
    void durationsUseTheLargestExactUnit() {
        assertThat(List.of(Duration.ZERO, Duration.ofMillis(1500), Duration.ofSeconds(120), Duration.ofNanos(7),
                Duration.ofHours(25), Duration.ofNanos(250_000))).map(Durations::format)
                .containsExactly("0s", "1500ms", "2m", "7ns", "25h", "250us");
        assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("5 s")).isNull();
        assertThat(Durations.parse("PT5S")).isNull();
    }

    @Test
    void numbersAndStringsAreWrittenSoTheyReadBackExactly() {
        assertThat(JsonText.number(170)).isEqualTo("170");
        assertThat(JsonText.number(-0.0)).isEqualTo("-0.0");
        assertThat(JsonText.number(0.1)).isEqualTo("0.1");
        assertThat(JsonText.number(1e300)).isEqualTo("1.0E300");
        assertThat(JsonText.quote("a\"b\\c\n\u0001°")).isEqualTo("\"a\\\"b\\\\c\\n\\u0001°\"");
    }
}
