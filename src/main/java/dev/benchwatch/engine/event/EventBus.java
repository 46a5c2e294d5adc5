package dev.benchwatch.engine.event;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to handlers registered per event type, on a dispatch thread of its own so a slow
 * handler never stalls the engine. The hand-off is bounded: when it is full the event is dropped and counted.
 * A handler that throws is counted and logged; the others still run.
 */
public final class EventBus implements AutoCloseable {
    public static final int DEFAULT_CAPACITY = 65_536;
    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private final Map<EventType, List<EventHandler>> handlers = new EnumMap<>(EventType.class);
    private final List<EventHandler> allHandlers = new CopyOnWriteArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong handlerErrors = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final QueueWorker<Event> dispatcher;

    public EventBus() {
        this(DEFAULT_CAPACITY);
    }

    public EventBus(int capacity) {
        for (EventType type : EventType.values()) {
            handlers.put(type, new CopyOnWriteArrayList<>());
        }
        dispatcher = new QueueWorker<>("benchwatch-events", capacity, this::deliver);
    }

    /** Registers a handler for one event type. */
    public void register(EventType type, EventHandler handler) {
        handlers.get(type).add(handler);
    }

    /** Registers a handler for every event type. */
    public void registerAll(EventHandler handler) {
        allHandlers.add(handler);
    }

    /** Removes a handler from every type it was registered for; false when it was not registered. */
    public boolean unregister(EventHandler handler) {
        boolean removed = allHandlers.removeIf(h -> h == handler);
        for (List<EventHandler> list : handlers.values()) {
            removed |= list.removeIf(h -> h == handler);
        }
        return removed;
    }

    public int handlerCount() {
        int n = allHandlers.size();
        for (List<EventHandler> list : handlers.values()) {
            n += list.size();
        }
        return n;
    }

    /** Hands an event to the dispatch thread; never blocks. Returns false (and counts) when full. */
    public boolean post(Event event) {
        if (dispatcher.offer(event)) {
            return true;
        }
        dropped.incrementAndGet();
        return false;
    }

    public long dropped() {
        return dropped.get();
    }

    public long handlerErrors() {
        return handlerErrors.get();
    }

    public long delivered() {
        return delivered.get();
    }

    /** Waits until everything posted so far has been delivered (for tests and orderly shutdown). */
    public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        return dispatcher.awaitIdle(timeout, unit);
    }

    private void deliver(Event event) {
        for (EventHandler handler : handlers.get(event.type())) {
            invoke(handler, event);
        }
        for (EventHandler handler : allHandlers) {
            invoke(handler, event);
        }
        delivered.incrementAndGet();
    }

    private void invoke(EventHandler handler, Event event) {
        try {
            handler.onEvent(event);
        } catch (RuntimeException e) {
            handlerErrors.incrementAndGet();
            LOG.warn("event handler {} failed on event {} ({}): {}", handler, event.id(), event.type(), e.toString());
        }
    }

    @Override
    public void close() {
        dispatcher.close();
    }
}
