package dev.benchwatch.app;

import dev.benchwatch.record.CsvExport;
import dev.benchwatch.record.ReadingFilter;
import dev.benchwatch.record.RecordedSession;
import dev.benchwatch.record.RecordingReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code benchwatch export FILE.db --csv OUT.csv [--wide] [--session N] [--channels a,b]}: a recording's
 * session as CSV for pandas or a spreadsheet (docs/RECORDING.md, "Export"). The CSV is written next to
 * its destination and moved into place when complete, so a failed export never leaves half a file.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a recorded session as CSV: long (time,device,channel,value,unit) or wide "
                + "(time and one column per channel). Exit status 0 when written, 2 when not.")
public final class ExportCommand implements Callable<Integer> {
    static final int FAILED = 2;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.db", description = "The recording.")
    Path file;

    @Option(names = "--csv", required = true, paramLabel = "OUT.csv", description = "Where to write the CSV.")
    Path csv;

    @Option(names = "--wide", description = "One line per timestamp and one column per channel (default: one line per reading).")
    boolean wide;

    @Option(names = "--session", paramLabel = "N", description = "The session to export (default: the latest).")
    Long session;

    @Option(names = "--channels", split = ",", paramLabel = "a,b", description = "Only these channels, in this order (default: all, pipeline outputs included).")
    List<String> channels;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (RecordingReader reader = RecordingReader.open(file)) {
            RecordedSession chosen = reader.session(session);
            ReadingFilter filter = ReadingFilter.session(chosen.id()).channels(channels == null ? List.of() : channels);
            int columns = reader.select(filter).size();
            Path absolute = csv.toAbsolutePath();
            Path partial = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".partial");
            long written;
            try {
                try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                    written = CsvExport.write(reader, filter, wide ? CsvExport.Layout.WIDE : CsvExport.Layout.LONG, writer);
                }
                Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
            out.printf(Locale.ROOT, "%s: exported %d readings of session %d (%d channels, %s) to %s%n", file, written,
                    chosen.id(), columns, wide ? "wide" : "long", csv);
            out.flush();
            return 0;
        } catch (IOException e) {
            err.println("benchwatch export: " + e.getMessage());
            err.flush();
            return FAILED;
        }
    }
}
