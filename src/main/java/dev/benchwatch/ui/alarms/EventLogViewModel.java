package dev.benchwatch.ui.alarms;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineSnapshot;
import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.event.EventType;
import dev.benchwatch.engine.metrics.TriggerStatus;
import dev.benchwatch.engine.trigger.Severity;
import dev.benchwatch.ui.FrameListener;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The alarm and event log's view-model: the only thing {@link EventLogPanel} and {@link AlarmBanner} bind to.
 *
 * <p>Events arrive on the engine's event-bus thread ({@link Engine#onAnyEvent}) and go into a bounded queue
 * (when it is full the oldest queued event is dropped and counted: {@link #droppedEventsProperty()}). Once
 * per frame, on the JavaFX thread, {@link #onFrame} drains the queue into {@link #rows()} (at most
 * {@code maxRows}, oldest dropped) in one change, and, when the snapshot's sequence has changed, rebuilds the
 * active alarms from the snapshot's trigger states. Nothing is pushed to the JavaFX thread per event.
 *
 * <p>The first frame also takes the snapshot's recent events that the queue does not hold (those recorded
 * before this view-model subscribed), so a log opened on a running engine is not empty. Rows are appended
 * in event-id order and an event already shown is never shown twice.
 *
 * <p>Everything but the constructor's subscription and the queue is touched on the JavaFX thread only.
 * Severity: see {@link EventLogRow}.
 */
public final class EventLogViewModel implements FrameListener {
    public static final int DEFAULT_MAX_ROWS = 10_000;
    public static final int DEFAULT_QUEUE_CAPACITY = 16_384;

    static final FilterChoice<Severity> ALL_SEVERITIES = FilterChoice.all("All severities");
    static final FilterChoice<EventType> ALL_TYPES = FilterChoice.all("All types");
    static final FilterChoice<String> ALL_DEVICES = FilterChoice.all("All devices");

    private static final Comparator<ActiveAlarm> ALARM_ORDER = Comparator
            .comparing(ActiveAlarm::severity, Comparator.reverseOrder())
            .thenComparing(a -> a.state().ordinal(), Comparator.reverseOrder()) // FIRING before PENDING
            .thenComparing(ActiveAlarm::name)
            .thenComparing(ActiveAlarm::id);

    private final Engine engine;
    private final int maxRows;
    private final DateTimeFormatter timeFormat;
    private final ArrayBlockingQueue<Event> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final List<Event> batch = new ArrayList<>();
    private volatile boolean closed;

    private final ObservableList<EventLogRow> rows = FXCollections.observableArrayList();
    private final FilteredList<EventLogRow> filteredRows = new FilteredList<>(rows);
    private final ObservableList<FilterChoice<Severity>> severityChoices = FXCollections.observableArrayList(
            ALL_SEVERITIES,
            new FilterChoice<>(Severity.WARNING, "Warning and above"),
            new FilterChoice<>(Severity.CRITICAL, "Critical only"));
    private final ObservableList<FilterChoice<EventType>> typeChoices = FXCollections.observableArrayList(ALL_TYPES);
    private final ObservableList<FilterChoice<String>> deviceChoices =
            FXCollections.observableArrayList(ALL_DEVICES);
    private final ObjectProperty<FilterChoice<Severity>> severityFilter = nonNull("severityFilter", ALL_SEVERITIES);
    private final ObjectProperty<FilterChoice<EventType>> typeFilter = nonNull("typeFilter", ALL_TYPES);
    private final ObjectProperty<FilterChoice<String>> deviceFilter = nonNull("deviceFilter", ALL_DEVICES);

    private final ObservableList<ActiveAlarm> activeAlarms = FXCollections.observableArrayList();
    private final ObservableList<ActiveAlarm> activeAlarmsView = FXCollections.unmodifiableObservableList(activeAlarms);
    private final ObservableList<EventLogRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<FilterChoice<Severity>> severityChoicesView =
            FXCollections.unmodifiableObservableList(severityChoices);
    private final ObservableList<FilterChoice<EventType>> typeChoicesView =
            FXCollections.unmodifiableObservableList(typeChoices);
    private final ObservableList<FilterChoice<String>> deviceChoicesView =
            FXCollections.unmodifiableObservableList(deviceChoices);
    private final ReadOnlyBooleanWrapper criticalUnacknowledged =
            new ReadOnlyBooleanWrapper(this, "criticalUnacknowledged");
    private final ReadOnlyIntegerWrapper criticalUnacknowledgedCount =
            new ReadOnlyIntegerWrapper(this, "criticalUnacknowledgedCount");
    private final ReadOnlyIntegerWrapper unacknowledgedCount = new ReadOnlyIntegerWrapper(this, "unacknowledgedCount");
    private final ReadOnlyStringWrapper criticalMessage = new ReadOnlyStringWrapper(this, "criticalMessage", "");
    private final ReadOnlyLongWrapper droppedEvents = new ReadOnlyLongWrapper(this, "droppedEvents");
    private final ReadOnlyLongWrapper trimmedRows = new ReadOnlyLongWrapper(this, "trimmedRows");

    private boolean seeded;
    private long lastRowId = Long.MIN_VALUE;
    private long lastSequence = Long.MIN_VALUE;

    /** A log of at most {@value #DEFAULT_MAX_ROWS} rows with times in the system's zone; subscribes at once. */
    public EventLogViewModel(Engine engine) {
        this(engine, DEFAULT_MAX_ROWS, DEFAULT_QUEUE_CAPACITY, ZoneId.systemDefault());
    }

    /**
     * @param maxRows       rows kept (oldest dropped), at least 1
     * @param queueCapacity events held between two frames, at least 1
     * @param zone          the zone times are shown in
     */
    public EventLogViewModel(Engine engine, int maxRows, int queueCapacity, ZoneId zone) {
        this.engine = Objects.requireNonNull(engine, "engine");
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1, got " + maxRows);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be at least 1, got " + queueCapacity);
        }
        this.maxRows = maxRows;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.timeFormat = EventLogRow.formatter(Objects.requireNonNull(zone, "zone"));
        filteredRows.predicateProperty().bind(Bindings.createObjectBinding(this::currentPredicate,
                severityFilter, typeFilter, deviceFilter));
        engine.onAnyEvent(this::enqueue);
    }

    // ------------------------------------------------------------------ event thread

    /** Called on the event-bus thread (or by tests): queues the event, dropping the oldest when full. */
    void enqueue(Event event) {
        if (closed) {
            return;
        }
        while (!queue.offer(event)) {
            if (queue.poll() != null) {
                dropped.incrementAndGet();
            }
        }
    }

    /**
     * Stops taking events (the engine's event bus has no way to unregister a handler, so the handler stays
     * registered but does nothing) and empties the queue.
     */
    public void close() {
        closed = true;
        queue.clear();
    }

    // ------------------------------------------------------------------ FX thread

    @Override
    public void onFrame(EngineSnapshot snapshot, long nowNanos) {
        drainEvents(snapshot);
        if (snapshot != null && snapshot.sequence() != lastSequence) {
            lastSequence = snapshot.sequence();
            updateAlarms(snapshot.triggers());
        }
        droppedEvents.set(dropped.get());
    }

    private void drainEvents(EngineSnapshot snapshot) {
        batch.clear();
        queue.drainTo(batch);
        List<EventLogRow> added = new ArrayList<>();
        if (!seeded && snapshot != null) {
            seeded = true;
            long firstQueued = batch.isEmpty() ? Long.MAX_VALUE : batch.get(0).id();
            for (Event e : snapshot.recentEvents()) {
                if (e.id() < firstQueued) {
                    append(e, added);
                }
            }
        }
        for (Event e : batch) {
            append(e, added);
        }
        batch.clear();
        if (added.isEmpty()) {
            return;
        }
        if (added.size() > maxRows) {
            trimmedRows.set(trimmedRows.get() + added.size() - maxRows);
            added = added.subList(added.size() - maxRows, added.size());
        }
        int excess = rows.size() + added.size() - maxRows;
        if (excess > 0) {
            trimmedRows.set(trimmedRows.get() + excess);
            rows.remove(0, excess);
        }
        rows.addAll(added);
        learnChoices(added);
    }

    private void append(Event e, List<EventLogRow> added) {
        if (e.id() <= lastRowId) {
            return; // already shown (snapshot seed and queue overlap)
        }
        lastRowId = e.id();
        added.add(EventLogRow.of(e, timeFormat));
    }

    private void learnChoices(List<EventLogRow> added) {
        for (EventLogRow row : added) {
            insertSorted(typeChoices, new FilterChoice<>(row.type(), EventLogRow.label(row.type())),
                    Comparator.comparing(c -> c.value().ordinal()));
            insertSorted(deviceChoices, new FilterChoice<>(row.device(), EventLogRow.deviceLabel(row.device())),
                    Comparator.comparing(FilterChoice::value));
        }
    }

    /** Inserts a choice in order after the leading "all" entry, leaving existing entries (and selections) alone. */
    private static <T> void insertSorted(ObservableList<FilterChoice<T>> choices, FilterChoice<T> choice,
                                         Comparator<FilterChoice<T>> order) {
        List<FilterChoice<T>> known = choices.subList(1, choices.size());
        int at = Collections.binarySearch(known, choice, order);
        if (at < 0) {
            choices.add(1 + (-at - 1), choice);
        }
    }

    private void updateAlarms(List<TriggerStatus> triggers) {
        List<ActiveAlarm> next = new ArrayList<>();
        for (TriggerStatus t : triggers) {
            if (ActiveAlarm.isActive(t)) {
                next.add(ActiveAlarm.of(t));
            }
        }
        next.sort(ALARM_ORDER);
        if (!next.equals(activeAlarms)) {
            if (sameIds(next, activeAlarms)) {
                for (int i = 0; i < next.size(); i++) { // same alarms in the same order: replace only what changed
                    if (!next.get(i).equals(activeAlarms.get(i))) {
                        activeAlarms.set(i, next.get(i));
                    }
                }
            } else {
                activeAlarms.setAll(next);
            }
        }
        int critical = 0;
        int unacknowledged = 0;
        String firstCritical = null;
        for (ActiveAlarm a : next) {
            if (a.needsAcknowledgement() && !a.shadow()) {
                unacknowledged++;
            }
            if (a.isCriticalUnacknowledged()) {
                critical++;
                if (firstCritical == null) {
                    firstCritical = a.name();
                }
            }
        }
        unacknowledgedCount.set(unacknowledged);
        criticalUnacknowledgedCount.set(critical);
        criticalUnacknowledged.set(critical > 0);
        criticalMessage.set(criticalMessage(critical, firstCritical));
    }

    private static boolean sameIds(List<ActiveAlarm> a, List<ActiveAlarm> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).id().equals(b.get(i).id())) {
                return false;
            }
        }
        return true;
    }

    /** "1 critical alarm unacknowledged — Oven overheat", "3 critical alarms unacknowledged — Oven overheat +2". */
    static String criticalMessage(int count, String firstName) {
        if (count == 0) {
            return "";
        }
        return count + (count == 1 ? " critical alarm" : " critical alarms") + " unacknowledged \u2014 " + firstName
                + (count > 1 ? " +" + (count - 1) : "");
    }

    /**
     * A person acknowledges a trigger's alarm (recorded by the engine as a USER_ACTION event). Waits for the
     * engine thread, which answers within microseconds; the alarm list shows the result with the next snapshot.
     *
     * @return false when there was nothing to acknowledge (OK or PENDING, already acknowledged, or a trigger that
     *         has since been removed)
     */
    public boolean acknowledge(String triggerId) {
        try {
            return engine.acknowledge(triggerId);
        } catch (IllegalArgumentException removed) {
            return false;
        }
    }

    /** Acknowledges every CRITICAL firing alarm not yet acknowledged (the banner's action); returns how many. */
    public int acknowledgeAllCritical() {
        int n = 0;
        for (ActiveAlarm a : List.copyOf(activeAlarms)) {
            if (a.isCriticalUnacknowledged() && acknowledge(a.id())) {
                n++;
            }
        }
        return n;
    }

    /** Resets the three filters to "all". */
    public void clearFilters() {
        severityFilter.set(ALL_SEVERITIES);
        typeFilter.set(ALL_TYPES);
        deviceFilter.set(ALL_DEVICES);
    }

    /** Shows only rows of {@code minimum} severity and above (INFO: all). */
    public void filterBySeverity(Severity minimum) {
        severityFilter.set(severityChoices.stream().filter(c -> c.value() == minimum).findFirst()
                .orElse(ALL_SEVERITIES));
    }

    /** Shows only rows of this type (null: all types). */
    public void filterByType(EventType type) {
        typeFilter.set(type == null ? ALL_TYPES : new FilterChoice<>(type, EventLogRow.label(type)));
    }

    /** Shows only rows of this device, "" for the engine's own events (null: all devices). */
    public void filterByDevice(String device) {
        deviceFilter.set(device == null ? ALL_DEVICES : new FilterChoice<>(device, EventLogRow.deviceLabel(device)));
    }

    private Predicate<EventLogRow> currentPredicate() {
        Severity minimum = severityFilter.get().value();
        EventType type = typeFilter.get().value();
        String device = deviceFilter.get().value();
        if (minimum == null && type == null && device == null) {
            return null; // FilteredList: everything
        }
        return row -> (minimum == null || row.severity().compareTo(minimum) >= 0)
                && (type == null || row.type() == type)
                && (device == null || row.device().equals(device));
    }

    private <T> ObjectProperty<FilterChoice<T>> nonNull(String name, FilterChoice<T> all) {
        return new SimpleObjectProperty<>(this, name, all) {
            @Override
            public void set(FilterChoice<T> value) {
                super.set(value == null ? all : value);
            }
        };
    }

    // ------------------------------------------------------------------ properties

    /** Every row kept, oldest first (at most {@code maxRows}). */
    public ObservableList<EventLogRow> rows() {
        return rowsView;
    }

    /** The rows passing the filters, oldest first: what the table shows. */
    public ObservableList<EventLogRow> filteredRows() {
        return filteredRows;
    }

    public ObservableList<FilterChoice<Severity>> severityChoices() {
        return severityChoicesView;
    }

    /** "All types", then every event type seen so far, in enum order. */
    public ObservableList<FilterChoice<EventType>> typeChoices() {
        return typeChoicesView;
    }

    /** "All devices", then every device seen so far, by name ("" is the engine itself). */
    public ObservableList<FilterChoice<String>> deviceChoices() {
        return deviceChoicesView;
    }

    /** Minimum severity shown; never null (set null: all). */
    public ObjectProperty<FilterChoice<Severity>> severityFilterProperty() {
        return severityFilter;
    }

    /** Type shown; never null (set null: all). */
    public ObjectProperty<FilterChoice<EventType>> typeFilterProperty() {
        return typeFilter;
    }

    /** Device shown; never null (set null: all). */
    public ObjectProperty<FilterChoice<String>> deviceFilterProperty() {
        return deviceFilter;
    }

    /** Triggers PENDING, FIRING, or CLEARED and unacknowledged: most severe first, FIRING before PENDING. */
    public ObservableList<ActiveAlarm> activeAlarms() {
        return activeAlarmsView;
    }

    /** True while any CRITICAL (non-shadow) trigger is FIRING and not acknowledged. */
    public ReadOnlyBooleanProperty criticalUnacknowledgedProperty() {
        return criticalUnacknowledged.getReadOnlyProperty();
    }

    public boolean isCriticalUnacknowledged() {
        return criticalUnacknowledged.get();
    }

    public ReadOnlyIntegerProperty criticalUnacknowledgedCountProperty() {
        return criticalUnacknowledgedCount.getReadOnlyProperty();
    }

    /** "2 critical alarms unacknowledged — Oven overheat +1", or "" when there is none: the banner's text. */
    public ReadOnlyStringProperty criticalMessageProperty() {
        return criticalMessage.getReadOnlyProperty();
    }

    /** Alarms FIRING or CLEARED and not acknowledged (shadow triggers left out): the badge's number. */
    public ReadOnlyIntegerProperty unacknowledgedCountProperty() {
        return unacknowledgedCount.getReadOnlyProperty();
    }

    /** Events dropped because the queue was full between two frames (oldest first); updated per frame. */
    public ReadOnlyLongProperty droppedEventsProperty() {
        return droppedEvents.getReadOnlyProperty();
    }

    /** Events dropped so far, read now (any thread). */
    public long droppedEventCount() {
        return dropped.get();
    }

    /** Rows removed from the log to keep it at {@code maxRows}. */
    public ReadOnlyLongProperty trimmedRowsProperty() {
        return trimmedRows.getReadOnlyProperty();
    }

    public int maxRows() {
        return maxRows;
    }
}
