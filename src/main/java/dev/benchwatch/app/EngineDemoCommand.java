package dev.benchwatch.app;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.EngineConfig;
import dev.benchwatch.engine.EngineSnapshot;
import dev.benchwatch.engine.NanoClock;
import dev.benchwatch.engine.ProcessingMode;
import dev.benchwatch.engine.action.ActionPorts;
import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.event.EventType;
import dev.benchwatch.engine.ingest.IngestSource;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import dev.benchwatch.engine.ingest.RejectReason;
import dev.benchwatch.engine.metrics.EngineMetrics;
import dev.benchwatch.engine.metrics.LatencySummary;
import dev.benchwatch.engine.metrics.SourceMetrics;
import dev.benchwatch.engine.metrics.TriggerStatus;
import dev.benchwatch.engine.window.Stat;
import dev.benchwatch.engine.window.WindowResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code benchwatch engine-demo}: simulated devices feed the engine through windows, pipelines and
 * triggers; prints every trigger transition and action as it happens, then the engine's metrics.
 */
@Command(name = "engine-demo", mixinStandardHelpOptions = true,
        description = "Feed simulated readings through windows, pipelines and triggers; print what fired and the metrics.")
public final class EngineDemoCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--duration", defaultValue = "5s", description = "How long to run, e.g. 5s, 500ms, 2m (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--rate", defaultValue = "2000", description = "Readings per second per channel (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--extra-channels", defaultValue = "0", description = "Extra simulated load channels (default: ${DEFAULT-VALUE}).")
    int extraChannels;

    @Option(names = "--mode", defaultValue = "HYBRID", description = "Processing mode: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ProcessingMode mode;

    @Option(names = "--quiet", description = "Print only the summary, not every transition.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (duration.isNegative() || duration.isZero()) {
            spec.commandLine().getErr().println("--duration must be positive, got " + duration);
            return 2;
        }
        if (rate < 1 || rate > 1_000_000) {
            spec.commandLine().getErr().println("--rate must be between 1 and 1000000 readings/s, got " + rate);
            return 2;
        }
        List<String> notifications = new ArrayList<>();
        ActionPorts ports = ActionPorts.unconnected()
                .withNotifier((title, message, severity) -> {
                    synchronized (notifications) {
                        notifications.add(title + ": " + message);
                    }
                });
        EngineConfig config = EngineConfig.builder().mode(mode).build();
        try (Engine engine = new Engine(config, ports)) {
            DemoBench.configure(engine, extraChannels);
            if (!quiet) {
                engine.onEvent(EventType.THRESHOLD_BREACH, event -> printEvent(out, event));
                engine.onEvent(EventType.AUTOMATION_TRIGGER, event -> printEvent(out, event));
                engine.onEvent(EventType.SYSTEM_ALERT, event -> printEvent(out, event));
            }
            out.printf(Locale.ROOT, "engine-demo: %d channels at %d readings/s each for %s, mode %s%n",
                    engine.channels().size(), rate, duration, mode);
            out.flush();
            engine.start();
            List<Thread> producers = startProducers(engine, rate);
            Thread.sleep(duration.toMillis());
            for (Thread producer : producers) {
                producer.interrupt();
            }
            for (Thread producer : producers) {
                producer.join();
            }
            long drained = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (engine.snapshotNow().metrics().queueDepth() > 0 && System.nanoTime() < drained) {
                Thread.sleep(1); // the last readings offered are still in the lanes
            }
            engine.actions().awaitIdle(2, TimeUnit.SECONDS);
            engine.events().awaitIdle(2, TimeUnit.SECONDS);
            printSummary(out, engine.snapshotNow(), duration.toNanos() / 1e9, notifications);
        }
        out.flush();
        return 0;
    }

    private static List<Thread> startProducers(Engine engine, int rate) {
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (String device : List.of(DemoBench.OVEN, DemoBench.PSU, DemoBench.SHAKER)) {
            IngestSource source = engine.registerSource(device, OverloadPolicy.DROP_OLDEST);
            int[] channels = engine.channels().all().stream().filter(c -> c.device().equals(device))
                    .mapToInt(c -> c.id()).toArray();
            String[] names = engine.channels().all().stream().filter(c -> c.device().equals(device))
                    .map(c -> c.name()).toArray(String[]::new);
            Thread thread = Thread.ofPlatform().daemon().name("demo-" + device).start(() -> {
                Random noise = new Random(device.hashCode());
                long interval = 1_000_000_000L / rate;
                long tick = 0;
                while (!Thread.currentThread().isInterrupted()) {
                    long intended = start + tick * interval;
                    long wait = intended - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                        if (Thread.currentThread().isInterrupted()) {
                            break;
                        }
                    }
                    long now = NanoClock.SYSTEM.nowNanos();
                    double t = (intended - start) / 1e9;
                    // latency counts from the moment the simulated device hands a reading over, as a real
                    // adapter's would, not from when this thread meant to wake up
                    for (int i = 0; i < channels.length; i++) {
                        source.offer(channels[i], now, DemoBench.signal(names[i], t, noise));
                    }
                    // a faulty sensor now and then: counted as rejected, never silently lost
                    if (device.equals(DemoBench.SHAKER) && tick % 5_000 == 4_999) {
                        source.offer(channels[0], now, Double.NaN);
                        source.offer(9_999, now, 1.0);
                    }
                    tick++;
                }
            });
            threads.add(thread);
        }
        return threads;
    }

    private static void printEvent(PrintWriter out, Event event) {
        String what = switch (event.type()) {
            case THRESHOLD_BREACH -> String.format(Locale.ROOT, "%-8s %-16s %s", event.metadata().get("to"),
                    event.metadata().get("trigger"), valueText(event));
            case AUTOMATION_TRIGGER -> String.format(Locale.ROOT, "%-8s %-16s %s %s", "ACTION",
                    event.metadata().get("trigger"), event.metadata().get("action"),
                    event.metadata().get("outcome") + " " + event.metadata().getOrDefault("target", ""));
            default -> String.format(Locale.ROOT, "%-8s %s", event.type(), event.data());
        };
        synchronized (out) {
            out.printf(Locale.ROOT, "%s  %s%n", TIME.format(Instant.ofEpochSecond(0, event.timestampNanos())), what);
            out.flush();
        }
    }

    private static String valueText(Event event) {
        String channel = event.metadata().getOrDefault("channel", "");
        String value = event.metadata().getOrDefault("value", "");
        try {
            value = String.format(Locale.ROOT, "%.3f", Double.parseDouble(value));
        } catch (NumberFormatException ignored) {
            // keep the text as it is
        }
        return "(" + channel + " = " + value + ", " + event.metadata().get("severity") + ")";
    }

    private static void printSummary(PrintWriter out, EngineSnapshot snapshot, double seconds,
                                     List<String> notifications) {
        EngineMetrics m = snapshot.metrics();
        LatencySummary l = m.latency();
        out.println();
        out.println("== triggers");
        for (TriggerStatus t : snapshot.triggers()) {
            out.printf(Locale.ROOT, "  %-16s %-8s %-8s fired %d time(s)%s%n", t.id(), t.severity().key(), t.state(),
                    t.firings(), t.shadow() ? "  [shadow]" : "");
        }
        out.printf(Locale.ROOT, "  notifications shown: %d%n", notifications.size());
        out.println("== windows");
        for (WindowResult w : snapshot.windows()) {
            out.printf(Locale.ROOT, "  %-18s n=%-6d mean=%-10.4f min=%-10.4f max=%-10.4f stddev=%.4f%n", w.windowId(),
                    w.count(), w.get(Stat.MEAN), w.get(Stat.MIN), w.get(Stat.MAX), w.get(Stat.STDDEV));
        }
        out.println("== metrics");
        out.printf(Locale.ROOT, "  readings accepted   %d (%.0f/s)%n", m.accepted(), m.accepted() / seconds);
        out.printf(Locale.ROOT, "  readings rejected   %d %s%n", m.rejectedTotal(), m.rejected());
        out.printf(Locale.ROOT, "  dropped (overload)  %d; queue depth %d; errors %d; events %d (%d lost)%n",
                m.drops(), m.queueDepth(), m.errors(), m.events(), m.eventsDropped());
        out.printf(Locale.ROOT, "  latency ingest->decision  p50 %s  p99 %s  p99.9 %s  max %s  (%d over budget)%n",
                micros(l.p50()), micros(l.p99()), micros(l.p999()), micros(l.max()), m.overBudget());
        out.printf(Locale.ROOT, "  channels %d, windows %d, pipelines %d, triggers %d, handlers %d%n",
                m.channels(), m.windows(), m.pipelines(), m.triggers(), m.handlers());
        for (SourceMetrics s : m.sources()) {
            out.printf(Locale.ROOT, "  source %-8s offered %d accepted %d rejected %s%n", s.name(), s.offered(),
                    s.accepted(), s.rejected());
        }
        long unaccounted = m.sources().stream()
                .mapToLong(s -> s.offered() - s.accepted() - s.queueDepth()
                        - s.rejected().values().stream().mapToLong(x -> x).sum()
                        + s.rejected(RejectReason.VALIDATION_FAILED))
                .sum();
        out.printf(Locale.ROOT, "  unaccounted readings: %d%n", unaccounted);
    }

    private static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.1f µs", nanos / 1000.0);
    }
}
