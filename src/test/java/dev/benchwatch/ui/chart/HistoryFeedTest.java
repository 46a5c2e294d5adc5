package dev.benchwatch.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.benchwatch.engine.ChannelHistory;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineConfig;
import dev.benchwatch.engine.ingest.IngestSource;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import dev.benchwatch.engine.window.WindowSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class HistoryFeedTest {

    @Test
    void pullsOnlyNewReadingsIntoTheSeries() {
        ChannelHistory history = new ChannelHistory(1000, 0);
        SeriesBuffer buffer = new SeriesBuffer(10_000);
        HistoryFeed feed = new HistoryFeed(history, buffer, new ChannelHistory.ReadCursor(), 16);
        assertThat(feed.pull()).isZero();
        for (int i = 0; i < 100; i++) {
            history.append(1_000 + i, i);
        }
        assertThat(feed.backlog()).isEqualTo(100);
        assertThat(feed.pull()).isEqualTo(100); // in batches of 16
        assertThat(buffer.size()).isEqualTo(100);
        assertThat(feed.pull()).isZero();
        history.append(2_000, 42);
        assertThat(feed.pull()).isEqualTo(1);
        assertThat(buffer.size()).isEqualTo(101);
        assertThat(buffer.lastTime()).isEqualTo(2_000);
        assertThat(buffer.valueAt(buffer.endSequence() - 1)).isEqualTo(42);
        assertThat(feed.pulled()).isEqualTo(101);
        assertThat(feed.skipped()).isZero();
        assertThat(feed.backlog()).isZero();
    }

    @Test
    void countsWhatTheEngineDroppedBeforeTheChartReadIt() {
        ChannelHistory history = new ChannelHistory(50, 0);
        SeriesBuffer buffer = new SeriesBuffer(10_000);
        HistoryFeed feed = new HistoryFeed(history, buffer);
        for (int i = 0; i < 130; i++) {
            history.append(i, i);
        }
        assertThat(feed.pull()).isEqualTo(50);
        assertThat(feed.skipped()).isEqualTo(80);
        assertThat(buffer.firstTime()).isEqualTo(80);
    }

    @Test
    void startingAtTheEndSkipsNothingAndTakesOnlyWhatComesNext() {
        ChannelHistory history = new ChannelHistory(50, 0);
        history.append(1, 1);
        SeriesBuffer buffer = new SeriesBuffer(100);
        HistoryFeed feed = new HistoryFeed(history, buffer, new ChannelHistory.ReadCursor(history.appended()), 8);
        history.append(2, 2);
        assertThat(feed.pull()).isEqualTo(1);
        assertThat(buffer.firstTime()).isEqualTo(2);
        assertThat(feed.skipped()).isZero();
    }

    /** An engine-like writer thread at full speed, the chart pulling "per frame": every reading lands once, in order. */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void followsAConcurrentWriterWithoutLosingOrDuplicating() throws Exception {
        ChannelHistory history = new ChannelHistory(1 << 16, 0);
        SeriesBuffer buffer = new SeriesBuffer(1 << 22);
        HistoryFeed feed = new HistoryFeed(history, buffer);
        AtomicBoolean done = new AtomicBoolean();
        int total = 2_000_000;
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < total; i++) {
                history.append(i, i);
                if ((i & 4095) == 0) {
                    Thread.onSpinWait();
                }
            }
            done.set(true);
        });
        long expected = 0;
        while (!done.get() || feed.backlog() > 0) {
            long before = buffer.endSequence();
            feed.pull();
            for (long s = Math.max(before, buffer.firstSequence()); s < buffer.endSequence(); s++) {
                // a skip is allowed (the writer lapped the history), a duplicate or a reorder is not
                assertThat(buffer.timeAt(s)).isGreaterThanOrEqualTo(expected);
                expected = buffer.timeAt(s) + 1;
                assertThat(buffer.valueAt(s)).isEqualTo((double) buffer.timeAt(s));
            }
        }
        writer.join();
        assertThat(feed.pulled() + feed.skipped()).isEqualTo(total);
        assertThat(buffer.endSequence()).isEqualTo(feed.pulled());
        assertThat(buffer.lastTime()).isEqualTo(total - 1);
    }

    @Test
    void windowStatsFeedSamplesEachNewResult() {
        Engine engine = new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO).build());
        int channel = engine.registerChannel("oven", "C", "bench").id();
        engine.addWindow(WindowSpec.slidingTime("oven_1s", "oven", Duration.ofSeconds(1)));
        IngestSource source = engine.registerSource("bench", OverloadPolicy.BLOCK);
        WindowStatsSeries stats = new WindowStatsSeries(100);
        WindowStatsFeed feed = new WindowStatsFeed("oven_1s", stats);
        long t0 = 1_000_000_000_000L;
        source.offer(channel, t0, 10);
        source.offer(channel, t0 + 100_000_000L, 20);
        engine.doWork();
        assertThat(feed.pull(engine.snapshotNow())).isTrue();
        assertThat(feed.pull(engine.snapshotNow())).isFalse(); // nothing new
        assertThat(stats.size()).isEqualTo(1);
        assertThat(stats.mean().valueAtTime(t0 + 100_000_000L)).isEqualTo(15);
        assertThat(stats.min().valueAtTime(Long.MAX_VALUE)).isEqualTo(10);
        assertThat(stats.max().valueAtTime(Long.MAX_VALUE)).isEqualTo(20);
        double sd = Math.sqrt(50);
        assertThat(stats.upperDeviation().valueAtTime(Long.MAX_VALUE)).isCloseTo(15 + sd, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(stats.lowerDeviation().valueAtTime(Long.MAX_VALUE)).isCloseTo(15 - sd, org.assertj.core.data.Offset.offset(1e-9));
        source.offer(channel, t0 + 200_000_000L, 30);
        engine.doWork();
        assertThat(feed.pull(engine.snapshotNow())).isTrue();
        assertThat(stats.size()).isEqualTo(2);
        assertThat(stats.mean().lastTime()).isEqualTo(t0 + 200_000_000L);
        engine.close();
    }
}
