package dev.benchwatch.record;

import dev.benchwatch.workspace.trigger.BacktestResult;
import dev.benchwatch.workspace.trigger.ChannelSeries;
import dev.benchwatch.workspace.trigger.TriggerBacktest;
import dev.benchwatch.workspace.trigger.TriggerChannels;
import dev.benchwatch.workspace.trigger.TriggerModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Backtests triggers over a recorded session: loads the channels the triggers read (pipeline outputs
 * included, since they were recorded) into arrays and hands them to {@link TriggerBacktest}, which runs
 * them on a real engine. Only the channels the triggers read are loaded.
 */
public final class RecordingBacktest {
    private RecordingBacktest() {
    }

    /**
     * @throws RecordingException       when the recording cannot be read
     * @throws IllegalArgumentException when a trigger reads a channel the session does not have
     */
    public static BacktestResult run(RecordingReader reader, long sessionId, List<TriggerModel> triggers)
            throws RecordingException {
        Set<String> needed = new LinkedHashSet<>();
        triggers.forEach(t -> needed.addAll(TriggerChannels.of(t)));
        List<RecordedChannel> recorded = reader.channels(sessionId);
        List<ChannelSeries> series = new ArrayList<>();
        for (RecordedChannel channel : recorded) {
            if (needed.contains(channel.name())) {
                RecordingReader.Series s = reader.load(channel, Long.MIN_VALUE, Long.MAX_VALUE);
                series.add(new ChannelSeries(channel.name(), channel.unit(), s.timestamps(), s.values(), s.length()));
            }
        }
        return TriggerBacktest.run(triggers, series);
    }
}
