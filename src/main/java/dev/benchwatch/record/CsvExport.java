package dev.benchwatch.record;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a session's readings as CSV (docs/RECORDING.md, "Export"), UTF-8 with RFC 4180 line ends (CRLF),
 * streaming: a recording of any size is exported in constant memory.
 *
 * <ul>
 *   <li>{@link Layout#LONG}: {@code time,device,channel,value,unit}, one line per reading, in time order
 *   (ties in recording order). Every reading appears, whatever the channels' rates.</li>
 *   <li>{@link Layout#WIDE}: {@code time,<channel>,<channel>,...}, one line per distinct timestamp with an
 *   empty cell where a channel has no reading at that time; the shape a spreadsheet charts directly. When
 *   a channel has two readings with the same timestamp, the second starts a new line with the same time,
 *   so no reading is dropped.</li>
 * </ul>
 * Times, values and names are written as {@link CsvText} says.
 */
public final class CsvExport {
    /** The two shapes of an export. */
    public enum Layout { LONG, WIDE }

    private static final String EOL = "\r\n";
    private static final int FLUSH_AT = 64 * 1024;

    private CsvExport() {
    }

    /**
     * Writes the readings {@code filter} selects to {@code out} (which the caller closes).
     *
     * @return how many readings were written
     */
    public static long write(RecordingReader reader, ReadingFilter filter, Layout layout, Writer out)
            throws IOException {
        List<RecordedChannel> channels = reader.select(filter);
        int maxId = channels.stream().mapToInt(RecordedChannel::id).max().orElse(0);
        StringBuilder line = new StringBuilder(FLUSH_AT + 1024);
        CsvText text = new CsvText();
        IOException[] failed = new IOException[1];
        long count;
        if (layout == Layout.LONG) {
            String[] middle = new String[maxId + 1]; // ",device,channel," per channel id
            String[] end = new String[maxId + 1]; // ",unit\r\n"
            for (RecordedChannel c : channels) {
                middle[c.id()] = "," + CsvText.field(c.device()) + "," + CsvText.field(c.name()) + ",";
                end[c.id()] = "," + CsvText.field(c.unit()) + EOL;
            }
            out.write("time,device,channel,value,unit" + EOL);
            count = reader.stream(filter, (id, ts, value) -> {
                text.appendTime(line, ts);
                line.append(middle[id]);
                CsvText.appendValue(line, value);
                line.append(end[id]);
                return flushIfFull(line, out, failed);
            });
        } else {
            int[] column = new int[maxId + 1];
            StringBuilder header = new StringBuilder("time");
            for (int i = 0; i < channels.size(); i++) {
                column[channels.get(i).id()] = i;
                header.append(',').append(CsvText.field(channels.get(i).name()));
            }
            out.write(header + EOL);
            WideRow row = new WideRow(channels.size(), text);
            count = reader.stream(filter, (id, ts, value) -> {
                int col = column[id];
                if (row.open && (ts != row.time || row.set[col])) {
                    row.appendTo(line);
                }
                row.put(ts, col, value);
                return flushIfFull(line, out, failed);
            });
            if (row.open) {
                row.appendTo(line);
            }
        }
        if (failed[0] != null) {
            throw failed[0];
        }
        out.write(line.toString());
        out.flush();
        return count;
    }

    private static boolean flushIfFull(StringBuilder line, Writer out, IOException[] failed) {
        if (line.length() < FLUSH_AT) {
            return true;
        }
        try {
            out.append(line);
            line.setLength(0);
            return true;
        } catch (IOException e) {
            failed[0] = e;
            return false;
        }
    }

    /** The line being filled in a wide export: one cell per channel. */
    private static final class WideRow {
        final double[] values;
        final boolean[] set;
        final CsvText text;
        long time;
        boolean open;

        WideRow(int columns, CsvText text) {
            this.values = new double[columns];
            this.set = new boolean[columns];
            this.text = text;
        }

        void put(long ts, int col, double value) {
            time = ts;
            open = true;
            values[col] = value;
            set[col] = true;
        }

        void appendTo(StringBuilder line) {
            text.appendTime(line, time);
            for (int i = 0; i < values.length; i++) {
                line.append(',');
                if (set[i]) {
                    CsvText.appendValue(line, values[i]);
                    set[i] = false;
                }
            }
            line.append(EOL);
            open = false;
        }
    }
}
