package dev.benchwatch.device.health;

import dev.benchwatch.codec.DecodeError;
import dev.benchwatch.codec.DecodeErrorReason;
import dev.benchwatch.device.DeviceAdapter;
import dev.benchwatch.device.DeviceOutput;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** An adapter that is only its counters, which a test moves by hand. */
final class CounterAdapter implements DeviceAdapter {
    final AtomicLong readings = new AtomicLong();
    final AtomicLong checksumErrors = new AtomicLong();
    final Map<String, Long> unexpected = new ConcurrentHashMap<>();
    private final String name;

    CounterAdapter(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start(DeviceOutput target) {
    }

    @Override
    public boolean isConnected() {
        return true;
    }

    @Override
    public long readings() {
        return readings.get();
    }

    @Override
    public Map<DecodeErrorReason, Long> errorCounts() {
        long n = checksumErrors.get();
        return n == 0 ? Map.of() : Map.of(DecodeErrorReason.values()[0], n);
    }

    @Override
    public void onDecodeError(Consumer<DecodeError> listener) {
    }

    @Override
    public Map<String, Long> unexpectedSenders() {
        return Map.copyOf(unexpected);
    }

    @Override
    public void close() {
    }
}
