package dev.benchwatch.ui.gauges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.benchwatch.engine.EngineSnapshot;
import dev.benchwatch.engine.ProcessingMode;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import dev.benchwatch.engine.metrics.EngineMetrics;
import dev.benchwatch.engine.metrics.LatencySummary;
import dev.benchwatch.engine.metrics.SourceMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The view-model without a display: snapshots built by hand. */
class GaugesViewModelTest {
    private static final long BUDGET = 100_000_000L; // 100 ms
    private static final long MS = 1_000_000L;
    private static final long T0 = 5_000_000_000L;

    private long sequence;

    private EngineSnapshot snapshot(long takenAt, long p50, long p99, double rate, long queue, long drops,
                                    long errors, SourceMetrics... sources) {
        LatencySummary latency = new LatencySummary(p99 == 0 ? 0 : 1_000, p50, p99, p99, p99, p99, p50);
        EngineMetrics m = new EngineMetrics(ProcessingMode.HYBRID, 0, Map.of(), List.of(sources), rate, queue,
                drops, errors, 0, 0, 0, 0, 0, latency, 0, 0, 0, Map.of());
        return new EngineSnapshot(++sequence, takenAt, m, List.of(), List.of(), List.of(), List.of());
    }

    private EngineSnapshot sources(long takenAt, SourceMetrics... sources) {
        return snapshot(takenAt, 0, 0, 0, 0, 0, 0, sources);
    }

    private static SourceMetrics source(String name, long accepted) {
        return new SourceMetrics(name, OverloadPolicy.BLOCK, accepted, accepted, Map.of(), 0, 0);
    }

    @Test
    void copiesTheSnapshotIntoItsProperties() {
        GaugesViewModel vm = new GaugesViewModel(BUDGET);
        vm.onFrame(snapshot(T0, 250_000, 1_500_000, 12_345.5, 17, 3, 2), T0);
        assertThat(vm.getLatencyP50Micros()).isEqualTo(250.0);
        assertThat(vm.getLatencyP99Micros()).isEqualTo(1_500.0);
        assertThat(vm.getReadingsPerSecond()).isEqualTo(12_345.5);
        assertThat(vm.getQueueDepth()).isEqualTo(17);
        assertThat(vm.getDrops()).isEqualTo(3);
        assertThat(vm.getErrors()).isEqualTo(2);
        assertThat(vm.getBudgetState()).isEqualTo(BudgetState.OK);
        assertThat(vm.latencyBudgetMicros()).isEqualTo(100_000.0);
    }

    @Test
    void updatesAtMostTenTimesASecondWhateverTheFrameRate() {
        GaugesViewModel vm = new GaugesViewModel(BUDGET);
        List<Double> seen = new ArrayList<>();
        vm.readingsPerSecondProperty().addListener((o, a, b) -> seen.add(b.doubleValue()));
        // 240 frames a second for 2 s, each with a new snapshot and a new value
        for (int frame = 0; frame < 480; frame++) {
            long now = T0 + frame * 1_000_000_000L / 240;
            vm.onFrame(snapshot(now, 0, 0, frame + 1, 0, 0, 0), now);
        }
        assertThat(vm.updates()).isEqualTo(20);
        assertThat(seen).hasSize(20);
        assertThat(seen.get(0)).isEqualTo(1.0);
        assertThat(seen.get(1)).isEqualTo(25.0); // frame 24 = 100 ms later
    }

    @Test
    void aFrameJustUnderTheIntervalIsSkippedAndOneAtItIsTaken() {
        GaugesViewModel vm = new GaugesViewModel(BUDGET);
        vm.onFrame(snapshot(T0, 0, 0, 1, 0, 0, 0), T0);
        vm.onFrame(snapshot(T0, 0, 0, 2, 0, 0, 0), T0 + GaugesViewModel.MIN_UPDATE_INTERVAL_NANOS - 1);
        assertThat(vm.getReadingsPerSecond()).isEqualTo(1.0);
        vm.onFrame(snapshot(T0, 0, 0, 3, 0, 0, 0), T0 + GaugesViewModel.MIN_UPDATE_INTERVAL_NANOS);
        assertThat(vm.getReadingsPerSecond()).isEqualTo(3.0);
        assertThat(vm.updates()).isEqualTo(2);
    }

