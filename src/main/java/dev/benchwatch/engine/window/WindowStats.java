package dev.benchwatch.engine.window;

/** Read access to a set of window statistics. */
public interface WindowStats {
    double get(Stat stat);

    long count();

    /** Copies every statistic into {@code out}, indexed by {@link Stat#ordinal()}. */
    default void copyTo(double[] out) {
        for (Stat stat : Stat.values()) {
            out[stat.ordinal()] = get(stat);
        }
    }
}
