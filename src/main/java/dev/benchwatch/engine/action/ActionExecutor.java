package dev.benchwatch.engine.action;

import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.event.EventType;
import dev.benchwatch.engine.event.QueueWorker;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs triggers' actions on a thread of its own, so a slow device write or an offline broker never
 * stalls the engine. Each action of each trigger has its own {@link RateLimit}. Every action's outcome
 * becomes an AUTOMATION_TRIGGER event, sharing the firing's correlation id.
 */
public final class ActionExecutor implements AutoCloseable {
    public static final int DEFAULT_QUEUE_CAPACITY = 1024;
    private static final Logger ACTION_LOG = LoggerFactory.getLogger("benchwatch.actions");

    private final ActionPorts ports;
    private final Consumer<Event> outcomes;
    private final QueueWorker<ActionRequest> worker;
    private final Map<String, RateLimit> limits = new HashMap<>();
    private final int permits;
    private final java.time.Duration period;
    private final int burst;
    private final AtomicLong executed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong queueFull = new AtomicLong();

    public ActionExecutor(ActionPorts ports, Consumer<Event> outcomes) {
        this(ports, outcomes, RateLimit.DEFAULT_PERMITS, RateLimit.DEFAULT_PERIOD, RateLimit.DEFAULT_BURST,
                DEFAULT_QUEUE_CAPACITY);
    }

    public ActionExecutor(ActionPorts ports, Consumer<Event> outcomes, int permits, java.time.Duration period,
                          int burst, int queueCapacity) {
        this.ports = ports;
        this.outcomes = outcomes;
        this.permits = permits;
        this.period = period;
        this.burst = burst;
        new RateLimit(permits, period, burst, 0); // validates the settings at once
        this.worker = new QueueWorker<>("benchwatch-actions", queueCapacity, this::runAll);
    }

    /** Hands a firing to the action thread; never blocks. A full queue is reported as QUEUE_FULL events. */
    public void submit(ActionRequest request) {
        if (request.actions().isEmpty()) {
            return;
        }
        if (!worker.offer(request)) {
            queueFull.incrementAndGet();
            for (ActionSpec action : request.actions()) {
                report(request, action, ActionOutcome.QUEUE_FULL, "", "action queue full");
            }
        }
    }

    private void runAll(ActionRequest request) {
        for (int i = 0; i < request.actions().size(); i++) {
            ActionSpec action = request.actions().get(i);
            String target = describeTarget(action, request);
            if (request.shadow()) {
                report(request, action, ActionOutcome.SHADOW, target, "shadow mode: would have run");
                continue;
            }
            RateLimit limit = limits.computeIfAbsent(request.triggerId() + "#" + i,
                    key -> new RateLimit(permits, period, burst, System.nanoTime()));
            if (!limit.tryAcquire(System.nanoTime())) {
                rateLimited.incrementAndGet();
                report(request, action, ActionOutcome.RATE_LIMITED, target, "rate limit reached");
                continue;
            }
            try {
                run(action, request);
                executed.incrementAndGet();
                report(request, action, ActionOutcome.DONE, target, "");
            } catch (Exception e) {
                failed.incrementAndGet();
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                report(request, action, ActionOutcome.FAILED, target, message);
            }
        }
    }

    private void run(ActionSpec action, ActionRequest request) throws Exception {
        switch (action) {
            case ActionSpec.Log log -> ACTION_LOG.info("{}", ActionTemplate.render(log.message(), request));
            case ActionSpec.Notify notify -> ports.notifier().notify(ActionTemplate.render(notify.title(), request),
                    ActionTemplate.render(notify.message(), request), request.severity().key());
            case ActionSpec.DeviceCommand command -> ports.devices().send(command.device(),
                    ActionTemplate.render(command.payload(), request));
            case ActionSpec.MqttPublish publish -> ports.mqtt().publish(topic(publish, request),
                    ActionTemplate.render(publish.payload(), request), publish.qos(), publish.retain());
            case ActionSpec.RecordingMarker marker -> ports.markers().mark(request.timestampNanos(),
                    ActionTemplate.render(marker.label(), request));
        }
    }

    private static String describeTarget(ActionSpec action, ActionRequest request) {
        return switch (action) {
            case ActionSpec.Log log -> ActionTemplate.render(log.message(), request);
            case ActionSpec.Notify notify -> ActionTemplate.render(notify.title(), request);
            case ActionSpec.DeviceCommand command -> command.device() + " <- "
                    + ActionTemplate.render(command.payload(), request);
            case ActionSpec.MqttPublish publish -> topic(publish, request) + " <- "
                    + ActionTemplate.render(publish.payload(), request);
            case ActionSpec.RecordingMarker marker -> ActionTemplate.render(marker.label(), request);
        };
    }

    private void report(ActionRequest request, ActionSpec action, ActionOutcome outcome, String target, String detail) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("trigger", request.triggerId());
        metadata.put("action", action.kind());
        metadata.put("outcome", outcome.name());
        metadata.put("target", target);
        if (!detail.isEmpty()) {
            metadata.put("detail", detail);
        }
        String device = action instanceof ActionSpec.DeviceCommand command ? command.device() : request.device();
        int priority = outcome == ActionOutcome.FAILED || outcome == ActionOutcome.QUEUE_FULL ? 7 : 4;
        String data = "trigger '" + request.triggerName() + "' " + action.kind() + ": " + outcome
                + (detail.isEmpty() ? "" : " (" + detail + ")");
        outcomes.accept(new Event(0, EventType.AUTOMATION_TRIGGER, device, request.timestampNanos(), data, priority,
                request.correlationId(), metadata));
    }

    public long executed() {
        return executed.get();
    }

    public long failed() {
        return failed.get();
    }

    public long rateLimited() {
        return rateLimited.get();
    }

    public long queueFull() {
        return queueFull.get();
    }

    /** Waits until every submitted firing has run (tests, orderly shutdown). */
    public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        return worker.awaitIdle(timeout, unit);
    }

    @Override
    public void close() {
        worker.close();
    }

    /** The topic with its placeholders filled; a filled-in + or # would be a wildcard, so they become _. */
    private static String topic(ActionSpec.MqttPublish publish, ActionRequest request) {
        return ActionTemplate.render(publish.topic(), request).replace('+', '_').replace('#', '_');
    }
}
