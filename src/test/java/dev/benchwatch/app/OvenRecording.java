package dev.benchwatch.app;

import dev.benchwatch.record.RecordingFixture;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * A recording for the replay, backtest and export commands: session 1 is a short stub, session 2 thirty
 * seconds of an oven temperature (°C, every 10 ms, a 5 s sine around 170) and its Fahrenheit pipeline
 * output (recorded as derived), matching the workspace {@code workspaces/replay-oven.json}.
 */
final class OvenRecording {
    static final long T0 = 1_795_756_387_000_000_000L;
    static final long STEP = 10_000_000L;
    static final int N = 3_000;

    private OvenRecording() {
    }

    static Path workspace() {
        try {
            return Path.of(OvenRecording.class.getResource("/workspaces/replay-oven.json").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static double celsius(int i) {
        return 170 + 10 * Math.sin(2 * Math.PI * i * STEP / 5e9);
    }

    static double fahrenheit(int i) {
        return celsius(i) * 1.8 + 32; // what the workspace's map operator computes
    }

    static Path write(Path file) throws Exception {
        try (RecordingFixture f = RecordingFixture.create(file)) {
            long stub = f.session(T0 - 1_000_000_000L, T0 - 500_000_000L);
            int stubTemp = f.channel(stub, "oven_temp", "°C", "oven", false);
            f.reading(stubTemp, T0 - 900_000_000L, 20.0);
            long s = f.session(T0, T0 + N * STEP);
            int c = f.channel(s, "oven_temp", "°C", "oven", false);
            int fahrenheit = f.channel(s, "oven_temp_f", "°F", "", true);
            for (int i = 0; i < N; i++) {
                f.reading(c, T0 + i * STEP, celsius(i));
                f.reading(fahrenheit, T0 + i * STEP, fahrenheit(i));
            }
            f.counts(s, 2L * N, 2L * N, 0, null);
        }
        return file;
    }
}
