package dev.benchwatch.ui.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineConfig;
import dev.benchwatch.engine.EngineSnapshot;
import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.event.EventType;
import dev.benchwatch.engine.ingest.IngestSource;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import dev.benchwatch.engine.metrics.TriggerStatus;
import dev.benchwatch.engine.trigger.ComparisonOp;
import dev.benchwatch.engine.trigger.Condition;
import dev.benchwatch.engine.trigger.Operand;
import dev.benchwatch.engine.trigger.Severity;
import dev.benchwatch.engine.trigger.TriggerSpec;
import dev.benchwatch.engine.trigger.TriggerState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The view-model's logic without a display: queue and drop count, trimming, severity, filters, the alarm list
 * and the banner state. The engine is driven by hand ({@code doWork}), never started.
 */
class EventLogViewModelTest {
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long MS = 1_000_000L;

    private Engine engine;
    private IngestSource source;
    private int temp;

    @BeforeEach
    void setUp() {
        engine = new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO).build());
        temp = engine.registerChannel("oven_temp", "°C", "oven").id();
        source = engine.registerSource("oven", OverloadPolicy.BLOCK);
    }

    @AfterEach
    void tearDown() {
        engine.close();
    }

    private static Event event(long id, EventType type, String device, int priority, Map<String, String> meta) {
        return new Event(id, type, device, T0 + id * MS, "event " + id, priority, "", meta);
    }

    private static Event event(long id) {
        return event(id, EventType.DEVICE_STATUS, "oven", 3, Map.of());
    }

    private EngineSnapshot emptySnapshot() {
        return engine.snapshotNow();
    }

    private static List<Long> ids(List<EventLogRow> rows) {
        return rows.stream().map(EventLogRow::id).toList();
    }

    @Test
    void aFullQueueDropsTheOldestAndCountsEveryDrop() {
        EventLogViewModel vm = new EventLogViewModel(engine, 100, 4, ZoneOffset.UTC);
        for (long id = 1; id <= 10; id++) {
            vm.enqueue(event(id));
        }
        assertThat(vm.droppedEventCount()).isEqualTo(6);
        assertThat(vm.droppedEventsProperty().get()).as("published on the next frame").isZero();
        vm.onFrame(emptySnapshot(), 0);
        assertThat(ids(vm.rows())).containsExactly(7L, 8L, 9L, 10L);
        assertThat(vm.droppedEventsProperty().get()).isEqualTo(6);
    }

    @Test
    void keepsAtMostMaxRowsDroppingTheOldest() {
        EventLogViewModel vm = new EventLogViewModel(engine, 5, 100, ZoneOffset.UTC);
        EngineSnapshot snapshot = emptySnapshot();
        for (long id = 1; id <= 3; id++) {
            vm.enqueue(event(id));
        }
        vm.onFrame(snapshot, 0);
        assertThat(ids(vm.rows())).containsExactly(1L, 2L, 3L);
        for (long id = 4; id <= 7; id++) {
            vm.enqueue(event(id));
        }
        vm.onFrame(snapshot, 1);
        assertThat(ids(vm.rows())).containsExactly(3L, 4L, 5L, 6L, 7L);
        assertThat(vm.trimmedRowsProperty().get()).isEqualTo(2);

        for (long id = 8; id <= 20; id++) { // one batch larger than the log
            vm.enqueue(event(id));
        }
        vm.onFrame(snapshot, 2);
        assertThat(ids(vm.rows())).containsExactly(16L, 17L, 18L, 19L, 20L);
        assertThat(vm.trimmedRowsProperty().get()).isEqualTo(2 + 13);
        assertThat(vm.maxRows()).isEqualTo(5);
    }

    @Test
    void anEventAlreadyShownIsNeverShownTwice() {
        EventLogViewModel vm = new EventLogViewModel(engine, 100, 100, ZoneOffset.UTC);
        vm.enqueue(event(1));
        vm.enqueue(event(2));
        vm.onFrame(emptySnapshot(), 0);
        vm.enqueue(event(2));
        vm.enqueue(event(3));
        vm.onFrame(emptySnapshot(), 1);
        assertThat(ids(vm.rows())).containsExactly(1L, 2L, 3L);
    }

    @Test
    void rowsCarryTimeTypeDeviceMessageAndTrigger() {
        EventLogViewModel vm = new EventLogViewModel(engine, 100, 100, ZoneOffset.UTC);
        vm.enqueue(new Event(42, EventType.THRESHOLD_BREACH, "oven", T0 + 123 * MS, "trigger 'hot' OK -> FIRING", 9,
                "hot#1", Map.of("trigger", "hot", "severity", "critical")));
        vm.onFrame(emptySnapshot(), 0);
        EventLogRow row = vm.rows().get(0);
        assertThat(row.time()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 123_000_000L));
        assertThat(row.timeText()).isEqualTo("2023-11-14 22:13:20.123");
        assertThat(row.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(row.type()).isEqualTo(EventType.THRESHOLD_BREACH);
        assertThat(row.device()).isEqualTo("oven");
        assertThat(row.message()).isEqualTo("trigger 'hot' OK -> FIRING");
        assertThat(row.triggerId()).isEqualTo("hot");
        assertThat(row.correlation()).isEqualTo("hot#1");
        assertThat(EventLogRow.label(EventType.THRESHOLD_BREACH)).isEqualTo("Threshold breach");
        assertThat(EventLogRow.deviceLabel("")).isEqualTo("(engine)");
    }

    @Test
    void severityIsTheNamedOneElseFollowsThePriorityBands() {
        // a critical trigger's clearing has priority 7 but stays critical; a warning's firing (6) stays warning
        assertThat(EventLogRow.severityOf(event(1, EventType.THRESHOLD_BREACH, "oven", 4,
                Map.of("severity", "critical")))).isEqualTo(Severity.CRITICAL);
        assertThat(EventLogRow.severityOf(event(1, EventType.THRESHOLD_BREACH, "oven", 9,
                Map.of("severity", "info")))).isEqualTo(Severity.INFO);
        assertThat(EventLogRow.severityOf(event(1, EventType.SYSTEM_ALERT, "", 8,
                Map.of("severity", "bogus")))).isEqualTo(Severity.CRITICAL);
        assertThat(EventLogRow.severityOf(event(1, EventType.USER_ACTION, "", 5,
                Map.of("trigger", "hot", "action", "acknowledge")))).as("a person's action").isEqualTo(Severity.INFO);
        for (int p = 1; p <= 10; p++) {
            Severity expected = p >= 7 ? Severity.CRITICAL : p >= 4 ? Severity.WARNING : Severity.INFO;
            assertThat(EventLogRow.severityOfPriority(p)).as("priority %d", p).isEqualTo(expected);
        }
        // consistent with the engine's own trigger priorities (severity.priority() and two below it)
        for (Severity s : Severity.values()) {
            assertThat(EventLogRow.severityOfPriority(s.priority())).isEqualTo(s);
            assertThat(EventLogRow.severityOfPriority(Math.max(1, s.priority() - 2))).isEqualTo(s);
        }
    }

    @Test
    void filtersBySeverityTypeAndDeviceAndLearnsTheChoices() {
        EventLogViewModel vm = new EventLogViewModel(engine, 100, 100, ZoneOffset.UTC);
        vm.enqueue(event(1, EventType.DEVICE_STATUS, "oven", 3, Map.of()));
        vm.enqueue(event(2, EventType.THRESHOLD_BREACH, "oven", 9, Map.of("severity", "critical")));
        vm.enqueue(event(3, EventType.THRESHOLD_BREACH, "psu", 6, Map.of("severity", "warning")));
        vm.enqueue(event(4, EventType.SYSTEM_ALERT, "", 8, Map.of()));
        vm.enqueue(event(5, EventType.DEVICE_STATUS, "chamber", 5, Map.of()));
        vm.onFrame(emptySnapshot(), 0);

        assertThat(vm.typeChoices()).extracting(FilterChoice::label)
                .containsExactly("All types", "Device status", "Threshold breach", "System alert");
        assertThat(vm.deviceChoices()).extracting(FilterChoice::label)
                .containsExactly("All devices", "(engine)", "chamber", "oven", "psu");
        assertThat(vm.severityChoices()).extracting(FilterChoice::label)
                .containsExactly("All severities", "Warning and above", "Critical only");

        vm.filterBySeverity(Severity.WARNING);
        assertThat(ids(vm.filteredRows())).containsExactly(2L, 3L, 4L, 5L);
        vm.filterBySeverity(Severity.CRITICAL);
        assertThat(ids(vm.filteredRows())).containsExactly(2L, 4L);
        vm.filterByType(EventType.THRESHOLD_BREACH);
        assertThat(ids(vm.filteredRows())).containsExactly(2L);
        vm.filterBySeverity(Severity.INFO);
        vm.filterByDevice("psu");
        assertThat(ids(vm.filteredRows())).containsExactly(3L);
        vm.filterByType(null);
        vm.filterByDevice("");
        assertThat(ids(vm.filteredRows())).containsExactly(4L);

        // the combo boxes set the properties with the choices themselves
        vm.deviceFilterProperty().set(vm.deviceChoices().get(3)); // oven
        assertThat(ids(vm.filteredRows())).containsExactly(1L, 2L);
        vm.clearFilters();
        assertThat(ids(vm.filteredRows())).containsExactly(1L, 2L, 3L, 4L, 5L);
        vm.typeFilterProperty().set(null);
        assertThat(vm.typeFilterProperty().get().isAll()).isTrue();

        // new rows pass through the current filter
        vm.filterBySeverity(Severity.CRITICAL);
        vm.enqueue(event(6, EventType.ANOMALY_DETECTED, "psu", 10, Map.of()));
        vm.enqueue(event(7, EventType.ANOMALY_DETECTED, "psu", 2, Map.of()));
        vm.onFrame(emptySnapshot(), 1);
        assertThat(ids(vm.filteredRows())).containsExactly(2L, 4L, 6L);
        assertThat(vm.typeChoices()).extracting(FilterChoice::value)
                .containsExactly(null, EventType.DEVICE_STATUS, EventType.THRESHOLD_BREACH, EventType.ANOMALY_DETECTED,
                        EventType.SYSTEM_ALERT);
    }

    private void feed(double ms, double value) {
        source.offer(temp, T0 + (long) (ms * MS), value);
        while (engine.doWork() > 0) {
            // drain
        }
    }

    @Test
    void activeAlarmsAcknowledgementAndTheCriticalBannerFollowTheSnapshot() throws Exception {
        engine.addTrigger(TriggerSpec.builder("hot", Condition.compare(Operand.latest("oven_temp"), ComparisonOp.GT, 100))
                .name("Oven overheat").severity(Severity.CRITICAL).build());
        engine.addTrigger(TriggerSpec.builder("warm", Condition.compare(Operand.latest("oven_temp"), ComparisonOp.GT, 80))
                .name("Oven warm").severity(Severity.WARNING).build());
        engine.addTrigger(TriggerSpec.builder("slow", Condition.compare(Operand.latest("oven_temp"), ComparisonOp.GT, 50))
                .name("Oven slow").severity(Severity.CRITICAL).holdFor(Duration.ofSeconds(60)).build());
        EventLogViewModel vm = new EventLogViewModel(engine, 100, 100, ZoneOffset.UTC);
        vm.onFrame(engine.snapshotNow(), 0);
        assertThat(vm.activeAlarms()).isEmpty();
        assertThat(vm.isCriticalUnacknowledged()).isFalse();

        feed(0, 120);
        EngineSnapshot firing = engine.snapshotNow();
        vm.onFrame(firing, 1);
        assertThat(vm.activeAlarms()).extracting(ActiveAlarm::id).containsExactly("hot", "slow", "warm");
        assertThat(vm.activeAlarms()).extracting(ActiveAlarm::state)
                .containsExactly(TriggerState.FIRING, TriggerState.PENDING, TriggerState.FIRING);
        assertThat(vm.isCriticalUnacknowledged()).isTrue();
        assertThat(vm.criticalUnacknowledgedCountProperty().get()).isEqualTo(1);
        assertThat(vm.unacknowledgedCountProperty().get()).as("PENDING needs no acknowledgement").isEqualTo(2);
        assertThat(vm.criticalMessageProperty().get()).isEqualTo("1 critical alarm unacknowledged \u2014 Oven overheat");

        assertThat(vm.acknowledge("hot")).isTrue();
        assertThat(vm.acknowledge("slow")).as("a PENDING alarm cannot be acknowledged").isFalse();
        assertThat(vm.acknowledge("gone")).as("unknown trigger").isFalse();
        vm.onFrame(firing, 2);
        assertThat(vm.isCriticalUnacknowledged()).as("nothing changes until the next snapshot").isTrue();
        vm.onFrame(engine.snapshotNow(), 3);
        assertThat(vm.activeAlarms().get(0).acknowledged()).isTrue();
        assertThat(vm.isCriticalUnacknowledged()).isFalse();
        assertThat(vm.criticalMessageProperty().get()).isEmpty();
        assertThat(vm.unacknowledgedCountProperty().get()).isEqualTo(1);

        feed(10, 60); // hot cleared (acknowledged: back to OK on the next reading), warm cleared unacknowledged
        feed(20, 60);
        vm.onFrame(engine.snapshotNow(), 4);
        assertThat(vm.activeAlarms()).extracting(ActiveAlarm::id, ActiveAlarm::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("slow", TriggerState.PENDING),
                org.assertj.core.groups.Tuple.tuple("warm", TriggerState.CLEARED));
        assertThat(vm.activeAlarms().get(1).needsAcknowledgement()).isTrue();
        assertThat(vm.acknowledge("warm")).isTrue();
        vm.onFrame(engine.snapshotNow(), 5);
        assertThat(vm.activeAlarms()).extracting(ActiveAlarm::id).containsExactly("slow");
        assertThat(vm.unacknowledgedCountProperty().get()).isZero();

        // the log saw every transition and the acknowledgements, each once
        engine.events().awaitIdle(5, TimeUnit.SECONDS);
        vm.onFrame(engine.snapshotNow(), 6);
        assertThat(vm.rows()).extracting(EventLogRow::id).doesNotHaveDuplicates().isSorted();
        assertThat(vm.rows()).filteredOn(r -> r.type() == EventType.USER_ACTION).extracting(EventLogRow::triggerId)
                .containsExactly("hot", "warm");
        assertThat(vm.rows()).filteredOn(r -> r.triggerId().equals("hot") && r.type() == EventType.THRESHOLD_BREACH)
                .extracting(EventLogRow::severity).containsOnly(Severity.CRITICAL).hasSize(3); // FIRING, CLEARED, OK
    }

    @Test
    void theAlarmListIsRebuiltOnlyWhenTheSnapshotSequenceChanges() {
        EventLogViewModel vm = new EventLogViewModel(engine, 100, 100, ZoneOffset.UTC);
        EngineSnapshot base = engine.snapshotNow();
        TriggerStatus firing = new TriggerStatus("t", "T", Severity.CRITICAL, TriggerState.FIRING, false, false, true,
                1, 5);
        vm.onFrame(base, 0);
        vm.onFrame(withTriggers(base, base.sequence(), List.of(firing)), 1);
        assertThat(vm.activeAlarms()).as("same sequence: skipped").isEmpty();
        vm.onFrame(withTriggers(base, base.sequence() + 1, List.of(firing)), 2);
        assertThat(vm.activeAlarms()).hasSize(1);
        assertThat(vm.isCriticalUnacknowledged()).isTrue();

        TriggerStatus shadow = new TriggerStatus("s", "S", Severity.CRITICAL, TriggerState.FIRING, false, true, true,
                1, 5);
        vm.onFrame(withTriggers(base, base.sequence() + 2, List.of(shadow)), 3);
        assertThat(vm.activeAlarms()).extracting(ActiveAlarm::id).containsExactly("s");
        assertThat(vm.isCriticalUnacknowledged()).as("a shadow trigger never raises the banner").isFalse();
        assertThat(vm.unacknowledgedCountProperty().get()).isZero();
    }

    @Test
    void aLogOpenedOnARunningEngineStartsWithItsRecentEvents() throws Exception {
        engine.addTrigger(TriggerSpec.builder("hot", Condition.compare(Operand.latest("oven_temp"), ComparisonOp.GT, 100))
                .severity(Severity.CRITICAL).build());
        feed(0, 120);
        feed(10, 90); // FIRING, CLEARED recorded before the log exists
        EventLogViewModel vm = new EventLogViewModel(engine, 100, 100, ZoneOffset.UTC);
        feed(20, 130); // back to... CLEARED -> FIRING while the log listens
        engine.events().awaitIdle(5, TimeUnit.SECONDS);
        vm.onFrame(engine.snapshotNow(), 0);
        assertThat(vm.rows()).extracting(EventLogRow::message)
                .anyMatch(m -> m.contains("OK -> FIRING"))
                .anyMatch(m -> m.contains("FIRING -> CLEARED"))
                .anyMatch(m -> m.contains("CLEARED -> FIRING"));
        assertThat(vm.rows()).extracting(EventLogRow::id).doesNotHaveDuplicates().isSorted().hasSize(3);
    }

    private static EngineSnapshot withTriggers(EngineSnapshot s, long sequence, List<TriggerStatus> triggers) {
        return new EngineSnapshot(sequence, s.takenAtNanoTime(), s.metrics(), s.channels(), s.windows(), triggers,
                s.recentEvents());
    }

    @Test
    void valuesAreShownWithoutTrailingZeros() {
        assertThat(EventLogPanel.formatValue(91.3)).isEqualTo("91.3");
        assertThat(EventLogPanel.formatValue(0)).isEqualTo("0");
        assertThat(EventLogPanel.formatValue(-1.23456)).isEqualTo("-1.2346");
        assertThat(EventLogPanel.formatValue(2.5e9)).isEqualTo("2.5000E+09");
        assertThat(EventLogPanel.formatValue(Double.NaN)).isEmpty();
    }

    @Test
    void criticalMessageNamesTheFirstAndCountsTheRest() {
        assertThat(EventLogViewModel.criticalMessage(0, null)).isEmpty();
        assertThat(EventLogViewModel.criticalMessage(3, "Oven overheat"))
                .isEqualTo("3 critical alarms unacknowledged \u2014 Oven overheat +2");
    }
}