    @Test
    void budgetStateIsJudgedOnTheP99() {
        assertThat(BudgetState.of(49_999_999, BUDGET, 1)).isEqualTo(BudgetState.OK);
        assertThat(BudgetState.of(50 * MS, BUDGET, 1)).isEqualTo(BudgetState.AT_RISK);
        assertThat(BudgetState.of(BUDGET, BUDGET, 1)).isEqualTo(BudgetState.AT_RISK);
        assertThat(BudgetState.of(BUDGET + 1, BUDGET, 1)).isEqualTo(BudgetState.OVER);
        assertThat(BudgetState.of(Long.MAX_VALUE, BUDGET, 1)).isEqualTo(BudgetState.OVER);
        assertThat(BudgetState.of(BUDGET * 10, BUDGET, 0)).as("no latency recorded yet").isEqualTo(BudgetState.OK);
        assertThat(BudgetState.of(1, 1, 1)).isEqualTo(BudgetState.AT_RISK);
        assertThat(BudgetState.of(2, 1, 1)).isEqualTo(BudgetState.OVER);
    }

    @Test
    void budgetStatePropertyFollowsTheLatencyBothWays() {
        GaugesViewModel vm = new GaugesViewModel(BUDGET);
        List<BudgetState> states = new ArrayList<>();
        vm.budgetStateProperty().addListener((o, a, b) -> states.add(b));
        long now = T0;
        for (long p99 : new long[] {10 * MS, 60 * MS, 150 * MS, 99 * MS, 20 * MS}) {
            vm.onFrame(snapshot(now, MS, p99, 0, 0, 0, 0), now);
            now += GaugesViewModel.MIN_UPDATE_INTERVAL_NANOS;
        }
        assertThat(states).containsExactly(BudgetState.AT_RISK, BudgetState.OVER, BudgetState.AT_RISK,
                BudgetState.OK);
    }

    @Property
    void stateIsOrderedByLatency(@ForAll @LongRange(min = 1, max = 10_000_000_000L) long budget,
                                 @ForAll @LongRange(min = 0, max = 20_000_000_000L) long a,
                                 @ForAll @LongRange(min = 0, max = 20_000_000_000L) long b) {
        long lo = Math.min(a, b);
        long hi = Math.max(a, b);
        assertThat(BudgetState.of(lo, budget, 1)).isLessThanOrEqualTo(BudgetState.of(hi, budget, 1));
        assertThat(BudgetState.of(hi, budget, 1) == BudgetState.OVER).isEqualTo(hi > budget);
        assertThat(BudgetState.of(lo, budget, 1) == BudgetState.OK).isEqualTo(2 * lo < budget);
    }

    @Test
    void deviceRatesComeFromAcceptedCountDeltasOverSnapshotTime() {
        GaugesViewModel vm = new GaugesViewModel(BUDGET);
        vm.onFrame(sources(T0, source("oven", 1_000), source("psu", 0)), T0);
        assertThat(vm.deviceRates()).extracting(DeviceRate::device).containsExactly("oven", "psu");
        assertThat(vm.deviceRates()).allSatisfy(r -> assertThat(r.getReadingsPerSecond()).isZero());
        DeviceRate oven = vm.deviceRates().get(0);

        // the snapshot was taken 200 ms after the first one, the frame comes 210 ms after
        vm.onFrame(sources(T0 + 200 * MS, source("oven", 1_500), source("psu", 100)), T0 + 210 * MS);
        assertThat(vm.deviceRates().get(0)).isSameAs(oven);
        assertThat(oven.getReadingsPerSecond()).isCloseTo(2_500.0, within(1e-9));
        assertThat(vm.deviceRates().get(1).getReadingsPerSecond()).isCloseTo(500.0, within(1e-9));
    }

