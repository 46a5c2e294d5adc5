package dev.benchwatch.record;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineConfig;
import dev.benchwatch.engine.NanoClock;
import dev.benchwatch.engine.ingest.IngestSource;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The process {@link RecorderCrashTest} kills: records a steady stream of sequential values (0, 1, 2, ...)
 * at a given rate, stamped with the wall clock, and prints {@code offered <count> <epoch ns>} every 50 ms.
 * It never stops on its own.
 *
 * <pre>args: file readings-per-second</pre>
 */
public final class RecordingChild {
    private RecordingChild() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int perSecond = Integer.parseInt(args[1]);
        Engine engine = new Engine(EngineConfig.builder().maxReadingAge(Duration.ZERO).build());
        int channel = engine.registerChannel("seq", "", "counter").id();
        IngestSource source = engine.registerSource("counter", OverloadPolicy.BLOCK);
        engine.start();
        SessionRecorder recorder = new SessionRecorder(engine);
        recorder.start(file, "crash-test");
        long start = System.nanoTime();
        long offered = 0;
        long lastPrint = start;
        while (true) {
            long due = (System.nanoTime() - start) * perSecond / 1_000_000_000L;
            while (offered < due) {
                source.offer(channel, NanoClock.SYSTEM.nowNanos(), offered);
                offered++;
            }
            long now = System.nanoTime();
            if (now - lastPrint >= 50_000_000L) {
                lastPrint = now;
                System.out.println("offered " + offered + " " + NanoClock.SYSTEM.nowNanos() + " recorded "
                        + recorder.recorded());
                System.out.flush();
            }
            Thread.sleep(1);
        }
    }
}
