package dev.benchwatch.workspace.trigger;

import dev.benchwatch.engine.trigger.TriggerState;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one trigger's state transitions, in the order the engine made them, into {@link TriggerEpisode}s.
 * The transition events are the engine's own record, so the episodes are exactly what a live run would
 * have shown. Peaks start as the value reported at the transitions; {@link PeakReplay} refines them.
 */
final class EpisodeRecorder {
    private final List<TriggerEpisode> closed = new ArrayList<>();
    private long pendingSince = TriggerEpisode.NONE;
    private long firedAt = TriggerEpisode.NONE;
    private double peak = Double.NaN;

    /** One transition {@code from → to} at event time {@code at}, reporting {@code value}. */
    void transition(TriggerState from, TriggerState to, long at, double value) {
        switch (to) {
            case PENDING -> {
                pendingSince = at;
                firedAt = TriggerEpisode.NONE;
                peak = value;
            }
            case FIRING -> {
                if (from != TriggerState.PENDING) {
                    pendingSince = TriggerEpisode.NONE;
                }
                firedAt = at;
                peak = value; // the peak of a fired episode is taken over the firing
            }
            case OK -> {
                if (from == TriggerState.PENDING) {
                    close(at);
                }
                // CLEARED → OK is an acknowledgement: the episode already ended when it cleared
            }
            case CLEARED -> close(at);
        }
    }

    private void close(long at) {
        if (pendingSince != TriggerEpisode.NONE || firedAt != TriggerEpisode.NONE) {
            closed.add(new TriggerEpisode(pendingSince, firedAt, at, peak));
        }
        pendingSince = TriggerEpisode.NONE;
        firedAt = TriggerEpisode.NONE;
        peak = Double.NaN;
    }

    /** Every episode, the one still under way at the end (if any) last with no clearing time. */
    List<TriggerEpisode> episodes() {
        List<TriggerEpisode> all = new ArrayList<>(closed);
        if (pendingSince != TriggerEpisode.NONE || firedAt != TriggerEpisode.NONE) {
            all.add(new TriggerEpisode(pendingSince, firedAt, TriggerEpisode.NONE, peak));
        }
        return all;
    }
}