    @Test
    void aCounterThatRestartsAtZeroNeverGivesANegativeRate() {
        GaugesViewModel vm = new GaugesViewModel(BUDGET);
        vm.onFrame(sources(T0, source("mqtt", 50_000)), T0);
        vm.onFrame(sources(T0 + 500 * MS, source("mqtt", 40)), T0 + 500 * MS); // reconnected: 40 since
        assertThat(vm.deviceRates().get(0).getReadingsPerSecond()).isCloseTo(80.0, within(1e-9));
        vm.onFrame(sources(T0 + 1_000 * MS, source("mqtt", 0)), T0 + 1_000 * MS);
        assertThat(vm.deviceRates().get(0).getReadingsPerSecond()).isZero();
        vm.onFrame(sources(T0 + 1_500 * MS, source("mqtt", 100)), T0 + 1_500 * MS);
        assertThat(vm.deviceRates().get(0).getReadingsPerSecond()).isCloseTo(200.0, within(1e-9));
    }

    @Property
    void ratesAreNeverNegative(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 4) long before,
                               @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 4) long after,
                               @ForAll @LongRange(min = 1, max = 10_000_000_000L) long nanos) {
        assertThat(GaugesViewModel.ratePerSecond(before, after, nanos / 1e9)).isGreaterThanOrEqualTo(0);
    }

    @Test
    void rowsFollowSourcesComingAndGoing() {
        GaugesViewModel vm = new GaugesViewModel(BUDGET);
        vm.onFrame(sources(T0, source("a", 10)), T0);
        vm.onFrame(sources(T0 + 100 * MS, source("a", 20), source("b", 5)), T0 + 100 * MS);
        assertThat(vm.deviceRates()).extracting(DeviceRate::device).containsExactly("a", "b");
        assertThat(vm.deviceRates().get(1).getReadingsPerSecond()).as("first sight: no rate yet").isZero();
        vm.onFrame(sources(T0 + 200 * MS, source("b", 25)), T0 + 200 * MS);
        assertThat(vm.deviceRates()).extracting(DeviceRate::device).containsExactly("b");
        assertThat(vm.deviceRates().get(0).getReadingsPerSecond()).isCloseTo(200.0, within(1e-9));
        // "a" comes back: a new row, no rate from its old count
        vm.onFrame(sources(T0 + 300 * MS, source("b", 25), source("a", 1_000_000)), T0 + 300 * MS);
        assertThat(vm.deviceRates()).extracting(DeviceRate::device).containsExactly("b", "a");
        assertThat(vm.deviceRates().get(1).getReadingsPerSecond()).isZero();
    }

    @Test
    void theSameSnapshotAgainChangesNothing() {
        GaugesViewModel vm = new GaugesViewModel(BUDGET);
        EngineSnapshot first = sources(T0, source("a", 10));
        vm.onFrame(first, T0);
        vm.onFrame(sources(T0 + 100 * MS, source("a", 110)), T0 + 100 * MS);
        EngineSnapshot same = sources(T0 + 200 * MS, source("a", 130));
        vm.onFrame(same, T0 + 200 * MS);
        assertThat(vm.deviceRates().get(0).getReadingsPerSecond()).isCloseTo(200.0, within(1e-9));
        vm.onFrame(same, T0 + 300 * MS); // the engine published nothing newer
        assertThat(vm.deviceRates().get(0).getReadingsPerSecond()).isCloseTo(200.0, within(1e-9));
    }

    @Test
    void theListCannotBeChangedFromOutside() {
        GaugesViewModel vm = new GaugesViewModel(BUDGET);
        vm.onFrame(sources(T0, source("a", 10)), T0);
        assertThatThrownBy(() -> vm.deviceRates().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsANonPositiveBudget() {
        assertThatThrownBy(() -> new GaugesViewModel(0)).hasMessageContaining("latencyBudgetNanos");
    }
}
