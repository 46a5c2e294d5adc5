package dev.benchwatch.engine.action;

import java.time.Duration;

/**
 * A token bucket: at most {@code burst} executions at once, refilled to {@code permits} per {@code period}.
 * Not thread-safe: each bucket belongs to the action thread.
 */
public final class RateLimit {
    /** Default: 10 executions per minute per action, bursts of up to 3. */
    public static final int DEFAULT_PERMITS = 10;
    public static final Duration DEFAULT_PERIOD = Duration.ofMinutes(1);
    public static final int DEFAULT_BURST = 3;

    private final double tokensPerNano;
    private final double burst;
    private double tokens;
    private long lastRefill;

    public RateLimit(int permits, Duration period, int burst, long nowNanos) {
        if (permits < 1 || burst < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("rate limit needs permits >= 1, burst >= 1 and a positive period");
        }
        this.tokensPerNano = permits / (double) period.toNanos();
        this.burst = burst;
        this.tokens = burst;
        this.lastRefill = nowNanos;
    }

    public boolean tryAcquire(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - lastRefill);
        tokens = Math.min(burst, tokens + elapsed * tokensPerNano);
        lastRefill = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
