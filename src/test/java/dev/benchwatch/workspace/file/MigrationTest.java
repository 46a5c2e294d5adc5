package dev.benchwatch.workspace.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.engine.trigger.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationTest {
    @Test
    void aVersion0DraftIsMigrated() {
        WorkspaceReader.Result result = WorkspaceFiles.read("v0-draft.json");
        assertThat(result.errors()).isEmpty();
        assertThat(result.migratedFrom()).isZero();
        Workspace w = result.workspace();
        assertThat(w.schemaVersion()).isEqualTo(Workspace.CURRENT_SCHEMA_VERSION);
        assertThat(w.windows().get(0).sizeNanos()).isEqualTo(Duration.ofSeconds(10).toNanos());
        TriggerConfig trigger = w.triggers().get(0);
        assertThat(trigger.id()).isEqualTo("oven_overheat");
        assertThat(trigger.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(trigger.holdFor()).isEqualTo(Duration.ofSeconds(5));
        assertThat(trigger.cooldown()).isEqualTo(Duration.ofMinutes(1));
        // saved again, it is a version 1 file
        String saved = new WorkspaceWriter().write(w);
        assertThat(saved).contains("\"schemaVersion\": 1", "\"triggers\": [", "\"for\": \"5s\"", "\"cooldown\": \"1m\"",
                "\"size\": \"10s\"").doesNotContain("alarms", "Ms\"");
    }

    @Test
    void errorsInAMigratedFilePointIntoTheOriginalText() {
        WorkspaceReader.Result result = new WorkspaceReader().read("""
                {"schemaVersion": 0,
                 "alarms": [{"id": "a", "when": "x > 1", "forMs": "soon"}]}
                """);
        assertThat(result.errors()).containsExactly(new WorkspaceError(2, 51, "triggers[0].for",
                "expected a duration such as 5s, 250ms or 2m (units ns, us, ms, s, m, h), got \"soon\""));
    }

    @Test
    void aSessionWindowsSizeBecomesItsGap() {
        Json.Obj root = parse("{\"schemaVersion\": 0, \"windows\": [{\"id\": \"s\", \"kind\": \"session\", \"sizeMs\": 250}]}");
        WorkspaceReader.migrate(root, 0);
        assertThat(JsonText.print(root)).isEqualTo("""
                {
                  "schemaVersion": 1,
                  "windows": [
                    {
                      "id": "s",
                      "kind": "session",
                      "gap": "250ms"
                    }
                  ]
                }
                """);
    }

    @Test
    void stepsAreNumberedFromZeroWithoutGaps() {
        List<Migration> steps = Migration.all();
        assertThat(steps).hasSize(Workspace.CURRENT_SCHEMA_VERSION);
        for (int i = 0; i < steps.size(); i++) {
            assertThat(steps.get(i).from()).isEqualTo(i);
            assertThat(steps.get(i).description()).isNotBlank();
        }
    }

    @Test
    void aFileWithoutASchemaVersionIsRefused() {
        assertThat(new WorkspaceReader().read("{\"devices\": []}").errors()).containsExactly(new WorkspaceError(1, 1,
                "schemaVersion", "missing field 'schemaVersion'; expected a whole number (this Benchwatch writes 1)"));
        assertThat(new WorkspaceReader().read("{\"schemaVersion\": \"1\"}").errors()).containsExactly(new WorkspaceError(1, 19,
                "schemaVersion", "expected a whole number of 0-1, got \"1\""));
    }

    private static Json.Obj parse(String text) {
        List<WorkspaceError> errors = new ArrayList<>();
        Json json = JsonSource.parse(text, errors);
        assertThat(errors).isEmpty();
        return (Json.Obj) json;
    }
}
