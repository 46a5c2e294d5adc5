package dev.benchwatch.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchwatch.device.sim.NabRecording;
import dev.benchwatch.engine.detect.Detection;
import dev.benchwatch.engine.detect.DetectorKind;
import dev.benchwatch.engine.detect.DetectorSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code benchwatch detect FILE.csv [--detector NAME[,NAME...]] [--json]}: runs the anomaly detectors, with
 * their default settings, over a recorded {@code timestamp,value} series (the NAB format; event time comes from
 * the file) and prints one line per anomaly (one per excursion, not per reading). Lets an engineer try the
 * detectors on their own data before putting one in a trigger.
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = "Run anomaly detectors over a timestamp,value CSV and print each anomaly: time, detector, "
                + "score, message. Exit status 0, or 2 when the file or a detector name is wrong.")
public final class DetectCommand implements Callable<Integer> {
    static final int BAD_INPUT = 2;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "A timestamp,value CSV (UTC times, "
            + "YYYY-MM-DD HH:MM:SS).")
    Path file;

    @Option(names = "--detector", split = ",", paramLabel = "NAME",
            description = "Detectors to run (default: all): zscore, ewma, mad, cusum, flatline, dropout, spike, trend.")
    List<String> detectors = new ArrayList<>();

    @Option(names = "--json", description = "One JSON object per anomaly (JSON Lines); the summary goes to stderr.")
    boolean json;

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            List<DetectorKind> kinds = new ArrayList<>();
            for (String name : detectors) {
                DetectorKind kind = DetectorKind.parse(name);
                if (!kinds.contains(kind)) {
                    kinds.add(kind);
                }
            }
            if (kinds.isEmpty()) {
                kinds.addAll(List.of(DetectorKind.values()));
            }
            NabRecording recording = NabRecording.read(file);
            List<Detection> found = DetectorSet.run(kinds, recording.timestampsNanos(), recording.values());
            for (Detection d : found) {
                out.println(json ? json(d) : text(d));
            }
            (json ? err : out).println(file + ": " + found.size() + (found.size() == 1 ? " anomaly" : " anomalies")
                    + " in " + recording.size() + " readings (" + kinds.stream().map(DetectorKind::id)
                    .reduce((a, b) -> a + ", " + b).orElse("") + ")");
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("benchwatch detect: " + e.getMessage());
            return BAD_INPUT;
        } catch (NoSuchFileException e) {
            err.println(file + ": cannot read the file: no such file");
            return BAD_INPUT;
        } catch (IOException e) {
            err.println(e.getMessage());
            return BAD_INPUT;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static String text(Detection d) {
        return String.format(Locale.ROOT, "%s  %-8s  %8.2f  %s", TIME.format(instant(d)), d.kind().id(), d.score(),
                d.message());
    }

    private String json(Detection d) {
        ObjectNode node = mapper.createObjectNode();
        node.put("time", DateTimeFormatter.ISO_INSTANT.format(instant(d)));
        node.put("detector", d.kind().id());
        node.put("score", d.score());
        node.put("value", d.value());
        node.put("message", d.message());
        return node.toString();
    }

    private static Instant instant(Detection d) {
        return Instant.ofEpochSecond(0, d.timestampNanos());
    }
}
