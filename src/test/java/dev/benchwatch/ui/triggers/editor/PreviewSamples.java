package dev.benchwatch.ui.triggers.editor;

import dev.benchwatch.workspace.trigger.ChannelSeries;

/** Synthetic oven histories for the preview's tests. */
final class PreviewSamples {
    static final long T0 = 1_764_216_000_000_000_000L; // 2025-11-27 04:00:00 UTC
    static final long S = 1_000_000_000L;

    private PreviewSamples() {
    }

    /**
     * {@code seconds} of readings at {@code perSecond}: about 5 with a slow wobble, above 10 during
     * [20, 35), [50, 60) and [90, 100) s, and during [70, 71) s, too short for a {@code for 2s}.
     */
    static ChannelSeries oven(int seconds, int perSecond) {
        int n = seconds * perSecond;
        long[] ts = new long[n];
        double[] vs = new double[n];
        long period = S / perSecond;
        for (int i = 0; i < n; i++) {
            double t = i / (double) perSecond;
            ts[i] = T0 + i * period;
            boolean high = t >= 20 && t < 35 || t >= 50 && t < 60 || t >= 90 && t < 100 || t >= 70 && t < 71;
            vs[i] = (high ? 13 : 5) + Math.sin(t / 3) + 0.4 * Math.sin(i * 0.7);
        }
        return ChannelSeries.of("oven_temp", "°C", ts, vs);
    }
}
