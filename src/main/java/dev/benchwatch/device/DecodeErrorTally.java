package dev.benchwatch.device;

import dev.benchwatch.codec.DecodeError;
import dev.benchwatch.codec.DecodeErrorReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;

/** An adapter's decoding errors: counted per reason, and passed on to whoever listens. */
public final class DecodeErrorTally {
    private final AtomicLongArray counts = new AtomicLongArray(DecodeErrorReason.values().length);
    private volatile Consumer<DecodeError> listener = e -> { };

    public void listen(Consumer<DecodeError> value) {
        listener = value;
    }

    public void record(DecodeError error) {
        counts.incrementAndGet(error.reason().ordinal());
        listener.accept(error);
    }

    public long count(DecodeErrorReason reason) {
        return counts.get(reason.ordinal());
    }

    /** The reasons seen so far with their counts. */
    public Map<DecodeErrorReason, Long> counts() {
        Map<DecodeErrorReason, Long> out = new EnumMap<>(DecodeErrorReason.class);
        for (DecodeErrorReason reason : DecodeErrorReason.values()) {
            long n = counts.get(reason.ordinal());
            if (n > 0) {
                out.put(reason, n);
            }
        }
        return out;
    }
}
