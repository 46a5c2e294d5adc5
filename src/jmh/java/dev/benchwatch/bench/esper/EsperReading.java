package dev.benchwatch.bench.esper;

/**
 * The reading as an Esper bean event: one immutable object per reading, read through getters that
 * Esper's compiler turns into direct calls. {@code ts} is event time in microseconds, Esper's finest
 * time unit.
 */
public final class EsperReading {
    private final int channel;
    private final long ts;
    private final double value;

    public EsperReading(int channel, long ts, double value) {
        this.channel = channel;
        this.ts = ts;
        this.value = value;
    }

    public int getChannel() {
        return channel;
    }

    public long getTs() {
        return ts;
    }

    public double getValue() {
        return value;
    }
}
