package dev.benchwatch.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * The engine's settings, each with a named default. {@link Builder#build()} rejects a bad value with a
 * message that names the setting.
 */
public record EngineConfig(long maxReadingAgeNanos, ProcessingMode mode, int microBatchSize,
                           long microBatchMaxWaitNanos, long latencyBudgetNanos, int historyCapacity,
                           long historyMaxAgeNanos, int laneCapacity, long snapshotIntervalNanos,
                           int recentEventCapacity, IdleMode idleMode, NanoClock clock) {

    public static final Duration DEFAULT_MAX_READING_AGE = Duration.ofSeconds(5);
    public static final ProcessingMode DEFAULT_MODE = ProcessingMode.HYBRID;
    public static final int DEFAULT_MICRO_BATCH_SIZE = 100;
    public static final Duration DEFAULT_MICRO_BATCH_MAX_WAIT = Duration.ofMillis(50);
    public static final Duration DEFAULT_LATENCY_BUDGET = Duration.ofMillis(100);
    public static final int DEFAULT_HISTORY_CAPACITY = 100_000;
    public static final int DEFAULT_LANE_CAPACITY = 65_536;
    /** One UI frame at 60 Hz. */
    public static final Duration DEFAULT_SNAPSHOT_INTERVAL = Duration.ofMillis(16);
    public static final int DEFAULT_RECENT_EVENTS = 500;
    public static final IdleMode DEFAULT_IDLE_MODE = IdleMode.BACKOFF;

    /** What the engine thread does when no reading is waiting. */
    public enum IdleMode {
        /** Spin, then yield, then park up to 1 ms: no busy core on a quiet bench; producers wake it at once. */
        BACKOFF,
        /** Never sleep: lowest latency, but the engine thread keeps one core busy. */
        BUSY_SPIN,
        /**
         * Park almost at once (a few spins first): the least CPU for a desktop that also draws charts, at
         * the price of a wake-up (tens of microseconds) before the first reading of a burst is handled.
         */
        LOW_CPU
    }

    public EngineConfig {
        if (maxReadingAgeNanos < 0) {
            throw new IllegalArgumentException("maxReadingAge must be >= 0 (0 disables the staleness check)");
        }
        Objects.requireNonNull(mode, "mode");
        if (microBatchSize < 1) {
            throw new IllegalArgumentException("microBatchSize must be >= 1, got " + microBatchSize);
        }
        if (microBatchMaxWaitNanos < 0) {
            throw new IllegalArgumentException("microBatchMaxWait must be >= 0");
        }
        if (latencyBudgetNanos <= 0) {
            throw new IllegalArgumentException("latencyBudget must be positive");
        }
        if (historyCapacity < 1) {
            throw new IllegalArgumentException("historyCapacity must be >= 1, got " + historyCapacity);
        }
        if (historyMaxAgeNanos < 0) {
            throw new IllegalArgumentException("historyMaxAge must be >= 0 (0 keeps by count only)");
        }
        if (laneCapacity < 2) {
            throw new IllegalArgumentException("laneCapacity must be >= 2, got " + laneCapacity);
        }
        if (snapshotIntervalNanos < 0) {
            throw new IllegalArgumentException("snapshotInterval must be >= 0");
        }
        if (recentEventCapacity < 1) {
            throw new IllegalArgumentException("recentEventCapacity must be >= 1");
        }
        Objects.requireNonNull(idleMode, "idleMode");
        Objects.requireNonNull(clock, "clock");
    }

    public static EngineConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private long maxReadingAgeNanos = DEFAULT_MAX_READING_AGE.toNanos();
        private ProcessingMode mode = DEFAULT_MODE;
        private int microBatchSize = DEFAULT_MICRO_BATCH_SIZE;
        private long microBatchMaxWaitNanos = DEFAULT_MICRO_BATCH_MAX_WAIT.toNanos();
        private long latencyBudgetNanos = DEFAULT_LATENCY_BUDGET.toNanos();
        private int historyCapacity = DEFAULT_HISTORY_CAPACITY;
        private long historyMaxAgeNanos;
        private int laneCapacity = DEFAULT_LANE_CAPACITY;
        private long snapshotIntervalNanos = DEFAULT_SNAPSHOT_INTERVAL.toNanos();
        private int recentEventCapacity = DEFAULT_RECENT_EVENTS;
        private IdleMode idleMode = DEFAULT_IDLE_MODE;
        private NanoClock clock = NanoClock.SYSTEM;

        /** Readings older than this when the engine takes them are rejected as stale; zero disables. */
        public Builder maxReadingAge(Duration value) {
            maxReadingAgeNanos = value.toNanos();
            return this;
        }

        public Builder mode(ProcessingMode value) {
            mode = value;
            return this;
        }

        public Builder microBatch(int size, Duration maxWait) {
            microBatchSize = size;
            microBatchMaxWaitNanos = maxWait.toNanos();
            return this;
        }

        public Builder latencyBudget(Duration value) {
            latencyBudgetNanos = value.toNanos();
            return this;
        }

        /** Readings kept per channel, by count and (if non-zero) by age. */
        public Builder history(int capacity, Duration maxAge) {
            historyCapacity = capacity;
            historyMaxAgeNanos = maxAge.toNanos();
            return this;
        }

        public Builder laneCapacity(int value) {
            laneCapacity = value;
            return this;
        }

        public Builder snapshotInterval(Duration value) {
            snapshotIntervalNanos = value.toNanos();
            return this;
        }

        public Builder recentEvents(int value) {
            recentEventCapacity = value;
            return this;
        }

        public Builder idleMode(IdleMode value) {
            idleMode = value;
            return this;
        }

        public Builder clock(NanoClock value) {
            clock = value;
            return this;
        }

        public EngineConfig build() {
            return new EngineConfig(maxReadingAgeNanos, mode, microBatchSize, microBatchMaxWaitNanos,
                    latencyBudgetNanos, historyCapacity, historyMaxAgeNanos, laneCapacity, snapshotIntervalNanos,
                    recentEventCapacity, idleMode, clock);
        }
    }
}
