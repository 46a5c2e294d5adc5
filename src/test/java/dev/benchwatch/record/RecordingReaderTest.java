package dev.benchwatch.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader against files written with plain JDBC from the schema. */
class RecordingReaderTest {
    static final long T0 = 1_795_756_387_123_456_789L;

    @TempDir
    Path dir;

    /** A row as streamed, for comparisons. */
    record Row(int channel, long ts, double value) {
    }

    private static List<Row> all(RecordingReader reader, ReadingFilter filter) throws RecordingException {
        List<Row> rows = new ArrayList<>();
        reader.stream(filter, (c, ts, v) -> rows.add(new Row(c, ts, v)));
        return rows;
    }

    private Path twoSessions() throws Exception {
        Path file = dir.resolve("two.db");
        try (RecordingFixture f = RecordingFixture.create(file)) {
            long s1 = f.session(T0, T0 + 10);
            int a = f.channel(s1, "temp", "°C", "oven", false);
            f.reading(a, T0, 1.5);
            long s2 = f.session(T0 + 100, null);
            int b = f.channel(s2, "temp", "°C", "oven", false);
            int c = f.channel(s2, "door", "", "oven", false);
            int d = f.channel(s2, "temp.mean", "°C", "", true);
            f.reading(b, T0 + 100, 20).reading(c, T0 + 100, 0).reading(d, T0 + 101, 20)
                    .reading(b, T0 + 102, 21).reading(c, T0 + 103, 1);
            f.counts(s2, 5, 5, 0, null);
        }
        return file;
    }

