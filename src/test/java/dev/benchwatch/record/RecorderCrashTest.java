package dev.benchwatch.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.engine.NanoClock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a recording: the file must open, hold a gap-free prefix of what was offered, and
 * lose at most the last second (docs/RECORDING.md: commits every 200 ms, WAL).
 */
class RecorderCrashTest {
    private static final int RATE = 20_000;

    @TempDir
    Path dir;

    @Test
    void afterKillNineTheFileHoldsAGapFreePrefixUpToAtMostOneSecondBeforeTheKill() throws Exception {
        Path file = dir.resolve("crash.db");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                RecordingChild.class.getName(), file.toString(), Integer.toString(RATE))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        AtomicLong offered = new AtomicLong();
        AtomicLong recordedByChild = new AtomicLong();
        AtomicReference<String> lastLine = new AtomicReference<>("");
        Thread reader = Thread.ofPlatform().daemon(true).start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    lastLine.set(line);
                    String[] parts = line.split(" ");
                    if (parts.length == 5 && parts[0].equals("offered")) {
                        offered.set(Long.parseLong(parts[1]));
                        recordedByChild.set(Long.parseLong(parts[4]));
                    }
                }
            } catch (Exception e) {
                // the child was killed
            }
        });
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (recordedByChild.get() < 3 * RATE && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(recordedByChild.get()).as("child's progress (last line: %s)", lastLine.get())
                    .isGreaterThanOrEqualTo(3 * RATE);
        } finally {
            long killedAt = NanoClock.SYSTEM.nowNanos();
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no final commit
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            reader.join(2_000);
            long offeredAtKill = offered.get();

            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                long rows = SessionRecorderTest.queryLong(db, "SELECT count(*) FROM reading");
                long maxValue = SessionRecorderTest.queryLong(db, "SELECT max(value) FROM reading");
                long outOfPlace = SessionRecorderTest.queryLong(db,
                        "SELECT count(*) FROM reading WHERE value <> rowid - (SELECT min(rowid) FROM reading)");
                long lastTs = SessionRecorderTest.queryLong(db, "SELECT max(ts_ns) FROM reading");
                List<String> session = SessionRecorderTest.queryStrings(db,
                        "SELECT workspace || '|' || (stopped_ns IS NULL) FROM session");
                System.out.printf("kill -9 after %d offered: %d rows committed, last committed reading %.0f ms before"
                        + " the kill%n", offeredAtKill, rows, (killedAt - lastTs) / 1e6);

                assertThat(session).containsExactly("crash-test|1"); // never stopped
                assertThat(rows).isGreaterThanOrEqualTo(3 * RATE);
                assertThat(maxValue).isEqualTo(rows - 1);       // 0..rows-1: a prefix...
                assertThat(outOfPlace).isZero();                // ...in order, without gaps
                assertThat(killedAt - lastTs).as("ns between the last committed reading and the kill")
                        .isBetween(0L, 1_000_000_000L);
                assertThat(SessionRecorderTest.queryLong(db, "SELECT recorded FROM session"))
                        .isLessThanOrEqualTo(rows).isGreaterThan(0);
                RecordingSchema.index(db); // a reader adds the index a crash left out
            }
        }
    }
}
