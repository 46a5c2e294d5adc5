package dev.benchwatch.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchwatch.workspace.trigger.BacktestResult;
import dev.benchwatch.workspace.trigger.TriggerEpisode;
import dev.benchwatch.workspace.trigger.TriggerModel;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Prints a backtest's result (docs/RECORDING.md, "Backtest"): a table per trigger for a person, or JSON
 * Lines for a script (one object per episode, then one summary object).
 */
final class BacktestReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NONE = "-";

    private BacktestReport() {
    }

    /** ISO-8601 UTC with nine fraction digits, as the CSV export writes times. */
    static String time(long epochNanos) {
        Instant t = Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L));
        String text = t.toString(); // drops trailing zero groups: pad to nine digits
        int dot = text.indexOf('.');
        String fraction = dot < 0 ? "" : text.substring(dot + 1, text.length() - 1);
        String seconds = dot < 0 ? text.substring(0, text.length() - 1) : text.substring(0, dot);
        return seconds + "." + (fraction + "000000000").substring(0, 9) + "Z";
    }

    /** How long the episode lasted: fired to cleared, or PENDING to back to OK; -1 while open. */
    static long duration(TriggerEpisode e) {
        if (e.open()) {
            return -1;
        }
        return e.clearedAt() - (e.fired() ? e.firedAt() : e.pendingSince());
    }

    static void text(PrintWriter out, String header, List<TriggerModel> triggers, BacktestResult result) {
        out.printf(Locale.ROOT, "%s: %d readings%s%n", header, result.readings(), result.readings() == 0 ? ""
                : ", " + time(result.from()) + " to " + time(result.to()) + String.format(Locale.ROOT, " (%.3f s)",
                result.spanNanos() / 1e9));
        for (TriggerModel trigger : triggers) {
            List<TriggerEpisode> episodes = result.episodes(trigger.id());
            int firings = result.firings(trigger.id());
            out.printf(Locale.ROOT, "%ntrigger %s (%s, %s): %d %s, %d pending only%n", trigger.id(), trigger.name(),
                    trigger.severity().key(), firings, firings == 1 ? "firing" : "firings",
                    episodes.size() - firings);
            if (episodes.isEmpty()) {
                continue;
            }
            String row = "  %4s  %-30s  %-30s  %-30s  %14s  %s%n";
            out.printf(Locale.ROOT, row, "#", "pending since", "fired at", "cleared at", "duration", "peak");
            int n = 0;
            for (TriggerEpisode e : episodes) {
                long d = duration(e);
                out.printf(Locale.ROOT, row, ++n, at(e.pendingSince()), at(e.firedAt()), e.open() ? "(still active)"
                        : time(e.clearedAt()), d < 0 ? NONE : String.format(Locale.ROOT, "%.3f s", d / 1e9),
                        Double.isNaN(e.peakValue()) ? NONE : Double.toString(e.peakValue()));
            }
        }
        out.flush();
    }

    private static String at(long nanos) {
        return nanos == TriggerEpisode.NONE ? NONE : time(nanos);
    }

    static void json(PrintWriter out, String file, long session, List<TriggerModel> triggers, BacktestResult result) {
        ArrayNode summaries = JSON.createArrayNode();
        for (TriggerModel trigger : triggers) {
            int n = 0;
            boolean active = false;
            for (TriggerEpisode e : result.episodes(trigger.id())) {
                ObjectNode line = JSON.createObjectNode();
                line.put("type", "episode");
                line.put("trigger", trigger.id());
                line.put("n", ++n);
                line.put("fired", e.fired());
                line.put("open", e.open());
                timeFields(line, "pendingSince", e.pendingSince());
                timeFields(line, "firedAt", e.firedAt());
                timeFields(line, "clearedAt", e.clearedAt());
                long d = duration(e);
                if (d < 0) {
                    line.putNull("durationNs");
                } else {
                    line.put("durationNs", d);
                }
                if (Double.isFinite(e.peakValue())) {
                    line.put("peak", e.peakValue());
                } else {
                    line.putNull("peak");
                }
                out.println(line);
                active |= e.open() && e.fired();
            }
            ObjectNode summary = summaries.addObject();
            summary.put("trigger", trigger.id());
            summary.put("name", trigger.name());
            summary.put("severity", trigger.severity().key());
            summary.put("firings", result.firings(trigger.id()));
            summary.put("pendingOnly", result.pendingOnly(trigger.id()).size());
            summary.put("firingAtEnd", active);
        }
        ObjectNode summary = JSON.createObjectNode();
        summary.put("type", "summary");
        summary.put("file", file);
        summary.put("session", session);
        summary.put("readings", result.readings());
        timeFields(summary, "from", result.from());
        timeFields(summary, "to", result.to());
        summary.set("triggers", summaries);
        out.println(summary);
        out.flush();
    }

    /** {@code name}: ISO text or null; {@code nameNs}: epoch nanoseconds or null. */
    private static void timeFields(ObjectNode node, String name, long nanos) {
        if (nanos < 0) {
            node.putNull(name);
            node.putNull(name + "Ns");
        } else {
            node.put(name, time(nanos));
            node.put(name + "Ns", nanos);
        }
    }
}
