package dev.benchwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code benchwatch validate} as a user runs it: compiler-style lines, a summary, exit 0 or 2. */
class ValidateCommandTest {
    private static String fixture(String name) {
        try {
            return Path.of(ValidateCommandTest.class.getResource("/workspaces/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aValidWorkspaceExitsZeroWithASummary() {
        String file = fixture("demo.json");
        CliRun run = CliRun.of("validate", file);
        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualTo(file + ": valid workspace (schema version 1): 3 devices, 4 channels, "
                + "3 pipelines, 9 windows, 3 triggers, 3 charts\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void eachErrorIsALineAnEditorCanJumpTo() {
        String file = fixture("unknown-device.json");
        CliRun run = CliRun.of("validate", file);
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out().lines().toList()).containsExactly(
                file + ":7:51: channels[0].device: unknown device 'ovn'; did you mean 'oven'? expected one of the "
                        + "workspace's devices: oven",
                file + ":11:37: triggers[0].actions[0].device: unknown device 'heater'; expected one of the workspace's "
                        + "devices: oven",
                file + ": 2 errors, not a valid workspace");
    }

    @Test
    void triggerConditionsAreCheckedWithTheTriggerLanguage() {
        String file = fixture("bad-trigger-text.json");
        CliRun run = CliRun.of("validate", file);
        assertThat(run.status()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.out().lines().toList()).containsExactly(
                file + ":8:75: triggers[0].when: expected a number after '>', found 'abc'",
                file + ":9:57: triggers[1].when: unknown channel 'oven_tmp'; expected a channel declared in channels, "
                        + "defined by a device, or created by a pipeline",
                file + ": 2 errors, not a valid workspace");
    }

    @Test
    void theConsoleRefusesAnInvalidWorkspaceWithTheSameMessages() {
        String file = fixture("bad-trigger-text.json");
        CliRun run = CliRun.of("--workspace", file, "--screenshot", "unused.png");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains(file + ":8:75: triggers[0].when: expected a number after '>', found 'abc'")
                .contains("the console did not open it");
        assertThat(java.nio.file.Files.exists(Path.of("unused.png"))).isFalse();
    }

    @Test
    void badJsonExitsTwo() {
        String file = fixture("bad-json-truncated.json");
        CliRun run = CliRun.of("validate", file);
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).startsWith(file + ":5:1: $: invalid JSON: Unexpected end-of-input")
                .endsWith(file + ": 1 error, not a valid workspace\n");
    }

    @Test
    void aMigratedFileSaysSo() {
        String file = fixture("v0-draft.json");
        CliRun run = CliRun.of("validate", file);
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("migrated from schema version 0, saving it writes version 1");
    }

    @Test
    void jsonPrintsOneObjectPerErrorAndTheSummaryOnStderr() throws Exception {
        String file = fixture("password.json");
        CliRun run = CliRun.of("validate", "--json", file);
        assertThat(run.status()).isEqualTo(2);
        List<JsonNode> errors = run.out().lines().map(ValidateCommandTest::json).toList();
        assertThat(errors).hasSize(2);
        assertThat(errors.get(1).get("file").asText()).isEqualTo(file);
        assertThat(errors.get(1).get("line").asInt()).isEqualTo(10);
        assertThat(errors.get(1).get("column").asInt()).isEqualTo(7);
        assertThat(errors.get(1).get("path").asText()).isEqualTo("devices[0].password");
        assertThat(errors.get(1).get("message").asText()).startsWith("secrets never go into the workspace file");
        assertThat(run.err()).isEqualTo(file + ": 2 errors, not a valid workspace\n");
    }

    @Test
    void aMissingFileExitsTwoWithAClearMessage(@TempDir Path dir) {
        String file = dir.resolve("nothere.json").toString();
        CliRun run = CliRun.of("validate", file);
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(file + ": cannot read the file: no such file\n");

        CliRun json = CliRun.of("validate", "--json", file);
        assertThat(json.status()).isEqualTo(2);
        assertThat(json(json.out().strip()).get("message").asText()).isEqualTo("cannot read the file: no such file");
    }

    @Test
    void aDirectoryOrAFileThatIsNotUtf8ExitsTwo(@TempDir Path dir) throws Exception {
        CliRun directory = CliRun.of("validate", dir.toString());
        assertThat(directory.status()).isEqualTo(2);
        assertThat(directory.err()).isEqualTo(dir + ": cannot read the file: it is a directory, expected a workspace file\n");

        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, new byte[] {'{', '"', (byte) 0xB0, '"', '}'});
        CliRun binary = CliRun.of("validate", latin1.toString());
        assertThat(binary.status()).isEqualTo(2);
        assertThat(binary.out()).startsWith(latin1 + ":1:1: $: the file is not UTF-8 text; expected a JSON document in UTF-8\n");
    }

    @Test
    void withoutAFileItIsAUsageError() {
        CliRun run = CliRun.of("validate");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter: 'FILE'");
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
