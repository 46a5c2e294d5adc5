package dev.benchwatch.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports read back (by a strict RFC 4180 reader here, and by pandas when installed) equal what was recorded. */
class CsvExportTest {
    static final long T0 = 1_795_756_387_123_456_789L;
    static final double[] AWKWARD = {0.1, -0.0, 1e7, 1.5e-5, 1e-7, 9.999e-8, 1e21, 123456789.123, 1e-9, 1e300,
            Double.MIN_VALUE, Double.MAX_VALUE, -2.5e20, 3.0, Math.PI, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, 100.0, 4.35, 1.0 / 3};

    @TempDir
    Path dir;

    /** One inserted reading. */
    record Inserted(String channel, long ts, double value) {
    }

    private final List<Inserted> inserted = new ArrayList<>();

    private Path recording() throws Exception {
        Path file = dir.resolve("r.db");
        Random random = new Random(7);
        try (RecordingFixture f = RecordingFixture.create(file)) {
            long s = f.session(T0, T0 + 1);
            int a = f.channel(s, "oven,temp", "°C", "oven \"A\"", false);
            int b = f.channel(s, "psu.volts", "V", "psu", false);
            int c = f.channel(s, "oven_mean", "°C", "", true);
            int[] ids = {a, b, c};
            String[] names = {"oven,temp", "psu.volts", "oven_mean"};
            long ts = T0;
            for (int i = 0; i < 400; i++) {
                int k = random.nextInt(3);
                double v = i < AWKWARD.length ? AWKWARD[i] : random.nextGaussian() * Math.pow(10, random.nextInt(30) - 15);
                ts += random.nextInt(3) * 1_000 + random.nextInt(2); // repeated times on purpose
                f.reading(ids[k], ts, v);
                // SQLite stores a REAL with an integral value as an integer, and -0.0 comes back as 0.0:
                // the one value a recording does not keep bit for bit (docs/RECORDING.md, "Export")
                inserted.add(new Inserted(names[k], ts, v == 0 ? 0.0 : v));
            }
        }
        return file;
    }

