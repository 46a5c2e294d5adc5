package dev.benchwatch.bench.io;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3RxClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import dev.benchwatch.codec.decode.LabelValueDecoder;
import dev.benchwatch.device.DeviceOutput;
import dev.benchwatch.device.EngineOutput;
import dev.benchwatch.device.mqtt.MqttAdapter;
import dev.benchwatch.device.mqtt.MqttSettings;
import dev.benchwatch.device.mqtt.TopicMapping;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.engine.event.Event;
import dev.benchwatch.engine.ingest.OverloadPolicy;
import dev.benchwatch.engine.metrics.EngineMetrics;
import io.reactivex.Flowable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Messages per second through our {@link MqttAdapter} (feeding a real {@link Engine}) against a do-nothing
 * HiveMQ subscriber (async client, a callback that only counts), alternating in the same run against the
 * same local mosquitto, with the same in-process publisher (HiveMQ Rx client, backpressured, as fast as it
 * goes). Each round publishes {@code --messages} small numeric payloads ({@code "1234.5"}) to
 * {@code bench/dev1/temp}; the subscriber filter is {@code bench/+/temp}, the adapter's mapping {@code {1}}
 * / {@code {2}}, its decoder {@link LabelValueDecoder}: one reading per message.
 *
 * <p>A round's rate is messages received / (time the last one was received - time the first was
 * published): end to end through the broker. For ours "received" is the reading handed to the engine (a
 * counting {@link DeviceOutput} between the adapter and the engine's {@link EngineOutput}, DROP_OLDEST as
 * {@code MqttAdapter.start(Engine)} uses); afterwards the engine must have accepted every one of them (no
 * drop, no rejection) and the adapter must report no decode error or unnamed message.
 *
 * <p>Every round must receive exactly {@code --messages} messages. The publisher and both subscriptions use
 * QoS 1 by default: at QoS 0 the HiveMQ client itself drops messages when a subscriber's callback falls
 * behind (its incoming QoS 0 queue holds at most the receive maximum, 65,535; it only logs a WARN per
 * message, counted here by {@link ClientDropCounter}), which our adapter did in a warm-up round.
 * {@code --qos 0} measures that case. The broker is configured not to drop QoS 0 messages for a slow
 * subscriber itself ({@code max_queued_messages 0}: mosquitto's default of 1000 drops QoS 0 messages once
 * that many wait for a client) and with no in-flight limit. Rounds alternate, the order swapped each round (ABBA),
 * after {@code --warmup} rounds of each that are not counted. PASS if every count is exact and the median
 * of ours / the median of the baseline >= 0.95.
 *
 * <pre>
 * <p>{@code --diagnose} adds a third subscriber to every round, not part of the verdict: our adapter handing
 * its readings to a do-nothing output instead of an engine, which splits our cost into the adapter's and the
 * engine's.
 *
 * args: [--messages per round (500000)] [--rounds (5)] [--warmup rounds (1)] [--qos 0|1 (1)] [--diagnose]
 * </pre>
 */
public final class MqttThroughputComparison {
    private static final String TOPIC = "bench/dev1/temp";
    private static final String FILTER = "bench/+/temp";
    private static final double REQUIRED_RATIO = 0.95;
    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    /** Linux reports a process's CPU time in /proc in ticks of 10 ms (USER_HZ = 100). */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final int port;
    private final long brokerPid;
    private final int messages;
    private final MqttQos qos;
    private final byte[][] payloads;
    private final Mqtt3RxClient publisher;
    private final ClientDropCounter clientDrops = ClientDropCounter.install();
    private int round;

    private MqttThroughputComparison(int port, long brokerPid, int messages, MqttQos qos) {
        this.port = port;
        this.brokerPid = brokerPid;
        this.messages = messages;
        this.qos = qos;
        this.payloads = new byte[1000][];
        for (int i = 0; i < payloads.length; i++) {
            payloads[i] = String.format(Locale.ROOT, "%.1f", 1000 + i * 0.7).getBytes(StandardCharsets.US_ASCII);
        }
        this.publisher = MqttClient.builder().useMqttVersion3().identifier("bw-bench-publisher")
                .serverHost("127.0.0.1").serverPort(port).buildRx();
    }

