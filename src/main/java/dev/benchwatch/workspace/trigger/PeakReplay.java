package dev.benchwatch.workspace.trigger;

import dev.benchwatch.engine.detect.ScoredDetector;
import dev.benchwatch.engine.window.Stat;
import dev.benchwatch.engine.window.Window;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds each episode's peak: the largest value the trigger's first operand (the value its transition events
 * report) took while it fired, or while it was PENDING for an episode that did not fire.
 *
 * <p>The engine reports that value only at transitions, so the operand is replayed over its channel's
 * readings with the engine's own {@link Window} code: the values are the ones the engine decided on.
 * Readings the engine refuses (NaN, infinite) are skipped as it skips them.
 */
final class PeakReplay {
    private PeakReplay() {
    }

    /**
     * @param operand  the trigger's first operand
     * @param series   the readings of the operand's channel
     * @param episodes the trigger's episodes, in time order, with the transition values as their peaks
     */
    static List<TriggerEpisode> refine(OperandModel operand, ChannelSeries series, List<TriggerEpisode> episodes) {
        if (episodes.isEmpty()) {
            return episodes;
        }
        ScoredDetector detector = operand.isDetector()
                ? new ScoredDetector(operand.detector(), operand.detectorWindowNanos()) : null;
        Window window = operand.isLatest() || detector != null ? null
                : Window.create(operand.window().toSpec(operand.channel()), 0);
        Stat stat = operand.stat();
        double[] peaks = new double[episodes.size()];
        for (int e = 0; e < peaks.length; e++) {
            peaks[e] = episodes.get(e).peakValue();
        }
        int e = 0;
        long[] ts = series.timestamps();
        double[] vs = series.values();
        for (int i = 0; i < series.length() && e < peaks.length; i++) {
            double v = vs[i];
            if (v - v != 0) {
                continue;
            }
            long t = ts[i];
            double decided = v;
            if (window != null) {
                window.add(t, v);
                decided = window.value(stat);
            } else if (detector != null) {
                detector.update(t, v);
                decided = detector.score();
            }
            while (e < peaks.length && ended(episodes.get(e), t)) {
                e++;
            }
            if (e < peaks.length && t >= peakFrom(episodes.get(e)) && (decided > peaks[e] || Double.isNaN(peaks[e]))
                    && !Double.isNaN(decided)) {
                peaks[e] = decided;
            }
        }
        List<TriggerEpisode> out = new ArrayList<>(peaks.length);
        for (int k = 0; k < peaks.length; k++) {
            TriggerEpisode episode = episodes.get(k);
            out.add(new TriggerEpisode(episode.pendingSince(), episode.firedAt(), episode.clearedAt(), peaks[k]));
        }
        return out;
    }

    private static long peakFrom(TriggerEpisode episode) {
        return episode.fired() ? episode.firedAt() : episode.pendingSince();
    }

    /** The reading at {@code t} is after the episode: at its clearing (that reading cleared it) or later. */
    private static boolean ended(TriggerEpisode episode, long t) {
        return !episode.open() && t >= episode.clearedAt();
    }
}