    @Test
    void listsSessionsAndChannels() throws Exception {
        try (RecordingReader reader = RecordingReader.open(twoSessions())) {
            List<RecordedSession> sessions = reader.sessions();
            assertThat(sessions).hasSize(2);
            assertThat(sessions.get(0)).isEqualTo(new RecordedSession(1, T0, T0 + 10, "test.json", 0, 0, 0, ""));
            assertThat(sessions.get(1).stopped()).isFalse();
            assertThat(sessions.get(1).recorded()).isEqualTo(5);
            assertThat(reader.session(null).id()).isEqualTo(2);
            assertThat(reader.channels(2)).extracting(RecordedChannel::name, RecordedChannel::unit,
                            RecordedChannel::device, RecordedChannel::derived)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("temp", "°C", "oven", false),
                            org.assertj.core.groups.Tuple.tuple("door", "", "oven", false),
                            org.assertj.core.groups.Tuple.tuple("temp.mean", "°C", "", true));
            assertThatThrownBy(() -> reader.session(7L)).isInstanceOf(RecordingException.class)
                    .hasMessageEndingWith("no session 7; the recording has sessions [1, 2]");
        }
    }

    @Test
    void streamsOneSessionWithFiltersAndRange() throws Exception {
        try (RecordingReader reader = RecordingReader.open(twoSessions())) {
            assertThat(all(reader, ReadingFilter.session(2))).containsExactly(new Row(2, T0 + 100, 20),
                    new Row(3, T0 + 100, 0), new Row(4, T0 + 101, 20), new Row(2, T0 + 102, 21), new Row(3, T0 + 103, 1));
            assertThat(all(reader, ReadingFilter.session(2).withoutDerived())).extracting(Row::channel)
                    .containsExactly(2, 3, 2, 3);
            assertThat(all(reader, ReadingFilter.session(2).channels(List.of("door")))).containsExactly(
                    new Row(3, T0 + 100, 0), new Row(3, T0 + 103, 1));
            assertThat(all(reader, ReadingFilter.session(2).from(T0 + 101).until(T0 + 103))).containsExactly(
                    new Row(4, T0 + 101, 20), new Row(2, T0 + 102, 21));
            assertThat(all(reader, ReadingFilter.session(1))).containsExactly(new Row(1, T0, 1.5));
            assertThatThrownBy(() -> all(reader, ReadingFilter.session(2).channels(List.of("lid"))))
                    .hasMessageContaining("session 2 has no channel 'lid'; it has temp, door, temp.mean");
            long[] stopAfterTwo = {0};
            assertThat(reader.stream(ReadingFilter.session(2), (c, t, v) -> ++stopAfterTwo[0] < 2)).isEqualTo(2);
        }
    }

    @Test
    void readingsRecordedOutOfTimeOrderComeOutInTimeOrderTiesByInsertion() throws Exception {
        Path file = dir.resolve("disorder.db");
        try (RecordingFixture f = RecordingFixture.create(file)) {
            long s = f.session(T0, T0);
            int a = f.channel(s, "a", "", "d1", false);
            int b = f.channel(s, "b", "", "d2", false);
            f.reading(a, T0 + 5, 1).reading(b, T0 + 3, 2).reading(a, T0 + 3, 3).reading(b, T0 + 5, 4)
                    .reading(a, T0 + 1, 5);
        }
        try (RecordingReader reader = RecordingReader.open(file)) {
            assertThat(all(reader, ReadingFilter.session(1))).containsExactly(new Row(1, T0 + 1, 5),
                    new Row(2, T0 + 3, 2), new Row(1, T0 + 3, 3), new Row(1, T0 + 5, 1), new Row(2, T0 + 5, 4));
        }
    }

    @Test
    void nearlyOrderedAndFarOutOfOrderRecordingsComeOutExactlySorted() throws Exception {
        for (long jitter : new long[] {0, 5_000, 90_000_000_000L}) {
            Path file = dir.resolve("jitter" + jitter + ".db");
            List<Row> expected = new ArrayList<>();
            java.util.Random random = new java.util.Random(jitter);
            try (RecordingFixture f = RecordingFixture.create(file)) {
                long s = f.session(T0, T0 + 1);
                int[] ids = {f.channel(s, "a", "", "d1", false), f.channel(s, "b", "", "d2", false),
                        f.channel(s, "c", "", "d3", false)};
                for (int i = 0; i < 20_000; i++) {
                    int id = ids[random.nextInt(3)];
                    long ts = T0 + i * 1_000L + (jitter == 0 ? 0 : random.nextInt(4) == 0 ? -random.nextLong(jitter) : 0)
                            + (random.nextInt(10) == 0 ? 0 : random.nextInt(2)); // repeated times too
                    if (jitter == 0) {
                        ts = T0 + i * 1_000L;
                    }
                    f.reading(id, ts, i);
                    expected.add(new Row(id, ts, i));
                }
            }
            expected.sort(java.util.Comparator.comparingLong(Row::ts)); // stable: ties in insertion order
            try (RecordingReader reader = RecordingReader.open(file)) {
                assertThat(all(reader, ReadingFilter.session(1))).as("jitter " + jitter).isEqualTo(expected);
                assertThat(all(reader, ReadingFilter.session(1).channels(List.of("c", "a")))).as("jitter " + jitter)
                        .isEqualTo(expected.stream().filter(r -> r.channel() != 2).toList());
                assertThat(all(reader, ReadingFilter.session(1).channels(List.of("b")))).as("jitter " + jitter)
                        .isEqualTo(expected.stream().filter(r -> r.channel() == 2).toList());
                assertThat(reader.disorder(1) == 0).isEqualTo(jitter == 0);
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                 ResultSet rs = c.createStatement().executeQuery(
                         "SELECT value FROM meta WHERE key = 'reading_disorder_ns.session.1'")) {
                assertThat(rs.next()).as("remembered for a stopped session").isTrue();
            }
        }
    }

    @Test
    void aCrashedRecordingGetsItsIndexWhenWritable() throws Exception {
        Path file = dir.resolve("crashed.db");
        RecordingFixture f = RecordingFixture.create(file);
        long s = f.session(T0, null);
        int a = f.channel(s, "a", "", "d", false);
        f.reading(a, T0, 1);
        f.closeWithoutIndex();
        assertThat(hasIndex(file)).isFalse();
        try (RecordingReader reader = RecordingReader.open(file)) {
            assertThat(reader.indexed()).isTrue();
            assertThat(all(reader, ReadingFilter.session(1))).containsExactly(new Row(a, T0, 1));
        }
        assertThat(hasIndex(file)).isTrue();
    }

    @Test
    void aReadOnlyCrashedRecordingIsReadWithoutIndex() throws Exception {
        Path file = dir.resolve("readonly.db");
        RecordingFixture f = RecordingFixture.create(file);
        long s = f.session(T0, null);
        int a = f.channel(s, "a", "", "d", false);
        f.reading(a, T0 + 1, 2).reading(a, T0, 1);
        f.closeWithoutIndex();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        // root may write a read-only file: then the reader's own never-write mode stands in for it
        boolean root = Files.isWritable(file);
        try (RecordingReader reader = RecordingReader.open(file, !root)) {
            assertThat(reader.indexed()).isFalse();
            assertThat(all(reader, ReadingFilter.session(1))).containsExactly(new Row(a, T0, 1), new Row(a, T0 + 1, 2));
        }
        assertThat(hasIndex(file)).isFalse();
    }

    private static boolean hasIndex(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT 1 FROM sqlite_master WHERE name = 'reading_by_channel_time'")) {
            return rs.next();
        }
    }

    @Test
    void refusesANewerFormat() throws Exception {
        Path file = dir.resolve("future.db");
        try (RecordingFixture f = RecordingFixture.create(file)) {
            f.formatVersion("2");
        }
        assertThatThrownBy(() -> RecordingReader.open(file)).isInstanceOf(RecordingException.class)
                .hasMessage(file + ": recording format version 2 is newer than this Benchwatch reads (up to 1); "
                        + "open it with a newer Benchwatch");
    }

    @Test
    void refusesWhatIsNotARecording() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.db"), "temperature,20\n");
        assertThatThrownBy(() -> RecordingReader.open(text))
                .hasMessage(text + ": not a recording: the file is not an SQLite database");
        Path empty = Files.createFile(dir.resolve("empty.db"));
        assertThatThrownBy(() -> RecordingReader.open(empty))
                .hasMessage(empty + ": not a recording: the file is not an SQLite database (it is empty)");
        Path other = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other)) {
            c.createStatement().execute("CREATE TABLE t (x)");
        }
        assertThatThrownBy(() -> RecordingReader.open(other))
                .hasMessage(other + ": not a Benchwatch recording: an SQLite database without the 'meta' table");
        Path missing = dir.resolve("missing.db");
        assertThatThrownBy(() -> RecordingReader.open(missing)).hasMessage(missing + ": no such file");
        assertThat(Files.exists(missing)).isFalse();
    }
}
