package dev.benchwatch.engine;

import java.time.Instant;

/** Wall-clock time in nanoseconds since the epoch. Replaceable in tests and replays. */
@FunctionalInterface
public interface NanoClock {
    long nowNanos();

    NanoClock SYSTEM = () -> {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    };
}
