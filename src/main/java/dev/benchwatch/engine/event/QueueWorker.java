package dev.benchwatch.engine.event;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A daemon thread that takes items from a bounded queue and hands each to a consumer. {@link #offer}
 * never blocks (the caller counts what does not fit); {@link #close} finishes what was queued.
 * The engine's event bus and action executor each run on one.
 */
public final class QueueWorker<T> implements AutoCloseable {
    /**
     * An idle worker sleeps until an item arrives (no periodic wake-ups: on a two-core bench PC every
     * wake-up can preempt the engine thread); close() interrupts it.
     */
    private static final long POLL_SECONDS = 60;

    private final BlockingQueue<T> queue;
    private final Consumer<T> consumer;
    private final AtomicLong inFlight = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    public QueueWorker(String threadName, int capacity, Consumer<T> consumer) {
        if (capacity < 1) {
            throw new IllegalArgumentException(threadName + ": queue capacity must be >= 1, got " + capacity);
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.consumer = consumer;
        this.thread = Thread.ofPlatform().daemon().name(threadName).unstarted(this::loop);
        thread.start();
    }

    /** Queues an item; false when the queue is full. */
    public boolean offer(T item) {
        inFlight.incrementAndGet();
        if (queue.offer(item)) {
            return true;
        }
        inFlight.decrementAndGet();
        return false;
    }

    private void loop() {
        while (running) {
            try {
                T item = queue.poll(POLL_SECONDS, TimeUnit.SECONDS);
                if (item != null) {
                    consume(item);
                }
            } catch (InterruptedException e) {
                // close() wakes us: fall through to the running check
            }
        }
        T item;
        while ((item = queue.poll()) != null) { // finish what was queued before the close
            consume(item);
        }
    }

    private void consume(T item) {
        try {
            consumer.accept(item);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Waits until every item queued so far has been consumed (tests, orderly shutdown). */
    public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (inFlight.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    /** Consumes what is queued, then stops the thread (waits at most 2 s). */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
