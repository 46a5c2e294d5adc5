package dev.benchwatch.bench.ui;

import dev.benchwatch.codec.DecodeError;
import dev.benchwatch.codec.DecodeErrorReason;
import dev.benchwatch.device.DeviceAdapter;
import dev.benchwatch.device.DeviceOutput;
import dev.benchwatch.device.sim.SimulatedChannel;
import dev.benchwatch.device.sim.SimulatorDevice;
import dev.benchwatch.engine.ChannelHistory;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.NanoClock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A {@link SimulatorDevice} that, when connected, first hands the engine {@code prefill} readings per
 * channel through its own ingest source, stamped as if it had been producing at its rate for the last
 * {@code prefill / rate} seconds, then starts producing live. The console thus shows full charts at once
 * instead of after a 40 s warm-up. The engine must not reject the back-dated readings as stale
 * ({@code EngineConfig.maxReadingAge(Duration.ZERO)}) and must keep them ({@code history(capacity >=
 * prefill, ...)}). The pre-fill is paced against the engine's histories so the device's lane (drop-oldest)
 * never overflows.
 */
final class PrefilledSimulator implements DeviceAdapter {
    /** Readings outstanding in the lane at most while pre-filling (the lane holds 65,536). */
    private static final int MAX_IN_FLIGHT = 32_768;

    private final Engine engine;
    private final SimulatorDevice live;
    private final double rateHz;
    private final List<SimulatedChannel> channels;
    private final int prefill;
    private final long seed;

    PrefilledSimulator(Engine engine, String name, double rateHz, List<SimulatedChannel> channels, int prefill,
                       long seed) {
        this.engine = engine;
        this.live = new SimulatorDevice(name, rateHz, channels, seed);
        this.rateHz = rateHz;
        this.channels = List.copyOf(channels);
        this.prefill = prefill;
        this.seed = seed;
    }

    @Override
    public String name() {
        return live.name();
    }

    @Override
    public void start(DeviceOutput target) {
        int[] ids = new int[channels.size()];
        ChannelHistory[] histories = new ChannelHistory[ids.length];
        for (int c = 0; c < ids.length; c++) {
            ids[c] = target.channel(channels.get(c).name(), channels.get(c).unit(), name());
            histories[c] = engine.history(channels.get(c).name());
        }
        long step = Math.max(1, Math.round(1e9 / rateHz));
        long first = NanoClock.SYSTEM.nowNanos() - prefill * step;
        long[] base = new long[ids.length];
        for (int c = 0; c < ids.length; c++) {
            base[c] = histories[c].appended();
        }
        Random random = new Random(seed ^ 0x5DEECE66DL);
        for (int i = 0; i < prefill; i++) {
            double t = i / rateHz;
            for (int c = 0; c < ids.length; c++) {
                target.reading(ids[c], first + i * step, channels.get(c).next(t, random));
            }
            if ((i & 1023) == 1023) {
                long written = (long) (i + 1) * ids.length;
                while (written - taken(histories, base) > MAX_IN_FLIGHT) {
                    Thread.onSpinWait();
                    java.util.concurrent.locks.LockSupport.parkNanos(100_000);
                }
            }
        }
        live.start(target);
    }

    private static long taken(ChannelHistory[] histories, long[] base) {
        long sum = 0;
        for (int c = 0; c < histories.length; c++) {
            sum += histories[c].appended() - base[c];
        }
        return sum;
    }

    @Override
    public boolean isConnected() {
        return live.isConnected();
    }

    @Override
    public long readings() {
        return live.readings() + (long) prefill * channels.size();
    }

    @Override
    public Map<DecodeErrorReason, Long> errorCounts() {
        return Map.of();
    }

    @Override
    public void onDecodeError(Consumer<DecodeError> listener) {
        // nothing to decode
    }

    @Override
    public void close() {
        live.close();
    }
}
