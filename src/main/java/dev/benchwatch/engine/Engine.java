package dev.benchwatch.engine;

import dev.benchwatch.engine.action.ActionExecutor;
import dev.benchwatch.engine.action.ActionPorts;
import dev.benchwatch.engine.action.ActionRequest;
import dev.benchwatch.engine.detect.DetectorKind;
import dev.benchwatch.engine.detect.ScoredDetector;
import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.event.EventBus;
import dev.benchwatch.engine.event.EventHandler;
import dev.benchwatch.engine.event.EventType;
import dev.benchwatch.engine.ingest.IngestSource;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import dev.benchwatch.engine.ingest.ReadingSink;
import dev.benchwatch.engine.ingest.RejectReason;
import dev.benchwatch.engine.ingest.Wakeup;
import dev.benchwatch.engine.metrics.ChannelValue;
import dev.benchwatch.engine.metrics.DetectorStatus;
import dev.benchwatch.engine.metrics.EngineMetrics;
import dev.benchwatch.engine.metrics.LatencyTracker;
import dev.benchwatch.engine.metrics.SourceMetrics;
import dev.benchwatch.engine.metrics.TriggerStatus;
import dev.benchwatch.engine.pipeline.OperatorSpec;
import dev.benchwatch.engine.pipeline.Pipeline;
import dev.benchwatch.engine.pipeline.PipelineOutput;
import dev.benchwatch.engine.pipeline.PipelineSpec;
import dev.benchwatch.engine.trigger.CompiledCondition;
import dev.benchwatch.engine.trigger.ConditionCompiler;
import dev.benchwatch.engine.trigger.ConditionContext;
import dev.benchwatch.engine.trigger.Operand;
import dev.benchwatch.engine.trigger.TriggerSpec;
import dev.benchwatch.engine.trigger.TriggerState;
import dev.benchwatch.engine.trigger.TriggerStateMachine;
import dev.benchwatch.engine.window.Window;
import dev.benchwatch.engine.window.WindowResult;
import dev.benchwatch.engine.window.WindowSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * The real-time engine: a single-writer event loop. Producers offer readings through their
 * {@link IngestSource}; one engine thread drains the lanes and, reading by reading, updates the channel's
 * history and windows, runs pipelines and evaluates triggers. Consumers read the immutable
 * {@link EngineSnapshot} it publishes at most once per snapshot interval; actions and event handlers run on
 * threads of their own.
 *
 * <p>Configuration calls (channels, windows, pipelines, triggers) may come from any thread: they are
 * validated on the caller's thread, so errors surface there, and then applied by the engine thread.
 * Without {@link #start()}, the caller drives the engine with {@link #doWork()} (tests, benchmarks, replays).
 */
public final class Engine implements AutoCloseable {
    private static final int MAX_DRAIN_PER_LANE = 8_192;
    private static final int EVENT_DRIVEN_LIMIT = 1_024;
    private static final int MAX_DERIVED_DEPTH = 16;
    private static final long VALIDATION_EVENT_INTERVAL_NANOS = 1_000_000_000L;

    private final EngineConfig config;
    private final NanoClock clock;
    private final ChannelRegistry registry = new ChannelRegistry();
    private final EventBus bus;
    private final ActionExecutor actions;

    // --- shared with other threads ---
    private volatile IngestSource[] sources = new IngestSource[0];
    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Event> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicLong eventIds = new AtomicLong();
    private volatile EngineSnapshot snapshot;
    private volatile ProcessingMode mode;
    private volatile boolean running;
    private volatile boolean closed;
    private volatile Thread engineThread;
    private final Wakeup wakeup;
    private final Object registrationLock = new Object();

    // --- engine thread only ---
    /** ANOMALY_DETECTED events are worth a look but not an alarm: triggers on detector scores raise those. */
    static final int ANOMALY_PRIORITY = 6;
    private ChannelState[] states = new ChannelState[0];
    private final Map<String, Window> windows = new LinkedHashMap<>();
    private final Map<String, Pipeline> pipelines = new LinkedHashMap<>();
    private final Map<String, TriggerBinding> triggers = new LinkedHashMap<>();
    private final EventMatchIndex eventMatches = new EventMatchIndex();
    private final ArrayDeque<Event> recentEvents = new ArrayDeque<>();
    private long[] acceptedBySource = new long[0];
    private long accepted;
    private long derived;
    private long validationFailures;
    private long tapErrors;
    private ReadingTap[] taps = new ReadingTap[0];
    private ReadingTap tap; // null without taps: the hot path pays one null check
    private long eventsRecorded;
    private final long[] eventsByType = new long[EventType.values().length];
    private final Map<String, Long> lastValidationEvent = new HashMap<>();
    private final LatencyTracker latency;
    private long nowNanos;
    /** While a trigger compiles: the detectors its operands read. */
    private List<DetectorRead> detectorsRead;
    private int currentSource;
    private int derivedDepth;
    private boolean windowClosedSinceSnapshot;
    private long snapshotSequence;
    private long lastSnapshotNanoTime;
    private long acceptedAtLastSnapshot;

    private final ReadingSink laneSink = this::acceptFromLane;

    // micro-batch buffer
    private final int[] batchSources;
    private final int[] batchChannels;
    private final long[] batchTimestamps;
    private final double[] batchValues;
    private final long[] batchIngest;
    private int batchCount;
    private long batchStartNanoTime;
    private final ReadingSink batchSink = this::bufferForBatch;

    private final PipelineOutput pipelineOutput = new PipelineOutput() {
        @Override
        public void emit(Pipeline pipeline, long timestampNanos, double value) {
            applyDerived(pipeline.outputChannel(), timestampNanos, value);
        }

        @Override
        public void validationFailed(Pipeline pipeline, String reason, long timestampNanos, double value) {
            onValidationFailure(pipeline, reason, timestampNanos, value);
        }

        @Override
        public long nowNanos() {
            return nowNanos;
        }
    };

    public Engine() {
        this(EngineConfig.defaults());
    }

    public Engine(EngineConfig config) {
        this(config, ActionPorts.unconnected());
    }

    public Engine(EngineConfig config, ActionPorts ports) {
        this.config = config;
        this.wakeup = new Wakeup(config.idleMode() == EngineConfig.IdleMode.LOW_CPU);
        this.clock = config.clock();
        this.mode = config.mode();
        this.bus = new EventBus();
        this.actions = new ActionExecutor(ports, this::publishEvent);
        int batch = config.microBatchSize();
        this.latency = new LatencyTracker(config.latencyBudgetNanos(), Math.max(MAX_DRAIN_PER_LANE, batch));
        batchSources = new int[batch];
        batchChannels = new int[batch];
        batchTimestamps = new long[batch];
        batchValues = new double[batch];
        batchIngest = new long[batch];
        nowNanos = clock.nowNanos();
        snapshot = buildSnapshot(System.nanoTime());
    }

    public EngineConfig config() {
        return config;
    }

    public ChannelRegistry channels() {
        return registry;
    }

    // ------------------------------------------------------------------ configuration (any thread)

    /** Registers a channel (or returns the same one again) and prepares its state. */
    public Channel registerChannel(String name, String unit, String device) {
        Channel channel = registry.register(name, unit, device);
        onEngine(() -> {
            ensureStates();
            return null;
        });
        return channel;
    }

    /** A new ingest source with the default lane capacity. */
    public IngestSource registerSource(String name, OverloadPolicy policy) {
        return registerSource(name, policy, config.laneCapacity());
    }

    public IngestSource registerSource(String name, OverloadPolicy policy, int laneCapacity) {
        synchronized (registrationLock) {
            for (IngestSource existing : sources) {
                if (existing.name().equals(name)) {
                    throw new IllegalArgumentException("source '" + name + "' is already registered");
                }
            }
            IngestSource source = new IngestSource(sources.length, name, policy, laneCapacity, () -> !closed,
                    wakeup);
            sources = ChannelState.append(sources, source);
            return source;
        }
    }

    public Window addWindow(WindowSpec spec) {
        synchronized (registrationLock) {
            int channel = registry.idOf(spec.channel());
            return onEngine(() -> {
                if (windows.containsKey(spec.id())) {
                    throw new IllegalArgumentException("window '" + spec.id() + "' is already registered");
                }
                ensureStates();
                Window window = Window.create(spec, channel);
                windows.put(spec.id(), window);
                ChannelState state = states[channel];
                state.windows = ChannelState.append(state.windows, window);
                return window;
            });
        }
    }

    /** Registers a pipeline, creating its output channel. Duplicate ids, unknown channels and cycles are rejected. */
    public Pipeline addPipeline(PipelineSpec spec) {
        synchronized (registrationLock) {
            int input = registry.idOf(spec.input());
            List<Integer> partners = new ArrayList<>();
            Map<String, String> tags = new LinkedHashMap<>();
            for (OperatorSpec operator : spec.operators()) {
                if (operator instanceof OperatorSpec.Join join) {
                    if (!registry.find(join.otherChannel()).isPresent()) {
                        throw new IllegalArgumentException("pipeline '" + spec.id() + "': join names unknown channel '"
                                + join.otherChannel() + "'");
                    }
                    partners.add(registry.idOf(join.otherChannel()));
                } else if (operator instanceof OperatorSpec.Enrich enrich) {
                    tags.putAll(enrich.tags());
                }
            }
            return onEngine(() -> {
                if (pipelines.containsKey(spec.id())) {
                    throw new IllegalArgumentException("pipeline '" + spec.id() + "' is already registered");
                }
                var existingOutput = registry.find(spec.output());
                if (existingOutput.isPresent()) {
                    int out = existingOutput.get().id();
                    for (Pipeline p : pipelines.values()) {
                        if (p.outputChannel() == out) {
                            throw new IllegalArgumentException("pipeline '" + spec.id() + "': channel '" + spec.output()
                                    + "' is already the output of pipeline '" + p.id() + "'");
                        }
                    }
                    if (out == input || partners.contains(out) || reaches(out, input, partners)) {
                        throw new IllegalArgumentException("pipeline '" + spec.id() + "' would form a cycle through '"
                                + spec.output() + "'");
                    }
                }
                Channel output = registry.register(spec.output(), spec.outputUnit(), "");
                if (!tags.isEmpty()) {
                    registry.tag(output.id(), tags);
                }
                ensureStates();
                Pipeline pipeline = new Pipeline(spec, input, output.id(), registry::idOf, pipelineOutput);
                pipelines.put(spec.id(), pipeline);
                states[input].pipelines = ChannelState.append(states[input].pipelines, pipeline);
                for (int partner : pipeline.otherChannels()) {
                    states[partner].joinPartners = ChannelState.append(states[partner].joinPartners, pipeline);
                }
                return pipeline;
            });
        }
    }

    /** True when readings on {@code from} flow, through existing pipelines, into any of {@code targets}. */
    private boolean reaches(int from, int input, List<Integer> partners) {
        Set<Integer> seen = new HashSet<>();
        ArrayDeque<Integer> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            int channel = todo.poll();
            if (!seen.add(channel)) {
                continue;
            }
            if (channel == input || partners.contains(channel)) {
                return true;
            }
            for (Pipeline p : pipelines.values()) {
                boolean feeds = p.inputChannel() == channel
                        || Arrays.stream(p.otherChannels()).anyMatch(c -> c == channel);
                if (feeds) {
                    todo.add(p.outputChannel());
                }
            }
        }
        return false;
    }

    /**
     * Runs an anomaly detector (with its defaults, or {@code windowNanos} as its time setting) on a channel and
     * reports each excursion as an {@code ANOMALY_DETECTED} event. A trigger operand on the same detector shares it.
     */
    public void addDetector(String channel, DetectorKind kind, long windowNanos) {
        synchronized (registrationLock) {
            int id = registry.idOf(channel);
            kind.create(windowNanos); // rejects a bad setting on the caller's thread
            onEngine(() -> {
                ensureStates();
                states[id].detector(kind, windowNanos).reportEvents();
                return null;
            });
        }
    }

    /** Registers a trigger. Unknown channels or windows and duplicate ids are rejected with a clear message. */
    public void addTrigger(TriggerSpec spec) {
        synchronized (registrationLock) {
            onEngine(() -> {
                if (triggers.containsKey(spec.id())) {
                    throw new IllegalArgumentException("trigger '" + spec.id() + "' is already registered");
                }
                attach(compile(spec));
                return null;
            });
        }
    }

    /**
     * Replaces the trigger {@code previousId} with {@code spec} (which may have another id) in one step: the
     * new trigger is checked first, so when it is refused the old one keeps running, and a detector both read
     * keeps its learned state. Unknown {@code previousId}, or a new id another trigger has, is rejected.
     */
    public void replaceTrigger(String previousId, TriggerSpec spec) {
        synchronized (registrationLock) {
            onEngine(() -> {
                TriggerBinding previous = triggers.get(previousId);
                if (previous == null) {
                    throw new IllegalArgumentException("unknown trigger '" + previousId + "'");
                }
                if (!previousId.equals(spec.id()) && triggers.containsKey(spec.id())) {
                    throw new IllegalArgumentException("trigger '" + spec.id() + "' is already registered");
                }
                TriggerBinding next = compile(spec);
                detach(previous);
                if (!previousId.equals(spec.id())) {
                    triggers.remove(previousId);
                } // else the new binding takes the old one's place in the list
                attach(next);
                return null;
            });
        }
    }

    /** Removes a trigger, and the detectors only it read; false when there is no trigger with this id. */
    public boolean removeTrigger(String id) {
        return onEngine(() -> {
            TriggerBinding binding = triggers.remove(id);
            if (binding == null) {
                return false;
            }
            detach(binding);
            return true;
        });
    }

    /** Builds a trigger's state machine; the detectors its operands read count it as a reader. Engine thread. */
    private TriggerBinding compile(TriggerSpec spec) {
        ensureStates();
        List<DetectorRead> reads = new ArrayList<>();
        detectorsRead = reads;
        try {
            Set<Integer> channels = new LinkedHashSet<>();
            ConditionCompiler fireCompiler = new ConditionCompiler(conditionContext, channels);
            CompiledCondition fire = fireCompiler.compile(spec.condition());
            ConditionCompiler clearCompiler = new ConditionCompiler(conditionContext, channels);
            CompiledCondition clear = spec.clearCondition() == null ? null
                    : clearCompiler.compile(spec.clearCondition());
            DoubleSupplier value = fireCompiler.primaryProbe();
            Channel primary = channels.isEmpty() ? null : registry.get(channels.iterator().next());
            TriggerStateMachine machine = new TriggerStateMachine(spec, fire, clear, value, this::onTransition);
            reads.forEach(read -> states[read.channel()].readBy(read.detector()));
            return new TriggerBinding(machine, primary, channels.stream().mapToInt(Integer::intValue).toArray(),
                    fireCompiler.isEventSensitive() || clearCompiler.isEventSensitive(), List.copyOf(reads));
        } catch (RuntimeException refused) {
            reads.forEach(read -> states[read.channel()].dropIfUnused(read.detector())); // created for nothing
            throw refused;
        } finally {
            detectorsRead = null;
        }
    }

    private void attach(TriggerBinding binding) {
        TriggerStateMachine machine = binding.machine();
        triggers.put(machine.id(), binding);
        for (int channel : binding.channels()) {
            states[channel].triggers = ChannelState.append(states[channel].triggers, machine);
        }
        if (binding.eventSensitive()) {
            eventMatches.add(machine);
        }
    }

    /** Unhooks a trigger from its channels and events and stops the detectors nothing else needs. */
    private void detach(TriggerBinding binding) {
        for (ChannelState state : states) {
            state.triggers = ChannelState.remove(state.triggers, binding.machine());
        }
        eventMatches.remove(binding.machine());
        binding.detectorsRead().forEach(read -> states[read.channel()].unread(read.detector()));
    }

    /**
     * The detectors running on a channel: those declared with {@link #addDetector} and those trigger operands
     * read, one per kind and setting.
     */
    public List<DetectorStatus> detectors(String channel) {
        int id = registry.idOf(channel);
        return onEngine(() -> {
            ensureStates();
            ChannelState state = states[id];
            List<DetectorStatus> running = new ArrayList<>();
            for (ScoredDetector d : state.detectors) {
                running.add(new DetectorStatus(channel, d.kind(), d.windowNanos(), d.reportsEvents(), state.readers(d)));
            }
            return running;
        });
    }

    /** A person acknowledges a trigger's alarm; recorded as a USER_ACTION event. */
    public boolean acknowledge(String triggerId) {
        return onEngine(() -> {
            TriggerBinding binding = triggers.get(triggerId);
            if (binding == null) {
                throw new IllegalArgumentException("unknown trigger '" + triggerId + "'");
            }
            long now = clock.nowNanos();
            boolean changed = binding.machine().acknowledge(now);
            if (changed) {
                record(new Event(0, EventType.USER_ACTION, "", now, "acknowledged trigger '"
                        + binding.machine().spec().name() + "'", 5, correlationId(binding.machine()),
                        Map.of("trigger", triggerId, "action", "acknowledge")));
            }
            return changed;
        });
    }

    /**
     * Adds a tap that sees every reading the engine accepts from now on (device readings and pipeline
     * outputs), on the engine thread. Applied by the engine thread like any configuration change: when this
     * returns, the next accepted reading goes to the tap.
     */
    public void addReadingTap(ReadingTap readingTap) {
        java.util.Objects.requireNonNull(readingTap, "reading tap");
        onEngine(() -> {
            taps = ChannelState.append(taps, readingTap);
            tap = combined(taps);
            return null;
        });
    }

    /**
     * Removes a tap; false when it was not registered. When this returns the tap is never called again, so
     * its owner may drain what it received without racing the engine thread.
     */
    public boolean removeReadingTap(ReadingTap readingTap) {
        return onEngine(() -> {
            int before = taps.length;
            taps = Arrays.stream(taps).filter(t -> t != readingTap).toArray(ReadingTap[]::new);
            tap = combined(taps);
            return taps.length < before;
        });
    }

    /** One tap for the hot path: the only one, or a fan-out in which one tap's failure spares the others. */
    private ReadingTap combined(ReadingTap[] all) {
        if (all.length == 0) {
            return null;
        }
        if (all.length == 1) {
            return all[0];
        }
        return (channel, timestampNanos, value, isDerived) -> {
            for (ReadingTap t : all) {
                try {
                    t.accepted(channel, timestampNanos, value, isDerived);
                } catch (RuntimeException e) {
                    tapErrors++;
                }
            }
        };
    }

    public void onEvent(EventType type, EventHandler handler) {
        bus.register(type, handler);
    }

    public void onAnyEvent(EventHandler handler) {
        bus.registerAll(handler);
    }

    /** Removes a handler registered with {@link #onEvent} or {@link #onAnyEvent}; false when unknown. */
    public boolean removeEventHandler(EventHandler handler) {
        return bus.unregister(handler);
    }

    /** Hands an event (device status, anomaly, user action...) to the engine from any thread. */
    public void publishEvent(Event event) {
        inbox.offer(event);
        wakeup.signalNow(); // events and commands are rare: wake a lazy engine at once
    }

    public void setMode(ProcessingMode value) {
        mode = java.util.Objects.requireNonNull(value, "mode");
    }

    public ProcessingMode mode() {
        return mode;
    }

    /** The latest published snapshot. */
    public EngineSnapshot snapshot() {
        return snapshot;
    }

    /** Publishes a fresh snapshot now and returns it (waits for the engine thread when running). */
    public EngineSnapshot snapshotNow() {
        return onEngine(() -> {
            latency.refresh(); // fresh percentiles too
            return publish(System.nanoTime());
        });
    }

    /** A copy of the latency histogram (nanoseconds, ingest to trigger decision). */
    public Histogram latencyHistogram() {
        return onEngine(latency::copy);
    }

    /** Clears the latency histogram (benchmarks discard their warm-up this way). */
    public void resetLatency() {
        onEngine(() -> {
            latency.reset();
            return null;
        });
    }

    /** The channel's history; its {@link ChannelHistory#copyTo} is safe from any thread. */
    public ChannelHistory history(String channel) {
        int id = registry.idOf(channel);
        return onEngine(() -> {
            ensureStates();
            return states[id].history;
        });
    }

    public EventBus events() {
        return bus;
    }

    public ActionExecutor actions() {
        return actions;
    }

    // ------------------------------------------------------------------ running

    /** Starts the engine thread. */
    public synchronized void start() {
        if (running) {
            throw new IllegalStateException("engine already started");
        }
        if (closed) {
            throw new IllegalStateException("engine is closed");
        }
        running = true;
        Thread thread = Thread.ofPlatform().name("benchwatch-engine").unstarted(this::runLoop);
        engineThread = thread;
        thread.start();
    }

    private void runLoop() {
        IdleStrategy idle = new IdleStrategy(config.idleMode(), wakeup, this::hasQueuedWork);
        while (running) {
            idle.idle(doWork());
        }
        // nothing already queued is lost: drain what producers handed over before stopping
        while (doWork() > 0) {
            // keep draining
        }
        publish(System.nanoTime());
    }

    private boolean hasQueuedWork() {
        if (!commands.isEmpty() || !inbox.isEmpty() || batchCount > 0) {
            return true;
        }
        for (IngestSource source : sources) {
            if (source.lane().size() > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stops taking readings, lets offers already under way finish, drains every lane, then stops the
     * engine, action and event threads. Offers after this point are refused and counted (ENGINE_STOPPED).
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true; // from here on producers refuse new readings
            awaitOffersSettled();
            if (running) {
                running = false; // the engine thread drains every lane before it ends
                try {
                    engineThread.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            // an offer that was still under way (a starved producer thread can take longer than the wait
            // above) queues after the engine thread's last drain: drain once more here, the engine thread
            // having ended, so that no reading is left stranded in a lane
            awaitOffersSettled();
            if (engineThread == null || !engineThread.isAlive()) {
                while (doWork() > 0) {
                    // drain what is left
                }
                publish(System.nanoTime());
            }
            engineThread = null;
        }
        actions.close();
        bus.close();
    }

    /** Waits (at most a second) for offers that started before the close to queue or be refused. */
    private void awaitOffersSettled() {
        long deadline = System.nanoTime() + 1_000_000_000L;
        for (IngestSource source : sources) {
            while (source.offersInProgress() > 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }
    }

    /**
     * One duty cycle: apply configuration commands and events, take readings from the lanes according to
     * the processing mode, publish a snapshot when due. Returns how much work it did (0: idle).
     */
    public int doWork() {
        int work = runCommands();
        if (acceptedBySource.length < sources.length) {
            acceptedBySource = Arrays.copyOf(acceptedBySource, sources.length + 8);
        }
        work += drainInbox();
        ProcessingMode current = mode;
        if (current != ProcessingMode.MICRO_BATCH && batchCount > 0) {
            flushBatch(); // the mode changed with readings still buffered
        }
        work += switch (current) {
            case EVENT_DRIVEN -> drainEventDriven();
            case MICRO_BATCH -> drainMicroBatch();
            case STREAMING, HYBRID -> drainBatches(current);
        };
        long nanoTime = System.nanoTime();
        if (nanoTime - lastSnapshotNanoTime >= config.snapshotIntervalNanos()
                && (current != ProcessingMode.STREAMING || windowClosedSinceSnapshot
                || nanoTime - lastSnapshotNanoTime >= 1_000_000_000L)) {
            publish(nanoTime);
        }
        return work;
    }

    private int drainEventDriven() {
        IngestSource[] lanes = sources;
        int total = 0;
        for (IngestSource source : lanes) {
            currentSource = source.index();
            for (int i = 0; i < EVENT_DRIVEN_LIMIT; i++) {
                nowNanos = clock.nowNanos();
                if (source.lane().drain(laneSink, 1) == 0) {
                    break;
                }
                latency.decided(System.nanoTime());
                total++;
            }
        }
        return total;
    }

    private int drainBatches(ProcessingMode current) {
        IngestSource[] lanes = sources;
        int total = 0;
        nowNanos = clock.nowNanos();
        for (IngestSource source : lanes) {
            int limit = MAX_DRAIN_PER_LANE;
            if (current == ProcessingMode.HYBRID) {
                // adapt the batch to the backlog: small batches when quiet keep latency low
                limit = Math.max(64, Math.min(MAX_DRAIN_PER_LANE, source.lane().size()));
            }
            currentSource = source.index();
            int n = source.lane().drain(laneSink, limit);
            if (n > 0) {
                latency.decided(System.nanoTime());
                total += n;
            }
        }
        return total;
    }

    private int drainMicroBatch() {
        IngestSource[] lanes = sources;
        int taken = 0;
        for (IngestSource source : lanes) {
            int room = batchChannels.length - batchCount;
            if (room == 0) {
                break;
            }
            currentSource = source.index();
            boolean wasEmpty = batchCount == 0;
            int n = source.lane().drain(batchSink, room);
            if (wasEmpty && n > 0) {
                batchStartNanoTime = System.nanoTime();
            }
            taken += n;
        }
        if (batchCount > 0 && (batchCount == batchChannels.length
                || System.nanoTime() - batchStartNanoTime >= config.microBatchMaxWaitNanos())) {
            flushBatch();
        }
        return taken;
    }

    private void bufferForBatch(int channel, long timestampNanos, double value, long ingestNanoTime) {
        int i = batchCount++;
        batchSources[i] = currentSource;
        batchChannels[i] = channel;
        batchTimestamps[i] = timestampNanos;
        batchValues[i] = value;
        batchIngest[i] = ingestNanoTime;
    }

    private void flushBatch() {
        nowNanos = clock.nowNanos();
        for (int i = 0; i < batchCount; i++) {
            currentSource = batchSources[i];
            acceptFromLane(batchChannels[i], batchTimestamps[i], batchValues[i], batchIngest[i]);
        }
        batchCount = 0;
        latency.decided(System.nanoTime());
    }

    private void acceptFromLane(int channel, long timestampNanos, double value, long ingestNanoTime) {
        latency.pending(ingestNanoTime);
        process(currentSource, channel, timestampNanos, value);
    }

    // ------------------------------------------------------------------ the hot path

    private void process(int source, int channel, long timestampNanos, double value) {
        if (channel < 0 || channel >= states.length) {
            if (channel >= 0 && registry.isKnown(channel)) {
                ensureStates();
            } else {
                reject(source, RejectReason.UNKNOWN_CHANNEL);
                return;
            }
        }
        if (value - value != 0) { // NaN or infinite
            reject(source, RejectReason.NON_FINITE);
            return;
        }
        long maxAge = config.maxReadingAgeNanos();
        if (maxAge > 0 && nowNanos - timestampNanos > maxAge) {
            reject(source, RejectReason.STALE);
            return;
        }
        accepted++;
        acceptedBySource[source]++;
        if (tap != null) {
            tap(channel, timestampNanos, value, false);
        }
        apply(states[channel], timestampNanos, value);
        if (eventMatches.hasPending()) {
            eventMatches.evaluatePending();
        }
    }

    private void apply(ChannelState state, long timestampNanos, double value) {
        state.latest = value;
        state.latestNanos = timestampNanos;
        state.history.append(timestampNanos, value);
        for (Window window : state.windows) {
            if (window.add(timestampNanos, value) != null) {
                windowClosedSinceSnapshot = true;
            }
        }
        for (Pipeline pipeline : state.pipelines) {
            pipeline.accept(timestampNanos, value);
        }
        for (Pipeline pipeline : state.joinPartners) {
            pipeline.acceptOther(state.id, timestampNanos, value);
        }
        for (ScoredDetector detector : state.detectors) {
            if (detector.update(timestampNanos, value) && detector.reportsEvents()) {
                onAnomaly(state.id, detector, timestampNanos, value);
            }
        }
        for (TriggerStateMachine trigger : state.triggers) {
            trigger.evaluate(timestampNanos);
        }
    }

    private void applyDerived(int channel, long timestampNanos, double value) {
        if (value - value != 0) {
            reject(currentSource, RejectReason.NON_FINITE);
            return;
        }
        if (derivedDepth >= MAX_DERIVED_DEPTH) {
            throw new IllegalStateException("pipelines nested deeper than " + MAX_DERIVED_DEPTH);
        }
        derivedDepth++;
        try {
            derived++;
            if (tap != null) {
                tap(channel, timestampNanos, value, true);
            }
            apply(states[channel], timestampNanos, value);
        } finally {
            derivedDepth--;
        }
    }

    private void tap(int channel, long timestampNanos, double value, boolean isDerived) {
        try {
            tap.accepted(channel, timestampNanos, value, isDerived);
        } catch (RuntimeException e) {
            tapErrors++; // a broken tap must not stop the engine; it shows in the errors metric
        }
    }

    private void reject(int source, RejectReason reason) {
        IngestSource[] lanes = sources;
        if (source >= 0 && source < lanes.length) {
            lanes[source].count(reason);
        }
    }

    private void ensureStates() {
        int size = registry.size();
        if (states.length < size) {
            ChannelState[] grown = Arrays.copyOf(states, size);
            for (int i = states.length; i < size; i++) {
                grown[i] = new ChannelState(i, config.historyCapacity(), config.historyMaxAgeNanos());
            }
            states = grown;
        }
        if (acceptedBySource.length < sources.length) {
            acceptedBySource = Arrays.copyOf(acceptedBySource, sources.length + 8);
        }
    }

    // ------------------------------------------------------------------ events and transitions

    private void onTransition(TriggerStateMachine machine, TriggerState from, TriggerState to, long now,
                              double value) {
        TriggerBinding view = triggers.get(machine.id());
        if (view == null || view.machine() != machine) {
            view = new TriggerBinding(machine, null, new int[0], false, List.of());
        }
        int priority = to == TriggerState.FIRING ? machine.spec().severity().priority() : Math.max(1,
                machine.spec().severity().priority() - 2);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("trigger", machine.id());
        metadata.put("from", from.name());
        metadata.put("to", to.name());
        metadata.put("value", Double.toString(value));
        metadata.put("severity", machine.spec().severity().key());
        metadata.put("channel", view.channel());
        metadata.put("shadow", Boolean.toString(machine.spec().shadow()));
        String data = "trigger '" + machine.spec().name() + "' " + from + " -> " + to + " (" + view.channel()
                + " = " + value + ")";
        record(new Event(0, EventType.THRESHOLD_BREACH, view.device(), now, data, priority, correlationId(machine),
                metadata));
        if (to == TriggerState.FIRING && !machine.spec().actions().isEmpty()) {
            actions.submit(new ActionRequest(machine.id(), machine.spec().name(), machine.spec().severity(),
                    view.channel(), view.device(), value, now, to.name(), correlationId(machine),
                    machine.spec().actions(), machine.spec().shadow()));
        }
    }

    private void onAnomaly(int channel, ScoredDetector detector, long timestampNanos, double value) {
        Channel c = registry.get(channel);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("detector", detector.kind().id());
        metadata.put("channel", c.name());
        metadata.put("score", Double.toString(detector.score()));
        metadata.put("threshold", Double.toString(detector.threshold()));
        metadata.put("value", Double.toString(value));
        record(new Event(0, EventType.ANOMALY_DETECTED, c.device(), timestampNanos, c.name() + ": "
                + detector.describe(value), ANOMALY_PRIORITY, "", metadata));
    }

    private static String correlationId(TriggerStateMachine machine) {
        return machine.id() + "#" + machine.firings();
    }

    private void onValidationFailure(Pipeline pipeline, String reason, long timestampNanos, double value) {
        validationFailures++;
        reject(currentSource, RejectReason.VALIDATION_FAILED);
        // count every failure, but write at most one event per pipeline and reason per second
        String key = pipeline.id() + "|" + reason;
        long nanoTime = System.nanoTime();
        Long last = lastValidationEvent.get(key);
        if (last == null || nanoTime - last >= VALIDATION_EVENT_INTERVAL_NANOS) {
            lastValidationEvent.put(key, nanoTime);
            record(new Event(0, EventType.SYSTEM_ALERT, registry.get(pipeline.inputChannel()).device(), timestampNanos,
                    "pipeline '" + pipeline.id() + "' rejected " + value + ": " + reason + " ("
                            + pipeline.validationFailures() + " so far)", 5, "",
                    Map.of("pipeline", pipeline.id(), "reason", reason, "value", Double.toString(value))));
        }
    }

    private int drainInbox() {
        int n = 0;
        Event event;
        while (n < 1_000 && (event = inbox.poll()) != null) {
            record(event);
            n++;
        }
        if (eventMatches.hasPending()) {
            eventMatches.evaluatePending();
        }
        return n;
    }

    /** Numbers the event, keeps it in the recent list, hands it to handlers and to event-matching triggers. */
    private void record(Event event) {
        Event numbered = event.withId(eventIds.incrementAndGet());
        eventsRecorded++;
        eventsByType[numbered.type().ordinal()]++;
        recentEvents.addLast(numbered);
        if (recentEvents.size() > config.recentEventCapacity()) {
            recentEvents.removeFirst();
        }
        bus.post(numbered);
        eventMatches.eventHappened(numbered.type(), numbered.sourceDevice(), numbered.timestampNanos());
    }

    private final ConditionContext conditionContext = new ConditionContext() {
        @Override
        public DoubleSupplier probe(Operand operand) {
            if (operand.isDetector()) {
                int channel = channelOf(operand);
                ScoredDetector detector = states[channel].detector(operand.detector(), operand.detectorWindow());
                if (detectorsRead != null) {
                    detectorsRead.add(new DetectorRead(channel, detector));
                }
                return detector::score;
            }
            if (operand.isLatest()) {
                ChannelState state = states[channelOf(operand)];
                return () -> state.latest;
            }
            Window window = windowOf(operand);
            var stat = operand.stat();
            return () -> window.value(stat);
        }

        @Override
        public int channelOf(Operand operand) {
            if (operand.isLatest() || operand.isDetector()) {
                return registry.idOf(operand.channel());
            }
            return windowOf(operand).channel();
        }

        private Window windowOf(Operand operand) {
            Window window = windows.get(operand.windowId());
            if (window == null) {
                throw new IllegalArgumentException("unknown window '" + operand.windowId() + "'; known windows: "
                        + windows.keySet());
            }
            if (operand.channel() != null && !operand.channel().equals(registry.get(window.channel()).name())) {
                throw new IllegalArgumentException("window '" + operand.windowId() + "' is on channel '"
                        + registry.get(window.channel()).name() + "', not '" + operand.channel() + "'");
            }
            return window;
        }

        @Override
        public long[] lastEventCell(EventType type, String device) {
            return eventMatches.cell(type, device);
        }
    };

    // ------------------------------------------------------------------ commands and snapshots

    private int runCommands() {
        int n = 0;
        Runnable command;
        while ((command = commands.poll()) != null) {
            command.run();
            n++;
        }
        return n;
    }

    /** Runs a change on the engine thread (or here, when no engine thread runs) and returns its result. */
    private <T> T onEngine(Supplier<T> change) {
        Thread thread = engineThread;
        if (!running || thread == null || Thread.currentThread() == thread) {
            synchronized (commands) {
                return change.get();
            }
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        commands.add(() -> {
            try {
                result.complete(change.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        wakeup.signalNow();
        try {
            return result.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the engine thread", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("engine thread did not respond within 10 s", e);
        }
    }

    private EngineSnapshot publish(long nanoTime) {
        EngineSnapshot next = buildSnapshot(nanoTime);
        snapshot = next;
        return next;
    }

    private EngineSnapshot buildSnapshot(long nanoTime) {
        double seconds = (nanoTime - lastSnapshotNanoTime) / 1e9;
        double rate = snapshotSequence == 0 || seconds <= 0 ? 0 : (accepted - acceptedAtLastSnapshot) / seconds;
        lastSnapshotNanoTime = nanoTime;
        acceptedAtLastSnapshot = accepted;
        windowClosedSinceSnapshot = false;

        IngestSource[] lanes = sources;
        List<SourceMetrics> sourceMetrics = new ArrayList<>(lanes.length);
        Map<RejectReason, Long> rejected = new EnumMap<>(RejectReason.class);
        long queueDepth = 0;
        for (IngestSource source : lanes) {
            Map<RejectReason, Long> perReason = new EnumMap<>(RejectReason.class);
            for (RejectReason reason : RejectReason.values()) {
                long n = source.rejected(reason);
                if (n > 0) {
                    perReason.put(reason, n);
                    rejected.merge(reason, n, Long::sum);
                }
            }
            int depth = source.queueDepth();
            queueDepth += depth;
            long sourceAccepted = source.index() < acceptedBySource.length ? acceptedBySource[source.index()] : 0;
            sourceMetrics.add(new SourceMetrics(source.name(), source.policy(), source.offered(), sourceAccepted,
                    perReason, source.blockedWaits(), depth));
        }
        long errors = validationFailures + tapErrors + actions.failed() + bus.handlerErrors();
        EngineMetrics metrics = new EngineMetrics(mode, accepted, rejected, sourceMetrics, rate, queueDepth,
                rejected.getOrDefault(RejectReason.DROPPED_OVERLOAD, 0L), errors, registry.size(), windows.size(),
                pipelines.size(), triggers.size(), bus.handlerCount(), latency.summary(nanoTime), latency.overBudget(),
                bus.dropped(), eventsRecorded, eventCounts());

        List<ChannelValue> channelValues = new ArrayList<>(states.length);
        for (ChannelState state : states) {
            Channel channel = registry.get(state.id);
            channelValues.add(new ChannelValue(state.id, channel.name(), channel.unit(), channel.device(), state.latest,
                    state.latestNanos, state.history.appended()));
        }
        List<WindowResult> windowResults = new ArrayList<>(windows.size());
        for (Window window : windows.values()) {
            windowResults.add(window.current());
        }
        List<TriggerStatus> triggerStatuses = new ArrayList<>(triggers.size());
        for (TriggerBinding binding : triggers.values()) {
            TriggerStateMachine m = binding.machine();
            triggerStatuses.add(new TriggerStatus(m.id(), m.spec().name(), m.spec().severity(), m.state(),
                    m.acknowledged(), m.spec().shadow(), m.spec().enabled(), m.firings(), m.currentValue()));
        }
        return new EngineSnapshot(++snapshotSequence, nanoTime, metrics, channelValues, windowResults,
                triggerStatuses, new ArrayList<>(recentEvents));
    }

    private Map<EventType, Long> eventCounts() {
        Map<EventType, Long> counts = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            if (eventsByType[type.ordinal()] > 0) {
                counts.put(type, eventsByType[type.ordinal()]);
            }
        }
        return counts;
    }

    /** A detector a trigger operand reads, on its channel. */
    private record DetectorRead(int channel, ScoredDetector detector) {
    }

    /**
     * A trigger, the channel its transitions are reported against, the channels whose readings evaluate it,
     * whether events evaluate it too, and the detectors it reads.
     */
    private record TriggerBinding(TriggerStateMachine machine, Channel primary, int[] channels, boolean eventSensitive,
                                  List<DetectorRead> detectorsRead) {
        String channel() {
            return primary == null ? "" : primary.name();
        }

        String device() {
            return primary == null ? "" : primary.device();
        }
    }
}
