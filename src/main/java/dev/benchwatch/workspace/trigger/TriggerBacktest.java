package dev.benchwatch.workspace.trigger;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineConfig;
import dev.benchwatch.engine.action.ActionPorts;
import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.event.EventType;
import dev.benchwatch.engine.ingest.IngestSource;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import dev.benchwatch.engine.trigger.TriggerState;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs triggers over recorded readings to show what they would have done: the trigger editor's preview.
 *
 * <p>It does not re-implement trigger evaluation: it feeds the readings, merged in timestamp order, to a
 * fresh, real {@link Engine} (driven on the caller's thread with {@link Engine#doWork()}) and records the
 * engine's own transition events ({@code THRESHOLD_BREACH}). The engine evaluates triggers in event time,
 * so the result is the one a live run over the same readings gives, {@code for}, hysteresis, cooldown and
 * windows included. Only what a live run would add on top is left out:
 * <ul>
 *   <li>actions: the triggers run without them, so nothing is sent, logged or notified;</li>
 *   <li>acknowledgements: nobody acknowledges, which changes no firing (a CLEARED trigger fires again just
 *   as an OK one does);</li>
 *   <li>the enabled switch: a disabled trigger is run as if enabled, since the question is what its
 *   condition would have done.</li>
 * </ul>
 *
 * <p>A million readings take a fraction of a second: readings are handed over in chunks no larger than
 * the engine's lane, each followed by duty cycles until the lane is empty, so a BLOCK lane never waits.
 */
public final class TriggerBacktest {
    /** The engine lane's size and so the most readings handed over between duty cycles. */
    static final int CHUNK = 16_384;
    /** The event bus holds 65,536 events: wait for it to catch up well before it could fill. */
    private static final long EVENT_BACKLOG_LIMIT = 16_384;
    private static final String SOURCE = "backtest";

    private TriggerBacktest() {
    }

    /**
     * Runs {@code triggers} over {@code series}.
     *
     * @throws IllegalArgumentException when a trigger reads a channel no series provides, when two series
     *                                  name the same channel or two triggers share an id
     * @throws IllegalStateException    when the engine lost transition events (it never should here)
     */
    public static BacktestResult run(List<TriggerModel> triggers, List<ChannelSeries> series) {
        Map<String, ChannelSeries> byChannel = index(series);
        Map<String, TriggerModel> byId = new LinkedHashMap<>();
        for (TriggerModel trigger : triggers) {
            if (byId.putIfAbsent(trigger.id(), trigger) != null) {
                throw new IllegalArgumentException("two triggers have the id '" + trigger.id() + "'");
            }
            for (String channel : channelsOf(trigger)) {
                if (!byChannel.containsKey(channel)) {
                    throw new IllegalArgumentException("trigger '" + trigger.id() + "' reads channel '" + channel
                            + "', which has no readings to backtest" + (byChannel.isEmpty() ? ""
                            : " (channels with readings: " + String.join(", ", byChannel.keySet()) + ")"));
                }
            }
        }
        Map<String, EpisodeRecorder> recorders = new HashMap<>();
        byId.keySet().forEach(id -> recorders.put(id, new EpisodeRecorder()));
        long[] span;
        try (Engine engine = new Engine(EngineConfig.builder()
                .maxReadingAge(Duration.ZERO) // recorded readings are old: judge them by event time only
                .history(1, Duration.ZERO) // the backtest reads no history: keep none
                .recentEvents(1)
                .build(), quietPorts())) {
            engine.onEvent(EventType.THRESHOLD_BREACH, event -> onTransition(event, recorders));
            int[] ids = new int[series.size()];
            for (int i = 0; i < ids.length; i++) {
                ChannelSeries s = series.get(i);
                ids[i] = engine.registerChannel(s.channel(), s.unit(), SOURCE).id();
            }
            for (TriggerModel trigger : byId.values()) {
                EngineTrigger.from(trigger.withActions(List.of()).withEnabled(true)).install(engine);
            }
            IngestSource source = engine.registerSource(SOURCE, OverloadPolicy.BLOCK, CHUNK);
            span = feed(engine, source, series, ids, Math.max(1, byId.size()));
            awaitEvents(engine);
            if (engine.events().dropped() > 0) {
                throw new IllegalStateException("the engine dropped " + engine.events().dropped()
                        + " events during the backtest; the result would be incomplete");
            }
        }
        Map<String, List<TriggerEpisode>> episodes = new LinkedHashMap<>();
        for (TriggerModel trigger : byId.values()) {
            OperandModel first = firstOperand(trigger.when());
            episodes.put(trigger.id(), PeakReplay.refine(first, byChannel.get(first.channel()),
                    recorders.get(trigger.id()).episodes()));
        }
        return new BacktestResult(episodes, span[0], span[1], span[2]);
    }

    /** Feeds every reading in timestamp order (ties: the earlier series first); returns count, from, to. */
    private static long[] feed(Engine engine, IngestSource source, List<ChannelSeries> series, int[] ids,
                               int triggerCount) {
        int n = series.size();
        long[][] times = new long[n][];
        double[][] values = new double[n][];
        int[] lengths = new int[n];
        for (int s = 0; s < n; s++) {
            times[s] = series.get(s).timestamps();
            values[s] = series.get(s).values();
            lengths[s] = series.get(s).length();
        }
        int[] next = new int[n];
        long count = 0;
        long from = -1;
        long to = -1;
        long possibleEvents = 0; // at most one transition per trigger per reading
        int inChunk = 0;
        long ingest = System.nanoTime();
        while (true) {
            int pick = -1;
            long best = Long.MAX_VALUE;
            for (int s = 0; s < n; s++) {
                if (next[s] < lengths[s] && (pick < 0 || times[s][next[s]] < best)) {
                    best = times[s][next[s]];
                    pick = s;
                }
            }
            if (pick < 0) {
                break;
            }
            int i = next[pick]++;
            source.offer(ids[pick], best, values[pick][i], ingest);
            from = count == 0 ? best : Math.min(from, best);
            to = Math.max(to, best);
            count++;
            if (++inChunk == CHUNK) {
                drain(engine, source);
                inChunk = 0;
                ingest = System.nanoTime();
                possibleEvents += (long) CHUNK * triggerCount;
                if (possibleEvents >= EVENT_BACKLOG_LIMIT) {
                    awaitEvents(engine);
                    possibleEvents = 0;
                }
            }
        }
        drain(engine, source);
        return new long[] {count, from, to};
    }

    private static void drain(Engine engine, IngestSource source) {
        while (engine.doWork() > 0 || source.queueDepth() > 0) {
            // the lane is filled by this thread alone: it empties in a few duty cycles
        }
    }

    private static void awaitEvents(Engine engine) {
        try {
            if (!engine.events().awaitIdle(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the engine's events did not arrive within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the engine's events", e);
        }
    }

    private static void onTransition(Event event, Map<String, EpisodeRecorder> recorders) {
        Map<String, String> m = event.metadata();
        EpisodeRecorder recorder = recorders.get(m.get("trigger"));
        if (recorder != null) { // events are delivered on one thread, in order
            recorder.transition(TriggerState.valueOf(m.get("from")), TriggerState.valueOf(m.get("to")),
                    event.timestampNanos(), Double.parseDouble(m.get("value")));
        }
    }

    /** Ports that send nothing anywhere; the triggers run without actions anyway. */
    private static ActionPorts quietPorts() {
        return ActionPorts.unconnected().withNotifier((title, message, severity) -> {
            // a backtest tells nobody
        });
    }

    private static Map<String, ChannelSeries> index(List<ChannelSeries> series) {
        Map<String, ChannelSeries> byChannel = new LinkedHashMap<>();
        for (ChannelSeries s : series) {
            if (byChannel.putIfAbsent(s.channel(), s) != null) {
                throw new IllegalArgumentException("two series for channel '" + s.channel() + "'");
            }
        }
        return byChannel;
    }

    /** Every channel the trigger's conditions read, in the order they first appear. */
    static Set<String> channelsOf(TriggerModel trigger) {
        Set<String> channels = new LinkedHashSet<>();
        collect(trigger.when(), channels);
        if (trigger.clear() != null) {
            collect(trigger.clear(), channels);
        }
        return channels;
    }

    private static void collect(ConditionNode node, Set<String> out) {
        switch (node) {
            case ConditionNode.Group group -> group.terms().forEach(t -> collect(t, out));
            case ConditionNode.Not not -> collect(not.term(), out);
            case ConditionNode.Leaf leaf -> out.add(leaf.operand().channel());
            case ConditionNode.RangeLeaf range -> out.add(range.operand().channel());
        }
    }

    /** The operand the engine reports as the trigger's value: the first one of its condition. */
    static OperandModel firstOperand(ConditionNode node) {
        ConditionNode current = node;
        while (true) {
            switch (current) {
                case ConditionNode.Group group -> current = group.terms().getFirst();
                case ConditionNode.Not not -> current = not.term();
                case ConditionNode.Leaf leaf -> {
                    return leaf.operand();
                }
                case ConditionNode.RangeLeaf range -> {
                    return range.operand();
                }
            }
        }
    }
}
