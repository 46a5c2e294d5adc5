package dev.benchwatch.workspace.trigger;

/**
 * One stretch of a trigger's life in a backtest: a PENDING span that never fired, or a firing (with the
 * PENDING span that led to it, when the trigger has a {@code for}) up to its clearing.
 *
 * @param pendingSince when the trigger went PENDING, or -1 when it fired at once (no {@code for}, or
 *                     straight from the condition starting to hold)
 * @param firedAt      when it fired, or -1 when the condition stopped holding before the {@code for} ran out
 * @param clearedAt    when it left the episode (cleared after firing, or back to OK from PENDING), or -1
 *                     when it was still PENDING or FIRING at the end of the readings
 * @param peakValue    the largest value of the trigger's value (its condition's first operand, the value its
 *                     events report) during the firing, or during the PENDING span for an episode that did
 *                     not fire; NaN when there was no finite value
 */
public record TriggerEpisode(long pendingSince, long firedAt, long clearedAt, double peakValue) {
    /** The marker for a time that did not happen. */
    public static final long NONE = -1;

    public TriggerEpisode {
        if (pendingSince == NONE && firedAt == NONE) {
            throw new IllegalArgumentException("an episode starts with PENDING or with a firing");
        }
    }

    public boolean fired() {
        return firedAt != NONE;
    }

    /** True when the episode had not ended when the readings ended. */
    public boolean open() {
        return clearedAt == NONE;
    }

    /** When the episode began: PENDING, or the firing when it fired at once. */
    public long start() {
        return pendingSince != NONE ? pendingSince : firedAt;
    }

    /** When the trigger stopped PENDING (fired or went back to OK), or -1 while still PENDING at the end. */
    public long pendingUntil() {
        if (pendingSince == NONE) {
            return NONE;
        }
        return fired() ? firedAt : clearedAt;
    }
}
