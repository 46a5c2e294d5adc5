package dev.benchwatch.engine.ingest;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A producer's entrance to the engine: one per device or adapter. Any number of threads may offer through
 * the same source. Readings wait in this source's own bounded {@link ReadingLane}, so one flooding
 * device cannot push out another device's readings.
 */
public final class IngestSource {
    private static final long BLOCK_PARK_NANOS = 50_000;

    private final int index;
    private final String name;
    private final OverloadPolicy policy;
    private final ReadingLane lane;
    private final BooleanSupplier engineRunning;
    private final Wakeup wakeup;
    private final AtomicLongArray rejected = new AtomicLongArray(RejectReason.values().length);
    private final AtomicLong offered = new AtomicLong();
    /**
     * Readings this source's producers finished queuing (published in the lane, not just claimed a slot):
     * a producer descheduled between claiming and publishing must not look settled to a closing engine.
     */
    private final java.util.concurrent.atomic.LongAdder queued = new java.util.concurrent.atomic.LongAdder();
    private final AtomicLong blockedWaits = new AtomicLong();

    public IngestSource(int index, String name, OverloadPolicy policy, int capacity, BooleanSupplier engineRunning) {
        this(index, name, policy, capacity, engineRunning, new Wakeup());
    }

    public IngestSource(int index, String name, OverloadPolicy policy, int capacity, BooleanSupplier engineRunning,
                        Wakeup wakeup) {
        this.index = index;
        this.name = Objects.requireNonNull(name, "source name");
        this.policy = Objects.requireNonNull(policy, "overload policy");
        this.lane = new ReadingLane(capacity);
        this.engineRunning = engineRunning;
        this.wakeup = wakeup;
    }

    /** Offers a reading stamped with the current time as its ingest time. */
    public boolean offer(int channel, long timestampNanos, double value) {
        return offer(channel, timestampNanos, value, System.nanoTime());
    }

    /**
     * Offers a reading. {@code ingestNanoTime} ({@link System#nanoTime()} scale) is where latency is
     * measured from; a load generator passes the time it intended to send, which corrects for
     * coordinated omission. Returns true when the reading was queued; false only when the engine has
     * stopped (counted as {@link RejectReason#ENGINE_STOPPED}). Under DROP_OLDEST it always queues,
     * discarding (and counting) the oldest queued reading when full; under BLOCK it waits for room.
     */
    public boolean offer(int channel, long timestampNanos, double value, long ingestNanoTime) {
        offered.incrementAndGet();
        if (!engineRunning.getAsBoolean()) {
            count(RejectReason.ENGINE_STOPPED);
            return false;
        }
        while (!lane.offer(channel, timestampNanos, value, ingestNanoTime)) {
            if (!engineRunning.getAsBoolean()) {
                count(RejectReason.ENGINE_STOPPED);
                return false;
            }
            makeRoom();
        }
        queued.increment(); // after the lane published the reading: the close waits for this, not for the claim
        wakeup.signal();
        return true;
    }

    /**
     * Offers {@code n} readings at once, all with the same ingest time: what {@link #offer} does for each,
     * with the counters, the lane's claim and the engine's wake-up paid once per run of free slots instead
     * of once per reading (a replay at maximum speed hands readings over this way). Returns how many were
     * queued: {@code n}, or fewer only when the engine stopped.
     */
    public int offerBatch(int[] channels, long[] timestamps, double[] values, int n, long ingestNanoTime) {
        offered.addAndGet(n);
        int done = 0;
        while (done < n) {
            if (!engineRunning.getAsBoolean()) {
                rejected.addAndGet(RejectReason.ENGINE_STOPPED.ordinal(), n - done);
                break;
            }
            int added = lane.offerBatch(channels, timestamps, values, ingestNanoTime, done, n - done);
            if (added > 0) {
                done += added;
                continue;
            }
            makeRoom();
        }
        queued.add(done);
        wakeup.signal();
        return done;
    }

    /** The lane is full: under DROP_OLDEST discard (and count) the oldest reading, under BLOCK wait for the engine. */
    private void makeRoom() {
        if (policy == OverloadPolicy.DROP_OLDEST) {
            if (lane.discardOldest()) {
                count(RejectReason.DROPPED_OVERLOAD);
            }
        } else {
            blockedWaits.incrementAndGet();
            wakeup.signalNow();
            LockSupport.parkNanos(BLOCK_PARK_NANOS);
        }
    }

    public int index() {
        return index;
    }

    public String name() {
        return name;
    }

    public OverloadPolicy policy() {
        return policy;
    }

    public ReadingLane lane() {
        return lane;
    }

    public int queueDepth() {
        return lane.size();
    }

    public long offered() {
        return offered.get();
    }

    /**
     * Offers that have started but neither queued nor been refused yet. The engine waits for this to reach
     * zero when it closes, so a reading offered just before the close is drained, not stranded.
     */
    public long offersInProgress() {
        return offered.get() - queued.sum() - rejected(RejectReason.ENGINE_STOPPED);
    }

    public long blockedWaits() {
        return blockedWaits.get();
    }

    public long rejected(RejectReason reason) {
        return rejected.get(reason.ordinal());
    }

    public long rejectedTotal() {
        long sum = 0;
        for (int i = 0; i < rejected.length(); i++) {
            sum += rejected.get(i);
        }
        return sum;
    }

    /** Counts a rejection against this source. */
    public void count(RejectReason reason) {
        rejected.incrementAndGet(reason.ordinal());
    }

}
