package dev.benchwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What assets/ ships beside the program: the sample workspaces must stay valid (and the demo equal to the one
 * built into the program), the NAB recording must ship with its licence, and the desktop entry must name the
 * icon and the freedesktop categories the installers rely on.
 */
class SampleAssetsTest {
    private static final Path ASSETS = Path.of("assets");

    @Test
    void theDemoSampleIsTheBuiltInDemo() throws IOException {
        assertThat(Files.readString(ASSETS.resolve("workspaces/demo.json")))
                .isEqualTo(Files.readString(Path.of("src/main/resources/workspaces/demo.json")));
    }

    @Test
    void bothSamplesAreValidWorkspaces() {
        for (String name : new String[] {"demo.json", "nab-machine-replay.json"}) {
            String file = ASSETS.resolve("workspaces").resolve(name).toString();
            CliRun run = CliRun.of("validate", file);
            assertThat(run.status()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).startsWith(file + ": valid workspace");
        }
    }

    @Test
    void theReplaySampleRunsARobustDetectorThatCountsReadingsNotTime() {
        // replayed with live timestamps at 2 h per second, a time setting would mean wall-clock time: mad counts readings
        String file = ASSETS.resolve("workspaces/nab-machine-replay.json").toString();
        CliRun run = CliRun.of("validate", file);
        assertThat(run.out()).isEqualTo(file + ": valid workspace (schema version 1): 1 device, 0 channels, "
                + "0 pipelines, 1 window, 2 triggers, 1 detector, 1 chart\n");
    }

    @Test
    void theReplaySampleShipsItsRecordingWithLicenceAndProvenance() throws IOException {
        String workspace = Files.readString(ASSETS.resolve("workspaces/nab-machine-replay.json"));
        assertThat(workspace).contains("\"file\": \"data/machine_temperature_system_failure.csv\"");
        Path data = ASSETS.resolve("workspaces/data");
        assertThat(Files.readAllLines(data.resolve("machine_temperature_system_failure.csv"))).hasSize(22_696)
                .first().isEqualTo("timestamp,value");
        assertThat(Files.readString(data.resolve("LICENSE.txt"))).contains("MIT").contains("Numenta");
        assertThat(Files.readString(data.resolve("README.md"))).contains("Numenta Anomaly Benchmark");
    }

    @Test
    void theDesktopEntryIsAScienceApplicationWithTheIcon() throws IOException {
        var lines = Files.readAllLines(ASSETS.resolve("benchwatch.desktop"));
        assertThat(lines).first().isEqualTo("[Desktop Entry]");
        assertThat(lines).contains("Type=Application", "Exec=/opt/benchwatch/bin/benchwatch-console", "Icon=benchwatch",
                "Categories=Science;Engineering;Electronics;DataVisualization;");
        for (int size : new int[] {16, 32, 48, 64, 128, 256, 512}) {
            assertThat(ASSETS.resolve("icons/benchwatch-" + size + ".png")).isRegularFile();
        }
    }
}
