package dev.benchwatch.workspace.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineConfig;
import dev.benchwatch.engine.event.EventType;
import dev.benchwatch.engine.ingest.IngestSource;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import dev.benchwatch.engine.trigger.TriggerState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Triggers backtested over synthetic series give the transitions the engine gives live. */
class TriggerBacktestTest {
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long MS = 1_000_000L;

    private static TriggerModel trigger(String id, String text) {
        return TriggerModel.of(id, TriggerText.parse(text));
    }

    /** Readings every {@code stepMs} from 0 to {@code endMs} (exclusive), value as a function of ms. */
    private static ChannelSeries series(String channel, long endMs, long stepMs, LongToDoubleFunction valueAtMs) {
        int n = (int) (endMs / stepMs);
        long[] ts = new long[n];
        double[] vs = new double[n];
        for (int i = 0; i < n; i++) {
            long ms = i * stepMs;
            ts[i] = T0 + ms * MS;
            vs[i] = valueAtMs.applyAsDouble(ms);
        }
        return ChannelSeries.of(channel, "", ts, vs);
    }

    private static ChannelSeries points(String channel, double... msAndValues) {
        long[] ts = new long[msAndValues.length / 2];
        double[] vs = new double[ts.length];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = T0 + (long) (msAndValues[2 * i] * MS);
            vs[i] = msAndValues[2 * i + 1];
        }
        return ChannelSeries.of(channel, "", ts, vs);
    }

    private static long at(long ms) {
        return T0 + ms * MS;
    }

    private static double ramp(long ms) {
        if (ms < 1000) {
            return 0;
        }
        if (ms < 3000) {
            return 11 + (ms - 1000) / 1000.0; // 11 → 12.9, above 10
        }
        return ms < 4000 ? 9 : 5; // 9: no longer above 10, not yet below 8 (hysteresis); 5: below 8
    }

    @Test
    void aHeldConditionFiresAfterItsForAndClearsBelowTheClearThreshold() {
        BacktestResult result = TriggerBacktest.run(List.of(trigger("hot", "x > 10 for 1s clear < 8")),
                List.of(series("x", 6000, 100, TriggerBacktestTest::ramp)));

        assertThat(result.readings()).isEqualTo(60);
        assertThat(result.firings("hot")).isEqualTo(1);
        assertThat(result.episodes("hot")).containsExactly(
                new TriggerEpisode(at(1000), at(2000), at(4000), ramp(2900)));
        assertThat(result.firedAt("hot")).containsExactly(at(2000));
        assertThat(result.clearedAt("hot")).containsExactly(at(4000));
        assertThat(result.from()).isEqualTo(at(0));
        assertThat(result.to()).isEqualTo(at(5900));
    }

    @Test
    void aForThatIsNotHeldLongEnoughLeavesAPendingEpisodeWithoutAFiring() {
        BacktestResult result = TriggerBacktest.run(List.of(trigger("hot", "x > 10 for 1s")),
                List.of(series("x", 3000, 100, ms -> ms >= 1000 && ms < 1500 ? 12 + ms / 1000.0 : 0)));

        assertThat(result.firings("hot")).isZero();
        assertThat(result.episodes("hot")).containsExactly(
                new TriggerEpisode(at(1000), TriggerEpisode.NONE, at(1500), 12 + 1.4));
        assertThat(result.pendingOnly("hot")).hasSize(1);
    }

    @Test
    void anEpisodeStillUnderWayAtTheEndHasNoClearingTime() {
        BacktestResult result = TriggerBacktest.run(List.of(trigger("hot", "x > 10")),
                List.of(points("x", 0, 0, 100, 11, 200, 15, 300, 12)));

        assertThat(result.episodes("hot")).containsExactly(
                new TriggerEpisode(TriggerEpisode.NONE, at(100), TriggerEpisode.NONE, 15));
        assertThat(result.clearedAt("hot")).containsExactly(-1);
    }

    @Test
    void theCooldownSuppressesARefiring() {
        BacktestResult result = TriggerBacktest.run(List.of(trigger("spike", "x > 10 cooldown 1s")),
                List.of(points("x", 0, 12, 100, 0, 300, 13, 400, 0, 1200, 14, 1300, 0)));

        assertThat(result.firedAt("spike")).containsExactly(at(0), at(1200));
        assertThat(result.clearedAt("spike")).containsExactly(at(100), at(1300));
        assertThat(result.episodes("spike")).extracting(TriggerEpisode::peakValue).containsExactly(12.0, 14.0);
    }

    @Test
    void anAggregateConditionReadsTheEnginesSlidingWindow() {
        // 100 ms apart, a 1 s window holds the last 10 readings: 6 of 10 at 10 makes the mean 6 at 2500 ms;
        // 5 zeros of 10 make it 5 (no longer above 5) at 5400 ms
        BacktestResult result = TriggerBacktest.run(List.of(trigger("warm", "mean(x, 1s) > 5")),
                List.of(series("x", 8000, 100, ms -> ms >= 2000 && ms < 5000 ? 10 : 0)));

        assertThat(result.episodes("warm")).containsExactly(
                new TriggerEpisode(TriggerEpisode.NONE, at(2500), at(5400), 10));
    }

    @Test
    void twoChannelsInOneConditionAreMergedInTimeOrder() {
        // a is above 1 from 1000 to 3000 ms, b below 0 from 1500 to 2500 ms: both hold from 1500 to 2500.
        // Fed one channel after the other, a would be back at 0 before b's readings arrived.
        BacktestResult result = TriggerBacktest.run(List.of(trigger("both", "a > 1 and b < 0")),
                List.of(points("a", 0, 0, 1000, 2, 3000, 0), points("b", 500, 1, 1500, -1, 2500, 1)));

        assertThat(result.readings()).isEqualTo(6);
        assertThat(result.episodes("both")).containsExactly(
                new TriggerEpisode(TriggerEpisode.NONE, at(1500), at(2500), 2));
    }

    @Test
    void severalTriggersRunTogetherEachWithItsOwnEpisodes() {
        BacktestResult result = TriggerBacktest.run(List.of(trigger("high", "x > 10"), trigger("low", "x < -10")),
                List.of(points("x", 0, 11, 100, 0, 200, -11, 300, 0, 400, 12, 500, 0)));

        assertThat(result.triggerIds()).containsExactly("high", "low");
        assertThat(result.firedAt("high")).containsExactly(at(0), at(400));
        assertThat(result.firedAt("low")).containsExactly(at(200));
    }

    @Test
    void anUnknownChannelIsAClearError() {
        assertThatThrownBy(() -> TriggerBacktest.run(List.of(trigger("t", "x > 1 and missing_ch < 0")),
                List.of(points("x", 0, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trigger 't'")
                .hasMessageContaining("'missing_ch'")
                .hasMessageContaining("channels with readings: x");
    }

    @Test
    void theBacktestEqualsALiveRunOverTheSameReadings() throws Exception {
        Random random = new Random(42);
        ChannelSeries x = series("x", 20_000, 2, ms -> Math.sin(ms / 300.0) + random.nextGaussian() * 0.3);
        ChannelSeries y = series("y", 20_000, 3, ms -> Math.cos(ms / 700.0) + random.nextGaussian() * 0.2);
        List<TriggerModel> triggers = List.of(
                trigger("mean_hi", "mean(x, 200ms) > 0.5 for 100ms clear < 0.2 cooldown 300ms"),
                trigger("pair", "x > 1 and y < 0 for 10ms"),
                trigger("spread", "stddev(y, 50 readings) > 0.25"));

        BacktestResult backtest = TriggerBacktest.run(triggers, List.of(x, y));
        Map<String, List<String>> live = liveTransitions(triggers, x, y);

        for (TriggerModel t : triggers) {
            assertThat(backtest.firings(t.id())).as("%s fires in this data", t.id()).isGreaterThan(2);
            assertThat(asTransitions(backtest.episodes(t.id()))).as(t.id()).isEqualTo(live.get(t.id()));
        }
    }

    /** The episodes written back as the transitions they stand for ("PENDING@t", "FIRING@t", "END@t"). */
    private static List<String> asTransitions(List<TriggerEpisode> episodes) {
        List<String> out = new ArrayList<>();
        for (TriggerEpisode e : episodes) {
            if (e.pendingSince() >= 0) {
                out.add("PENDING@" + e.pendingSince());
            }
            if (e.fired()) {
                out.add("FIRING@" + e.firedAt());
            }
            if (!e.open()) {
                out.add("END@" + e.clearedAt());
            }
        }
        return out;
    }

    /** The same readings, merged in time order, pushed into a started engine as a device adapter would. */
    private static Map<String, List<String>> liveTransitions(List<TriggerModel> triggers, ChannelSeries x,
                                                             ChannelSeries y) throws InterruptedException {
        Map<String, List<String>> out = new HashMap<>();
        triggers.forEach(t -> out.put(t.id(), new ArrayList<>()));
        try (Engine engine = new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO).build())) {
            int xi = engine.registerChannel("x", "", "dev").id();
            int yi = engine.registerChannel("y", "", "dev").id();
            IngestSource source = engine.registerSource("dev", OverloadPolicy.BLOCK);
            engine.onEvent(EventType.THRESHOLD_BREACH, e -> {
                TriggerState to = TriggerState.valueOf(e.metadata().get("to"));
                String what = switch (to) {
                    case PENDING, FIRING -> to.name();
                    case CLEARED -> "END";
                    case OK -> "PENDING".equals(e.metadata().get("from")) ? "END" : null;
                };
                if (what != null) {
                    synchronized (out) {
                        out.get(e.metadata().get("trigger")).add(what + "@" + e.timestampNanos());
                    }
                }
            });
            triggers.forEach(t -> EngineTrigger.from(t).install(engine));
            engine.start();
            int i = 0;
            int j = 0;
            while (i < x.length() || j < y.length()) {
                if (j >= y.length() || (i < x.length() && x.timestamp(i) <= y.timestamp(j))) {
                    source.offer(xi, x.timestamp(i), x.value(i));
                    i++;
                } else {
                    source.offer(yi, y.timestamp(j), y.value(j));
                    j++;
                }
            }
            long total = x.length() + y.length();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (engine.snapshotNow().metrics().accepted() < total) {
                assertThat(System.nanoTime()).as("live engine took every reading").isLessThan(deadline);
                Thread.sleep(5);
            }
            assertThat(engine.events().awaitIdle(10, TimeUnit.SECONDS)).isTrue();
        }
        synchronized (out) {
            return out;
        }
    }

    @Test
    void aMillionReadingsAreBacktestedQuickly() {
        int n = 1_000_000;
        long[] ts = new long[n];
        double[] vs = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = T0 + i * MS;
            vs[i] = (i / 1000) % 2 == 0 ? 0 : 20 + (i % 1000) * 0.001; // a square wave: high every other second
        }
        List<TriggerModel> triggers = List.of(trigger("square", "x > 10 for 100ms clear < 5"));
        List<ChannelSeries> series = List.of(ChannelSeries.of("x", "", ts, vs));
        TriggerBacktest.run(triggers, series); // warm up

        long start = System.nanoTime();
        BacktestResult result = TriggerBacktest.run(triggers, series);
        long took = System.nanoTime() - start;

        System.out.printf("backtest of %,d readings: %.0f ms%n", n, took / 1e6);
        assertThat(result.readings()).isEqualTo(n);
        assertThat(result.firings("square")).isEqualTo(500);
        TriggerEpisode first = result.episodes("square").getFirst();
        assertThat(first).isEqualTo(new TriggerEpisode(at(1000), at(1100), at(2000), 20 + 0.999));
        assertThat(took).as("1M readings on a shared 2-core machine").isLessThan(TimeUnit.SECONDS.toNanos(10));
    }
}
