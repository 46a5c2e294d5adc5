package dev.benchwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code benchwatch replay} as a user runs it: transitions as they happen, then a summary. */
class ReplayCommandTest {
    private static final Pattern TRANSITION = Pattern.compile(
            "(\\S+Z)  (\\S+)  (OK|PENDING|FIRING|CLEARED) -> (OK|PENDING|FIRING|CLEARED)  (\\S+) = (\\S+)");

    @TempDir
    Path dir;

    @Test
    void replaysAtMaximumSpeedThroughTheWorkspaceAndFiresAsTheBacktestSays() throws Exception {
        Path db = OvenRecording.write(dir.resolve("oven.db"));
        CliRun run = CliRun.of("replay", db.toString(), "--workspace", OvenRecording.workspace().toString(),
                "--speed", "max");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("replaying session 2 of " + db
                + " (1 channel, 29.990 s of readings) at maximum speed");
        // only the device channel is replayed: the pipeline derives oven_temp_f again
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("replayed 3000 readings in \\d+\\.\\d{3} s: \\d+ readings/s"));

        Map<String, List<String>> firedAt = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher m = TRANSITION.matcher(line);
            if (m.matches() && m.group(4).equals("FIRING")) {
                firedAt.computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(m.group(1));
            }
        }
        CliRun backtest = CliRun.of("backtest", OvenRecording.workspace().toString(), db.toString(), "--json");
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (String line : backtest.out().lines().toList()) {
            JsonNode node = new ObjectMapper().readTree(line);
            if (node.get("type").asText().equals("episode") && node.get("fired").asBoolean()) {
                expected.computeIfAbsent(node.get("trigger").asText(), k -> new ArrayList<>())
                        .add(node.get("firedAt").asText());
            }
        }
        assertThat(expected.get("hot")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(firedAt).isEqualTo(expected);
        assertThat(lines).contains("trigger hot: " + expected.get("hot").size() + " firings",
                "trigger hot_f: " + expected.get("hot_f").size() + " firings");
    }

    @Test
    void aFiniteSpeedTakesItsTime() throws Exception {
        Path db = OvenRecording.write(dir.resolve("oven.db"));
        long started = System.nanoTime();
        CliRun run = CliRun.of("replay", db.toString(), "--workspace", OvenRecording.workspace().toString(),
                "--speed", "60", "--session", "2");
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(ms).isGreaterThanOrEqualTo(490); // 30 s at 60x
        assertThat(run.out()).startsWith("replaying session 2 of " + db + " (1 channel, 29.990 s of readings) at 60.0x\n")
                .contains("replayed 3000 readings in ");
    }

    @Test
    void badArgumentsAreClearErrors() throws Exception {
        Path db = OvenRecording.write(dir.resolve("oven.db"));
        String workspace = OvenRecording.workspace().toString();
        CliRun speed = CliRun.of("replay", db.toString(), "--workspace", workspace, "--speed", "fast");
        assertThat(speed.status()).isEqualTo(2);
        assertThat(speed.err()).isEqualTo("benchwatch replay: --speed 'fast': expected max or a positive number such "
                + "as 1, 10 or 0.5\n");
        CliRun session = CliRun.of("replay", db.toString(), "--workspace", workspace, "--session", "3");
        assertThat(session.status()).isEqualTo(2);
        assertThat(session.err()).endsWith("no session 3; the recording has sessions [1, 2]\n");
        CliRun missing = CliRun.of("replay", dir.resolve("none.db").toString(), "--workspace", workspace);
        assertThat(missing.err()).isEqualTo("benchwatch replay: " + dir.resolve("none.db") + ": no such file\n");
    }
}
