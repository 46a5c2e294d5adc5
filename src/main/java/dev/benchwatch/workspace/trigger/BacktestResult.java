package dev.benchwatch.workspace.trigger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a {@link TriggerBacktest} found: per trigger id, its episodes in time order.
 *
 * @param episodes per trigger id (in the order the triggers were given), every episode in time order
 * @param readings how many readings the engine was fed
 * @param from     the earliest timestamp fed, or -1 when there were no readings
 * @param to       the latest timestamp fed, or -1 when there were no readings
 */
public record BacktestResult(Map<String, List<TriggerEpisode>> episodes, long readings, long from, long to) {
    public BacktestResult {
        Map<String, List<TriggerEpisode>> copy = new LinkedHashMap<>();
        episodes.forEach((id, list) -> copy.put(id, List.copyOf(list)));
        episodes = java.util.Collections.unmodifiableMap(copy);
    }

    public Set<String> triggerIds() {
        return episodes.keySet();
    }

    /** The episodes of one trigger; an unknown id is a programming error. */
    public List<TriggerEpisode> episodes(String triggerId) {
        List<TriggerEpisode> list = episodes.get(triggerId);
        if (list == null) {
            throw new IllegalArgumentException("no trigger '" + triggerId + "' in this backtest; it ran "
                    + episodes.keySet());
        }
        return list;
    }

    /** How many times the trigger fired. */
    public int firings(String triggerId) {
        return (int) episodes(triggerId).stream().filter(TriggerEpisode::fired).count();
    }

    /** The episodes that fired. */
    public List<TriggerEpisode> firingEpisodes(String triggerId) {
        return episodes(triggerId).stream().filter(TriggerEpisode::fired).toList();
    }

    /** The PENDING spans that ran out without firing. */
    public List<TriggerEpisode> pendingOnly(String triggerId) {
        return episodes(triggerId).stream().filter(e -> !e.fired()).toList();
    }

    /** When each firing happened, in order. */
    public long[] firedAt(String triggerId) {
        return firingEpisodes(triggerId).stream().mapToLong(TriggerEpisode::firedAt).toArray();
    }

    /** When each firing cleared (-1 for one still firing at the end), in order. */
    public long[] clearedAt(String triggerId) {
        return firingEpisodes(triggerId).stream().mapToLong(TriggerEpisode::clearedAt).toArray();
    }

    /** The time the readings cover, in nanoseconds (0 without readings). */
    public long spanNanos() {
        return from < 0 ? 0 : to - from;
    }
}