    @Test
    void longExportReadsBackExactly() throws Exception {
        Path file = recording();
        StringWriter csv = new StringWriter();
        try (RecordingReader reader = RecordingReader.open(file)) {
            assertThat(CsvExport.write(reader, ReadingFilter.session(1), CsvExport.Layout.LONG, csv)).isEqualTo(400);
        }
        List<List<String>> rows = Rfc4180.parse(csv.toString());
        assertThat(rows.getFirst()).containsExactly("time", "device", "channel", "value", "unit");
        List<Inserted> back = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            back.add(new Inserted(row.get(2), nanos(row.get(0)), Double.parseDouble(row.get(3).replace("inf", "Infinity"))));
            if (row.get(2).equals("oven,temp")) {
                assertThat(row.get(1)).isEqualTo("oven \"A\"");
                assertThat(row.get(4)).isEqualTo("°C");
            }
        }
        List<Inserted> expected = new ArrayList<>(inserted);
        expected.sort(java.util.Comparator.comparingLong(Inserted::ts)); // stable: ties keep insertion order
        assertThat(back).isEqualTo(expected);
        assertThat(csv.toString()).contains("\r\n").contains(",10000000.0,").contains(",0.000015,")
                .contains(",1.0E-9,").contains(",-250000000000000000000.0,").contains(",1.0E21,")
                .doesNotContain("\n\n");
    }

    @Test
    void wideExportHasOneLinePerTimestampAndEmptyCells() throws Exception {
        Path file = dir.resolve("w.db");
        try (RecordingFixture f = RecordingFixture.create(file)) {
            long s = f.session(T0, null);
            int a = f.channel(s, "a", "", "d", false);
            int b = f.channel(s, "b,c", "", "d", false);
            f.reading(a, T0, 1).reading(b, T0, 2).reading(a, T0 + 1, 3).reading(b, T0 + 2, 4).reading(b, T0 + 2, 5);
        }
        StringWriter csv = new StringWriter();
        try (RecordingReader reader = RecordingReader.open(file)) {
            CsvExport.write(reader, ReadingFilter.session(1), CsvExport.Layout.WIDE, csv);
        }
        assertThat(csv.toString()).isEqualTo("time,a,\"b,c\"\r\n"
                + "2026-11-27T05:13:07.123456789Z,1.0,2.0\r\n"
                + "2026-11-27T05:13:07.123456790Z,3.0,\r\n"
                + "2026-11-27T05:13:07.123456791Z,,4.0\r\n"
                + "2026-11-27T05:13:07.123456791Z,,5.0\r\n");
    }

    @Test
    void timesAreIsoUtcWithNineDigits() {
        assertThat(CsvText.time(T0)).isEqualTo("2026-11-27T05:13:07.123456789Z");
        assertThat(CsvText.time(0)).isEqualTo("1970-01-01T00:00:00.000000000Z");
        assertThat(CsvText.time(-1)).isEqualTo("1969-12-31T23:59:59.999999999Z");
        assertThat(nanos(CsvText.time(-1))).isEqualTo(-1);
    }

    @Test
    void valuesAreShortestAndExact() {
        for (double v : AWKWARD) {
            String text = CsvText.value(v);
            assertThat(Double.parseDouble(text.replace("inf", "Infinity"))).as(text).isEqualTo(v);
        }
        assertThat(CsvText.value(1e7)).isEqualTo("10000000.0");
        assertThat(CsvText.value(0.1)).isEqualTo("0.1");
        assertThat(CsvText.value(1e-7)).isEqualTo("0.0000001");
        assertThat(CsvText.value(9.999e-8)).isEqualTo("9.999E-8");
        assertThat(CsvText.value(123456789.123)).isEqualTo("123456789.123");
        assertThat(CsvText.value(Double.NaN)).isEqualTo("NaN");
        Random random = new Random(1);
        for (int i = 0; i < 100_000; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (!Double.isNaN(v)) {
                assertThat(Double.parseDouble(CsvText.value(v).replace("inf", "Infinity"))).isEqualTo(v);
            }
        }
    }

    @Test
    void pandasReadsTheExportExactly() throws Exception {
        assumeTrue(python("import pandas") == 0, "python3 with pandas is not installed");
        Path file = recording();
        Path csv = dir.resolve("out.csv");
        try (RecordingReader reader = RecordingReader.open(file);
             var writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            CsvExport.write(reader, ReadingFilter.session(1), CsvExport.Layout.LONG, writer);
        }
        Path expected = dir.resolve("expected.txt");
        List<Inserted> sorted = new ArrayList<>(inserted);
        sorted.sort(java.util.Comparator.comparingLong(Inserted::ts));
        StringBuilder lines = new StringBuilder();
        for (Inserted i : sorted) {
            lines.append(i.ts()).append(' ').append(Double.doubleToRawLongBits(i.value())).append('\n');
        }
        Files.writeString(expected, lines);
        String script = String.join("\n",
                "import pandas, struct, sys",
                "df = pandas.read_csv(sys.argv[1], float_precision='round_trip')",
                "t = pandas.to_datetime(df['time'], utc=True, format='ISO8601')",
                "ns = t.astype('int64').tolist()",
                "bits = [struct.unpack('<q', struct.pack('<d', float(v)))[0] for v in df['value']]",
                "want = [tuple(map(int, l.split())) for l in open(sys.argv[2])]",
                "got = list(zip(ns, bits))",
                "assert list(df.columns) == ['time', 'device', 'channel', 'value', 'unit'], df.columns",
                "assert df['channel'].iloc[0] in ('oven,temp', 'psu.volts', 'oven_mean')",
                "assert got == want, [(g, w) for g, w in zip(got, want) if g != w][:5]");
        assertThat(python(script, csv.toString(), expected.toString())).isZero();
    }

    private static int python(String script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", "-c", script));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (java.io.IOException e) {
            return -1; // no python3
        }
    }

    static long nanos(String iso) {
        Instant t = Instant.parse(iso);
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }
}
