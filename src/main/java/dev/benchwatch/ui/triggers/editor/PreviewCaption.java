package dev.benchwatch.ui.triggers.editor;

import dev.benchwatch.workspace.trigger.TriggerEpisode;
import java.util.List;
import java.util.Locale;

/**
 * The sentence under the preview that says what the chart shows in words, so the answer does not depend on
 * reading colours: "would have fired 3 times in the last 2 min 00 s", "would not have fired in the last
 * 45 s (pending twice without firing)".
 */
public final class PreviewCaption {
    private static final long SECOND = 1_000_000_000L;

    private PreviewCaption() {
    }

    /** The caption for {@code episodes} over the last {@code spanNanos} of live history. */
    public static String of(List<TriggerEpisode> episodes, long spanNanos) {
        return of(episodes, spanNanos, false);
    }

    /**
     * The caption for {@code episodes} over {@code spanNanos}: of live history ("in the last 2 min 00 s"),
     * or of a recording ({@code recorded}: "in 2 min 00 s of recording", and no "now" at its end).
     */
    public static String of(List<TriggerEpisode> episodes, long spanNanos, boolean recorded) {
        long fired = episodes.stream().filter(TriggerEpisode::fired).count();
        long pendingOnly = episodes.size() - fired;
        StringBuilder text = new StringBuilder();
        String last = recorded ? duration(spanNanos) + " of recording" : "the last " + duration(spanNanos);
        if (fired == 0) {
            text.append("would not have fired in ").append(last);
        } else {
            text.append("would have fired ").append(times(fired)).append(" in ").append(last);
        }
        if (pendingOnly > 0) {
            text.append(fired == 0 ? " (" : " (also ").append("pending ").append(times(pendingOnly))
                    .append(" without firing)");
        }
        if (!episodes.isEmpty() && episodes.getLast().open()) {
            String when = recorded ? " at the end" : " now";
            text.append(episodes.getLast().fired() ? "; firing" + when : "; pending" + when);
        }
        return text.toString();
    }

    /** "once", "twice", "3 times". */
    static String times(long n) {
        return n == 1 ? "once" : n == 2 ? "twice" : n + " times";
    }

    /** A span as a person says it: "850 ms", "45 s", "2 min 00 s", "1 h 05 min". */
    public static String duration(long nanos) {
        long n = Math.max(0, nanos);
        if (n < SECOND) {
            return n / 1_000_000 + " ms";
        }
        long seconds = Math.round(n / (double) SECOND);
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        long minutes = Math.round(seconds / 60.0);
        return String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
    }
}
