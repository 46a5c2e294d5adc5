package dev.benchwatch.ui.recording;

import dev.benchwatch.record.CsvExport;
import dev.benchwatch.record.ReadingFilter;
import dev.benchwatch.record.RecordedSession;
import dev.benchwatch.record.RecordingReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Exports a recording's latest session as CSV (long or wide, docs/RECORDING.md "Export"), through a partial
 * file moved into place when complete, so a failed export leaves nothing half-written. Off the JavaFX thread.
 */
public final class CsvExportTask {
    private CsvExportTask() {
    }

    /** Writes {@code csv}; returns a one-line summary. */
    public static String export(Path recording, Path csv, CsvExport.Layout layout) throws IOException {
        try (RecordingReader reader = RecordingReader.open(recording)) {
            RecordedSession session = reader.session(null);
            ReadingFilter filter = ReadingFilter.session(session.id());
            Path target = csv.toAbsolutePath();
            Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".partial");
            long written;
            try {
                try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                    written = CsvExport.write(reader, filter, layout, writer);
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
            return String.format(Locale.ROOT, "exported %,d readings of session %d to %s (%s)", written, session.id(),
                    target.getFileName(), layout.name().toLowerCase(Locale.ROOT));
        }
    }
}
