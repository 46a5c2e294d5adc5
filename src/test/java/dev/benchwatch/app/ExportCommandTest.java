package dev.benchwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code benchwatch export} as a user runs it. */
class ExportCommandTest {
    @TempDir
    Path dir;

    @Test
    void exportsTheLatestSessionLong() throws Exception {
        Path db = OvenRecording.write(dir.resolve("oven.db"));
        Path csv = dir.resolve("out.csv");
        CliRun run = CliRun.of("export", db.toString(), "--csv", csv.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(db + ": exported 6000 readings of session 2 (2 channels, long) to " + csv + "\n");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(6001);
        assertThat(lines.get(0)).isEqualTo("time,device,channel,value,unit");
        assertThat(lines.get(1)).isEqualTo("2026-11-27T05:13:07.000000000Z,oven,oven_temp,170.0,°C");
        assertThat(lines.get(2)).isEqualTo("2026-11-27T05:13:07.000000000Z,,oven_temp_f,338.0,°F");
        String[] third = lines.get(3).split(",");
        assertThat(third[0]).isEqualTo("2026-11-27T05:13:07.010000000Z");
        assertThat(Double.parseDouble(third[3])).isEqualTo(OvenRecording.celsius(1));
        assertThat(Files.list(dir).filter(p -> p.toString().endsWith(".partial"))).isEmpty();
    }

    @Test
    void exportsChosenChannelsOfAChosenSessionWide() throws Exception {
        Path db = OvenRecording.write(dir.resolve("oven.db"));
        Path csv = dir.resolve("wide.csv");
        CliRun run = CliRun.of("export", db.toString(), "--csv", csv.toString(), "--wide", "--session", "2",
                "--channels", "oven_temp_f,oven_temp");
        assertThat(run.status()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(OvenRecording.N + 1);
        assertThat(lines.get(0)).isEqualTo("time,oven_temp_f,oven_temp");
        assertThat(lines.get(1)).isEqualTo("2026-11-27T05:13:07.000000000Z,338.0,170.0");
        CliRun stub = CliRun.of("export", db.toString(), "--csv", csv.toString(), "--wide", "--session", "1");
        assertThat(stub.status()).isZero();
        assertThat(Files.readString(csv)).isEqualTo("time,oven_temp\r\n2026-11-27T05:13:06.100000000Z,20.0\r\n");
    }

    @Test
    void saysWhatIsWrong() throws Exception {
        Path db = OvenRecording.write(dir.resolve("oven.db"));
        Path csv = dir.resolve("x.csv");
        CliRun unknownChannel = CliRun.of("export", db.toString(), "--csv", csv.toString(), "--channels", "lid");
        assertThat(unknownChannel.status()).isEqualTo(2);
        assertThat(unknownChannel.err()).isEqualTo("benchwatch export: " + db
                + ": session 2 has no channel 'lid'; it has oven_temp, oven_temp_f\n");
        CliRun noSession = CliRun.of("export", db.toString(), "--csv", csv.toString(), "--session", "5");
        assertThat(noSession.err()).contains("no session 5; the recording has sessions [1, 2]");
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        CliRun notARecording = CliRun.of("export", text.toString(), "--csv", csv.toString());
        assertThat(notARecording.status()).isEqualTo(2);
        assertThat(notARecording.err()).isEqualTo("benchwatch export: " + text
                + ": not a recording: the file is not an SQLite database\n");
        assertThat(csv).doesNotExist();
    }
}
