package dev.benchwatch.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineConfig;
import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.event.EventType;
import dev.benchwatch.engine.ingest.IngestSource;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import dev.benchwatch.engine.pipeline.OperatorSpec;
import dev.benchwatch.engine.pipeline.PipelineSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionRecorderTest {
    private static final long T0 = 1_700_000_000_000_000_000L;

    @TempDir
    Path dir;

    private static Engine newEngine() {
        return new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO).build());
    }

    @Test
    void recordsEveryAcceptedReadingWithItsChannelsDevicesEventsAndMarkers() throws Exception {
        Path file = dir.resolve("session.db");
        try (Engine engine = newEngine()) {
            int volts = engine.registerChannel("psu_volts", "V", "psu").id();
            int temp = engine.registerChannel("oven_temp", "°C", "oven").id();
            engine.addPipeline(new PipelineSpec("double", "psu_volts", "psu_volts_x2", "V",
                    List.of(new OperatorSpec.Map(2, 0))));
            IngestSource psu = engine.registerSource("psu", OverloadPolicy.BLOCK);
            engine.start();
            SessionRecorder recorder = new SessionRecorder(engine);
            long sessionId = recorder.start(file, "bench.json");
            assertThat(recorder.isRecording()).isTrue();

            for (int i = 0; i < 20_000; i++) {
                psu.offer(i % 2 == 0 ? volts : temp, T0 + i, i);
            }
            psu.offer(volts, T0, Double.NaN); // rejected by the engine: not recorded, not counted
            int late = engine.registerChannel("late_channel", "A", "clamp").id(); // appears mid-session
            psu.offer(late, T0 + 20_000, 42.0);
            engine.publishEvent(new Event(0, EventType.DEVICE_STATUS, "psu", T0 + 5, "psu connected", 4, "",
                    Map.of("port", "/dev/ttyUSB0")));
            recorder.mark("lid opened");
            recorder.mark(T0 + 7, "oven_overheat fired");
            await(() -> engine.snapshotNow().metrics().accepted() == 20_001);
            recorder.stop();
            assertThat(recorder.isRecording()).isFalse();

            long derivedReadings = 10_000;
            assertThat(recorder.accepted()).isEqualTo(20_001 + derivedReadings);
            assertThat(recorder.recorded()).isEqualTo(recorder.accepted());
            assertThat(recorder.lost()).isZero();
            assertThat(recorder.bytesOnDisk()).isPositive();
            assertThat(recorder.duration()).isPositive();

            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                assertThat(queryLong(db, "SELECT accepted FROM session WHERE id = " + sessionId)).isEqualTo(30_001);
                assertThat(queryLong(db, "SELECT recorded FROM session WHERE id = " + sessionId)).isEqualTo(30_001);
                assertThat(queryLong(db, "SELECT lost FROM session WHERE id = " + sessionId)).isZero();
                assertThat(queryLong(db, "SELECT stopped_ns IS NOT NULL FROM session")).isEqualTo(1);
                assertThat(queryStrings(db, "SELECT workspace FROM session")).containsExactly("bench.json");
                assertThat(queryStrings(db, "SELECT name FROM device ORDER BY name"))
                        .containsExactly("clamp", "oven", "psu");
                assertThat(queryStrings(db, "SELECT name || '|' || unit || '|' || device || '|' || derived FROM channel"
                        + " ORDER BY id")).containsExactly("psu_volts|V|psu|0", "oven_temp|°C|oven|0",
                        "psu_volts_x2|V||1", "late_channel|A|clamp|0");
                // readings in the engine's order: each volts reading followed by its derived doubling
                List<String> first = queryStrings(db, "SELECT c.name || '=' || r.value || '@' || (r.ts_ns - " + T0
                        + ") FROM reading r JOIN channel c ON c.id = r.channel_id ORDER BY r.rowid LIMIT 4");
                assertThat(first).containsExactly("psu_volts=0.0@0", "psu_volts_x2=0.0@0", "oven_temp=1.0@1",
                        "psu_volts=2.0@2");
                assertThat(queryLong(db, "SELECT count(*) FROM reading r JOIN channel c ON c.id = r.channel_id"
                        + " WHERE c.name = 'late_channel' AND r.value = 42")).isEqualTo(1);
                assertThat(queryLong(db, "SELECT count(*) FROM reading")).isEqualTo(30_001);
                assertThat(queryStrings(db, "SELECT type || '|' || device || '|' || severity || '|' || message || '|'"
                        + " || json_extract(data, '$.metadata.port') FROM event WHERE type = 'DEVICE_STATUS'"))
                        .containsExactly("DEVICE_STATUS|psu|4|psu connected|/dev/ttyUSB0");
                assertThat(queryStrings(db, "SELECT label || '|' || source FROM marker ORDER BY id"))
                        .containsExactly("lid opened|user", "oven_overheat fired|trigger");
                assertThat(queryStrings(db, "SELECT name FROM sqlite_master WHERE type = 'index'"))
                        .contains("reading_by_channel_time");
                assertThat(queryStrings(db, "PRAGMA journal_mode")).containsExactly("wal");
            }
            assertThatThrownBy(() -> recorder.mark("after stop")).hasMessageContaining("no recording in progress");
        }
    }

    @Test
    void commitsWhileRecordingSoAnotherReaderSeesReadingsWithinASecond() throws Exception {
        Path file = dir.resolve("live.db");
        try (Engine engine = newEngine(); SessionRecorder recorder = new SessionRecorder(engine)) {
            int ch = engine.registerChannel("ch", "", "dev").id();
            IngestSource source = engine.registerSource("dev", OverloadPolicy.BLOCK);
            engine.start();
            recorder.start(file, "live");
            for (int i = 0; i < 1_000; i++) {
                source.offer(ch, T0 + i, i);
            }
            long offeredAt = System.nanoTime();
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                long seen = 0;
                while (seen < 1_000 && System.nanoTime() - offeredAt < 2_000_000_000L) {
                    seen = queryLong(db, "SELECT count(*) FROM reading");
                    Thread.sleep(10);
                }
                long waited = (System.nanoTime() - offeredAt) / 1_000_000;
                assertThat(seen).isEqualTo(1_000);
                assertThat(waited).as("ms until committed").isLessThan(1_000);
                assertThat(queryLong(db, "SELECT recorded FROM session")).isEqualTo(1_000);
                assertThat(queryLong(db, "SELECT stopped_ns IS NULL FROM session")).isEqualTo(1);
            }
            assertThat(recorder.recorded()).isEqualTo(1_000);
        }
    }

    @Test
    void aFullDiskRaisesAnAlertCountsTheUnwrittenReadingsAsLostAndTheEngineCarriesOn() throws Exception {
        Path file = dir.resolve("full.db");
        // SQLite's own size limit fails with SQLITE_FULL exactly as a full disk does
        RecordingSettings small = RecordingSettings.defaults().withMaxFileBytes(1024 * 1024);
        try (Engine engine = newEngine(); SessionRecorder recorder = new SessionRecorder(engine, small)) {
            int ch = engine.registerChannel("ch", "", "dev").id();
            IngestSource source = engine.registerSource("dev", OverloadPolicy.BLOCK);
            engine.start();
            recorder.start(file, "full");
            long offered = 0;
            for (; offered < 20_000; offered++) {
                source.offer(ch, T0 + offered, offered);
            }
            await(() -> recorder.recorded() == 20_000); // committed before the disk fills: kept
            for (; offered < 300_000; offered++) {
                source.offer(ch, T0 + offered, offered);
            }
            await(() -> recorder.failure().isPresent());
            for (int i = 0; i < 1_000; i++, offered++) {
                source.offer(ch, T0 + offered, offered); // still accepted after the failure
            }
            long total = offered;
            await(() -> engine.snapshotNow().metrics().accepted() == total);
            recorder.stop();

            assertThat(recorder.failure()).get().asString().contains("full");
            assertThat(recorder.accepted()).isEqualTo(total);
            assertThat(recorder.lost(LossReason.WRITE_FAILED)).isPositive();
            assertThat(recorder.recorded()).isGreaterThanOrEqualTo(20_000);
            assertThat(recorder.recorded() + recorder.lost()).isEqualTo(recorder.accepted());
            assertAlert(engine, false, "recording to " + file + " failed", "database or disk is full");
            assertAlert(engine, false, "lost " + recorder.lost() + " of " + total);
            assertThat(engine.snapshotNow().channel("ch").latest()).isEqualTo(total - 1);

            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                long rows = queryLong(db, "SELECT count(*) FROM reading");
                assertThat(rows).isEqualTo(recorder.recorded());
                // what was written is a gap-free prefix of what was accepted
                assertThat(queryLong(db, "SELECT coalesce(max(value), -1) FROM reading")).isEqualTo(rows - 1);
            }
        }
    }

    @Test
    void anUnwritablePathRaisesAnAlertNamingTheFileAndTheEngineCarriesOn() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file.txt"), "a regular file");
        Path file = notADirectory.resolve("rec.db"); // fails for root too, unlike a read-only directory
        try (Engine engine = newEngine(); SessionRecorder recorder = new SessionRecorder(engine)) {
            int ch = engine.registerChannel("ch", "", "dev").id();
            IngestSource source = engine.registerSource("dev", OverloadPolicy.BLOCK);
            engine.start();
            assertThatThrownBy(() -> recorder.start(file, "ws")).isInstanceOf(IOException.class)
                    .hasMessageContaining("cannot record to " + file);
            assertThat(recorder.isRecording()).isFalse();
            source.offer(ch, T0, 1.0);
            await(() -> engine.snapshotNow().metrics().accepted() == 1);
            assertAlert(engine, false, "cannot record to " + file, "SQLITE_CANTOPEN");
            assertThat(recorder.lost()).isZero();
            Path missingDirectory = dir.resolve("no/such/dir/rec.db");
            assertThatThrownBy(() -> recorder.start(missingDirectory, "ws")).isInstanceOf(IOException.class)
                    .hasMessageContaining(missingDirectory.toString());
        }
    }

    @Test
    void aBufferTooSmallForTheBurstCountsTheRestAsLostAndRaisesAnAlarm() throws Exception {
        Path file = dir.resolve("burst.db");
        try (Engine engine = newEngine();
             SessionRecorder recorder = new SessionRecorder(engine, RecordingSettings.defaults().withBufferCapacity(16))) {
            int ch = engine.registerChannel("ch", "", "dev").id();
            IngestSource source = engine.registerSource("dev", OverloadPolicy.BLOCK);
            recorder.start(file, "burst");
            for (int i = 0; i < 5_000; i++) {
                source.offer(ch, T0 + i, i);
            }
            engine.doWork(); // one duty cycle: 5,000 readings into a ring of 16
            recorder.stop();
            engine.doWork(); // deliver the alerts
            engine.events().awaitIdle(1, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(recorder.accepted()).isEqualTo(5_000);
            assertThat(recorder.lost(LossReason.BUFFER_FULL)).isPositive();
            assertThat(recorder.recorded() + recorder.lost()).isEqualTo(5_000);
            assertAlert(engine, true, "lost " + recorder.lost() + " of 5000", "recorder buffer full");
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                assertThat(queryLong(db, "SELECT lost FROM session")).isEqualTo(recorder.lost());
                assertThat(queryStrings(db, "SELECT lost_reason FROM session"))
                        .containsExactly("recorder buffer full: " + recorder.lost());
                assertThat(queryLong(db, "SELECT count(*) FROM reading")).isEqualTo(recorder.recorded());
            }
        }
    }

    @Test
    void aSecondSessionGoesIntoTheSameFileUnderItsOwnId() throws Exception {
        Path file = dir.resolve("two.db");
        try (Engine engine = newEngine(); SessionRecorder recorder = new SessionRecorder(engine)) {
            int ch = engine.registerChannel("ch", "", "dev").id();
            IngestSource source = engine.registerSource("dev", OverloadPolicy.BLOCK);
            long first = recorder.start(file, "a");
            source.offer(ch, T0, 1);
            engine.doWork();
            recorder.stop();
            long second = recorder.start(file, "b");
            source.offer(ch, T0 + 1, 2);
            source.offer(ch, T0 + 2, 3);
            engine.doWork();
            recorder.stop();
            assertThat(second).isNotEqualTo(first);
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                assertThat(queryStrings(db, "SELECT s.workspace || ':' || count(*) FROM reading r JOIN channel c"
                        + " ON c.id = r.channel_id JOIN session s ON s.id = c.session_id GROUP BY s.id ORDER BY s.id"))
                        .containsExactly("a:1", "b:2");
            }
        }
    }

    /** Waits for a SYSTEM_ALERT whose message contains every fragment (case-insensitive). */
    static void assertAlert(Engine engine, boolean drivenByHand, String... fragments) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<String> seen = new ArrayList<>();
        do {
            seen.clear();
            for (Event event : engine.snapshotNow().recentEvents()) {
                if (event.type() == EventType.SYSTEM_ALERT) {
                    seen.add(event.data());
                    String lower = event.data().toLowerCase(java.util.Locale.ROOT);
                    if (java.util.Arrays.stream(fragments)
                            .allMatch(f -> lower.contains(f.toLowerCase(java.util.Locale.ROOT)))) {
                        return;
                    }
                }
            }
            if (drivenByHand) {
                engine.doWork(); // an engine without its thread takes published events in a duty cycle
            }
            Thread.sleep(10);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no SYSTEM_ALERT containing " + java.util.Arrays.toString(fragments) + "; alerts: "
                + seen);
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(5);
        }
    }

    static long queryLong(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static List<String> queryStrings(Connection db, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                out.add(rows.getString(1));
            }
        }
        return out;
    }
}