    public static void main(String[] args) throws Exception {
        int messages = 500_000;
        int rounds = 5;
        int warmup = 1;
        int qos = 1;
        boolean diagnose = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--messages" -> messages = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--qos" -> qos = Integer.parseInt(args[++i]);
                case "--diagnose" -> diagnose = true;
                default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                        + "'; expected --messages N, --rounds N, --warmup N, --qos 0|1, --diagnose");
            }
        }
        if (messages < 1 || rounds < 1 || warmup < 0 || (qos != 0 && qos != 1)) {
            throw new IllegalArgumentException("--messages and --rounds must be >= 1, --warmup >= 0, --qos 0 or 1");
        }
        System.exit(run(messages, rounds, warmup, MqttQos.fromCode(qos), diagnose) ? 0 : 1);
    }

    private static boolean run(int messages, int rounds, int warmup, MqttQos qos, boolean diagnose)
            throws Exception {
        Path dir = Files.createTempDirectory("bw-mqtt-bench");
        String config = "allow_anonymous true\n"
                + "max_queued_messages 0\n"     // never drop QoS 0 messages for a slow subscriber
                + "max_inflight_messages 0\n"   // no in-flight limit for QoS 1
                + "persistence false\n";
        try (LocalMosquitto broker = new LocalMosquitto(dir, config)) {
            System.out.printf(Locale.ROOT, "MQTT adapter throughput: java %s, %d cores; %s; mosquitto pid %d on port %d; "
                            + "%,d messages per round at QoS %d, %d rounds of each after %d warm-up%n",
                    Runtime.version(), Runtime.getRuntime().availableProcessors(), mosquittoVersion(), broker.pid(),
                    broker.port(), messages, qos.getCode(), rounds, warmup);
            MqttThroughputComparison bench = new MqttThroughputComparison(broker.port(), broker.pid(), messages, qos);
            bench.publisher.connect().blockingGet();
            try {
                boolean ok = bench.compare(rounds, warmup, diagnose);
                String log = broker.readLog();
                if (log.contains("dropped")) {
                    System.out.println("FAIL: the broker reports dropped messages:\n" + log);
                    return false;
                }
                return ok;
            } finally {
                bench.publisher.disconnect().blockingAwait();
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private boolean compare(int rounds, int warmup, boolean diagnose) throws Exception {
        System.out.println();
        System.out.println("| round | subscriber | received | publish rate (msg/s) | end-to-end rate (msg/s) "
                + "| JVM CPU per msg | broker CPU | notes |");
        System.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |");
        List<Double> baseline = new ArrayList<>();
        List<Double> ours = new ArrayList<>();
        List<Double> adapterOnly = new ArrayList<>();
        List<Double> baselineCpu = new ArrayList<>();
        List<Double> oursCpu = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int r = -warmup; r < rounds; r++) {
            boolean baselineFirst = Math.floorMod(r, 2) == 0;
            if (diagnose) {
                RoundResult result = adapterOnlyRound();
                String label = r < 0 ? "warm-up" : Integer.toString(r + 1);
                print(label, "MqttAdapter, no engine (diagnostic)", result);
                if (r >= 0) {
                    adapterOnly.add(result.rate);
                }
            }
            for (int k = 0; k < 2; k++) {
                boolean isBaseline = (k == 0) == baselineFirst;
                RoundResult result = isBaseline ? baselineRound() : adapterRound();
                String label = r < 0 ? "warm-up" : Integer.toString(r + 1);
                print(label, isBaseline ? "HiveMQ do-nothing" : "MqttAdapter + Engine", result);
                if (!result.notes.isEmpty()) {
                    failures.add("round " + label + " " + (isBaseline ? "baseline" : "ours") + ": " + result.notes);
                }
                if (r >= 0) {
                    (isBaseline ? baseline : ours).add(result.rate);
                    (isBaseline ? baselineCpu : oursCpu).add(result.jvmCpuNanosPerMessage);
                }
            }
        }
        double baselineMedian = median(baseline);
        double oursMedian = median(ours);
        double ratio = oursMedian / baselineMedian;
        System.out.println();
        System.out.printf(Locale.ROOT, "median HiveMQ do-nothing subscriber: %,.0f msg/s%n", baselineMedian);
        System.out.printf(Locale.ROOT, "median MqttAdapter + Engine:         %,.0f msg/s%n", oursMedian);
        System.out.printf(Locale.ROOT, "ratio ours / baseline:               %.3f (required >= %.2f)%n", ratio,
                REQUIRED_RATIO);
        System.out.printf(Locale.ROOT, "median JVM CPU per message (publisher + subscriber + engine): baseline %.2f µs, "
                        + "ours %.2f µs, so ours costs %.2f µs more per message%n", median(baselineCpu) / 1e3,
                median(oursCpu) / 1e3, (median(oursCpu) - median(baselineCpu)) / 1e3);
        if (diagnose) {
            System.out.printf(Locale.ROOT, "median MqttAdapter, no engine:       %,.0f msg/s (%.3f of the baseline)%n",
                    median(adapterOnly), median(adapterOnly) / baselineMedian);
        }
        if (ratio < REQUIRED_RATIO) {
            failures.add(String.format(Locale.ROOT, "ratio %.3f < %.2f", ratio, REQUIRED_RATIO));
        }
        System.out.println();
        if (failures.isEmpty()) {
            System.out.printf(Locale.ROOT, "PASS: ours / baseline = %.3f, every message received%n", ratio);
            return true;
        }
        System.out.println("FAIL: " + String.join("; ", failures));
        return false;
    }

    /** A HiveMQ async client whose callback only counts. */
    private RoundResult baselineRound() throws Exception {
        Arrival arrival = new Arrival();
        Mqtt3AsyncClient client = MqttClient.builder().useMqttVersion3().identifier("bw-bench-baseline-" + (++round))
                .serverHost("127.0.0.1").serverPort(port).buildAsync();
        client.publishes(MqttGlobalPublishFilter.SUBSCRIBED, publish -> arrival.hit());
        try {
            client.connectWith().cleanSession(true).send().get(10, TimeUnit.SECONDS);
            client.subscribeWith().topicFilter(FILTER).qos(qos).send().get(10, TimeUnit.SECONDS);
            return measure(arrival, () -> "");
        } finally {
            client.disconnect().get(10, TimeUnit.SECONDS);
        }
    }

    /** Our adapter into a real engine (a fresh one per round: a source name is registered once per engine). */
    private RoundResult adapterRound() throws Exception {
        Arrival arrival = new Arrival();
        String name = "bench-mqtt";
        try (Engine engine = new Engine()) {
            engine.start();
            MqttAdapter adapter = new MqttAdapter(name, new MqttSettings("127.0.0.1", port, "bw-bench-ours-" + (++round),
                    3, true, List.of(FILTER), qos.getCode(), new TopicMapping("{1}", "{2}")), new LabelValueDecoder());
            adapter.start(new CountingOutput(new EngineOutput(engine, name, OverloadPolicy.DROP_OLDEST), arrival));
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!adapter.isConnected()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the adapter did not connect");
                    }
                    Thread.sleep(10);
                }
                return measure(arrival, () -> {
                    EngineMetrics m = awaitEngine(engine, arrival.count.get());
                    List<String> problems = new ArrayList<>();
                    if (m.accepted() != arrival.count.get()) {
                        problems.add("engine accepted " + m.accepted() + " of " + arrival.count.get());
                    }
                    if (m.drops() != 0 || m.rejectedTotal() != 0) {
                        problems.add("engine drops " + m.drops() + ", rejected " + m.rejected());
                    }
                    if (!adapter.errorCounts().isEmpty() && adapter.errorCounts().values().stream().anyMatch(v -> v > 0)) {
                        problems.add("decode errors " + adapter.errorCounts());
                    }
                    if (adapter.unnamedMessages() != 0) {
                        problems.add(adapter.unnamedMessages() + " unnamed messages");
                    }
                    if (adapter.readings() != arrival.count.get()) {
                        problems.add("adapter readings " + adapter.readings() + " != handed over " + arrival.count.get());
                    }
                    return String.join(", ", problems);
                });
            } finally {
                adapter.close();
            }
        }
    }

    /** Diagnostic: our adapter handing its readings to an output that only counts (no engine thread). */
    private RoundResult adapterOnlyRound() throws Exception {
        Arrival arrival = new Arrival();
        MqttAdapter adapter = new MqttAdapter("bench-mqtt", new MqttSettings("127.0.0.1", port,
                "bw-bench-adapter-only-" + (++round), 3, true, List.of(FILTER), qos.getCode(),
                new TopicMapping("{1}", "{2}")), new LabelValueDecoder());
        adapter.start(new CountingOutput(new DeviceOutput() {
            @Override
            public int channel(String name, String unit, String device) {
                return 0;
            }

            @Override
            public boolean reading(int channel, long timestampNanos, double value) {
                return true;
            }

            @Override
            public void status(Event event) {
            }
        }, arrival));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!adapter.isConnected()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the adapter did not connect");
                }
                Thread.sleep(10);
            }
            return measure(arrival, () -> "");
        } finally {
            adapter.close();
        }
    }

    private static void print(String round, String subscriber, RoundResult result) {
        System.out.printf(Locale.ROOT, "| %s | %s | %,d | %,.0f | %,.0f | %.2f µs | %.0f%% | %s |%n", round, subscriber,
                result.received, result.publishRate, result.rate, result.jvmCpuNanosPerMessage / 1e3,
                100 * result.brokerCpuShare, result.notes.isEmpty() ? "ok" : result.notes);
    }

    /** The broker's CPU time so far (user + system), or -1 when /proc cannot tell. */
    private long brokerCpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/" + brokerPid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK; // utime, stime
        } catch (Exception e) {
            return -1;
        }
    }

    private static EngineMetrics awaitEngine(Engine engine, long expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        EngineMetrics m = engine.snapshotNow().metrics();
        while (m.accepted() + m.rejectedTotal() < expected && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            m = engine.snapshotNow().metrics();
        }
        return m;
    }

    /**
     * Probes until the subscription delivers, lets the probes settle, then publishes the round's messages as
     * fast as the publisher goes and waits for the last to arrive (or for arrivals to stall).
     */
    private RoundResult measure(Arrival arrival, java.util.concurrent.Callable<String> afterwards) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (arrival.count.get() == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the subscriber never received a probe message");
            }
            publisher.publish(Flowable.just(message(0, MqttQos.AT_LEAST_ONCE))).blockingSubscribe();
            Thread.sleep(50);
        }
        Thread.sleep(300);
        long base = arrival.count.get();
        arrival.expect(base + messages);

        long clientDropsBefore = clientDrops();
        long jvmCpuBefore = OS.getProcessCpuTime();
        long brokerCpuBefore = brokerCpuNanos();
        long start = System.nanoTime();
        long publishErrors = publisher.publish(Flowable.range(0, messages).map(i -> message(i, qos)))
                .filter(result -> result.getError().isPresent()).count().blockingGet();
        long published = System.nanoTime();

        long lastCount = -1;
        long lastChange = System.nanoTime();
        while (arrival.doneAt == 0) {
            long now = arrival.count.get();
            if (now != lastCount) {
                lastCount = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > STALL_NANOS) {
                break;
            }
            Thread.sleep(1);
        }
        long jvmCpu = OS.getProcessCpuTime() - jvmCpuBefore;
        long brokerCpu = brokerCpuNanos() - brokerCpuBefore;
        long wall = System.nanoTime() - start;
        Thread.sleep(200); // anything beyond the expected count would show now
        long received = arrival.count.get() - base;
        List<String> notes = new ArrayList<>();
        if (publishErrors != 0) {
            notes.add(publishErrors + " publish errors");
        }
        if (received != messages) {
            notes.add("received " + received + " of " + messages);
        }
        long dropped = clientDrops() - clientDropsBefore;
        if (dropped != 0) {
            notes.add("the HiveMQ client dropped " + dropped + " QoS 0 messages");
        }
        String more = afterwards.call();
        if (!more.isEmpty()) {
            notes.add(more);
        }
        long end = arrival.doneAt != 0 ? arrival.doneAt : lastChange;
        return new RoundResult(received, messages / ((published - start) / 1e9), received / ((end - start) / 1e9),
                (double) jvmCpu / Math.max(1, received), brokerCpuBefore < 0 ? Double.NaN : (double) brokerCpu / wall,
                String.join("; ", notes));
    }

    private long clientDrops() {
        return clientDrops == null ? 0 : clientDrops.drops();
    }

    private Mqtt3Publish message(int i, MqttQos messageQos) {
        return Mqtt3Publish.builder().topic(TOPIC).qos(messageQos).payload(payloads[i % payloads.length]).build();
    }

    private static String mosquittoVersion() {
        try {
            Process p = new ProcessBuilder("/usr/sbin/mosquitto", "-h").redirectErrorStream(true).start();
            String first = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst()
                    .orElse("mosquitto");
            p.waitFor();
            return first.trim();
        } catch (Exception e) {
            return "mosquitto (version unknown)";
        }
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * @param jvmCpuNanosPerMessage this process's CPU time (publisher, subscriber, engine, this thread's polling)
     *                              during the round, per message received
     * @param brokerCpuShare        the broker's CPU time during the round / the round's wall time (1.0: a core)
     */
    private record RoundResult(long received, double publishRate, double rate, double jvmCpuNanosPerMessage,
                               double brokerCpuShare, String notes) {
    }

    /** Counts arrivals and notes when the expected one arrived. */
    private static final class Arrival {
        final AtomicLong count = new AtomicLong();
        private volatile long expected = Long.MAX_VALUE;
        volatile long doneAt;

        void expect(long value) {
            expected = value;
        }

        void hit() {
            if (count.incrementAndGet() == expected) {
                doneAt = System.nanoTime();
            }
        }
    }

    /** Between the adapter and the engine: forwards everything and counts the readings. */
    private record CountingOutput(DeviceOutput target, Arrival arrival) implements DeviceOutput {
        @Override
        public int channel(String name, String unit, String device) {
            return target.channel(name, unit, device);
        }

        @Override
        public boolean reading(int channel, long timestampNanos, double value) {
            boolean taken = target.reading(channel, timestampNanos, value);
            arrival.hit();
            return taken;
        }

        @Override
        public void status(Event event) {
            target.status(event);
        }
    }
}
