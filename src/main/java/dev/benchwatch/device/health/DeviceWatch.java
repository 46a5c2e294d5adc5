package dev.benchwatch.device.health;

import dev.benchwatch.device.DeviceAdapter;
import dev.benchwatch.engine.detect.ExcursionTracker;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The health of one device from tick to tick: its rate against a learned normal rate, its decoding errors,
 * and its unexpected senders. Each is a score with threshold 1 run through an {@link ExcursionTracker}, so an
 * alert opens once and clears only when the score falls below 3/4 of the bound (a rate that hovers at a third
 * of normal is one alert, not one per tick).
 */
final class DeviceWatch {
    /** A slow device's rate is measured over a window long enough to expect this many readings. */
    static final int MIN_EXPECTED_READINGS = 5;

    private final String device;
    private final HealthSettings settings;
    private final long windowNanos;
    private final long keepNanos;
    private final WindowedCounter readings;
    private final WindowedCounter errors;
    private final Map<String, SenderWatch> senders = new HashMap<>();
    private DeviceAdapter adapter;
    private double normalRate = Double.NaN;
    private long learnedNanos;
    private long lastTick = Long.MIN_VALUE;
    private long lastTotal = -1; // -1: no sample from this adapter yet
    private ExcursionTracker rate = new ExcursionTracker();
    private final ExcursionTracker malformed = new ExcursionTracker();
    private String rateDirection = "";
    private int sequence;
    private String rateCorrelation = "";
    private String malformedCorrelation = "";

    private static final class SenderWatch {
        final WindowedCounter messages;
        final ExcursionTracker tracker = new ExcursionTracker();
        String correlation = "";

        SenderWatch(long keep) {
            messages = new WindowedCounter(keep);
        }
    }

    DeviceWatch(String device, HealthSettings settings) {
        this.device = device;
        this.settings = settings;
        this.windowNanos = settings.window().toNanos();
        this.keepNanos = Math.max(windowNanos, settings.learnTime().toNanos());
        this.readings = new WindowedCounter(keepNanos);
        this.errors = new WindowedCounter(windowNanos);
    }

    /** One tick with the rate judged. */
    void tick(long now, DeviceAdapter current, Consumer<HealthAlert> out) {
        tick(now, current, true, out);
    }

    /**
     * @param current   the running adapter, or null when the device is disconnected on the bench
     * @param judgeRate false for a source whose rate says nothing about health (a replay)
     */
    void tick(long now, DeviceAdapter current, boolean judgeRate, Consumer<HealthAlert> out) {
        long dt = lastTick == Long.MIN_VALUE ? 0 : now - lastTick;
        lastTick = now;
        if (current == null) {
            disconnected(out);
            return;
        }
        if (current != adapter) { // a reconnect builds a fresh adapter whose counters start at 0
            adapter = current;
            lastTotal = -1;
            readings.reset();
            errors.reset();
            errors.sample(now - 1, 0); // its errors all came after it was built: a burst before this tick counts
            senders.clear();
        }
        if (judgeRate) {
            checkRate(now, dt, current.readings(), out);
        }
        checkMalformed(now, current.errorCounts().values().stream().mapToLong(Long::longValue).sum(), out);
        checkSenders(now, current.unexpectedSenders(), out);
    }

    private void disconnected(Consumer<HealthAlert> out) {
        if (rate.isOpen()) {
            out.accept(new HealthAlert(device, "rate", false, 0, normalRate, "device '" + device
                    + "' disconnected on the bench: rate alert cleared", HealthAlert.CLEARED_PRIORITY,
                    rateCorrelation, Map.of("direction", rateDirection)));
        }
        rate = new ExcursionTracker();
        adapter = null;
        lastTotal = -1;
        readings.reset();
    }

    private void checkRate(long now, long dt, long total, Consumer<HealthAlert> out) {
        boolean quiet = total == lastTotal; // nothing since the last tick
        lastTotal = total;
        readings.sample(now, total);
        long span = windowNanos;
        if (normalRate > 0 && normalRate * windowNanos / 1e9 < MIN_EXPECTED_READINGS) {
            span = Math.min(keepNanos, (long) (MIN_EXPECTED_READINGS / normalRate * 1e9));
        }
        if (!readings.covers(now, span)) {
            return;
        }
        long[] growth = readings.growth(now, span);
        if (growth[1] <= 0) {
            return;
        }
        double observed = growth[0] * 1e9 / growth[1];
        boolean warm = learnedNanos >= settings.warmUp().toNanos() && normalRate > 0;
        double score = warm ? score(observed) : Double.NaN;
        boolean wasOpen = rate.isOpen();
        if (rate.opens(score, 1, warm)) {
            boolean silent = observed < normalRate && quiet; // a device going quiet first looks slow
            rateDirection = silent ? "silent" : observed < normalRate ? "low" : "high";
            rateCorrelation = correlation("rate");
            String what = silent ? "fell silent (no reading since the last check; "
                    + String.format(Locale.ROOT, "%.3g/s over %s against a normal %.3g/s)", observed, seconds(span),
                            normalRate)
                    : String.format(Locale.ROOT, "reading rate %s: %.3g/s against a normal %.3g/s",
                            rateDirection, observed, normalRate);
            out.accept(new HealthAlert(device, "rate", true, observed, normalRate, "device '" + device + "' " + what,
                    silent ? HealthAlert.SILENT_PRIORITY : HealthAlert.RAISED_PRIORITY, rateCorrelation,
                    Map.of("direction", rateDirection)));
        } else if (wasOpen && !rate.isOpen()) {
            out.accept(new HealthAlert(device, "rate", false, observed, normalRate, String.format(Locale.ROOT,
                    "device '%s' reading rate back to normal: %.3g/s against %.3g/s", device, observed, normalRate),
                    HealthAlert.CLEARED_PRIORITY, rateCorrelation, Map.of("direction", rateDirection)));
        }
        if (!rate.isOpen()) { // an excursion is not learned as the new normal
            learn(observed, dt);
        }
    }

    /** 1 at the bounds ({@code lowRatio} or {@code highRatio} times normal), more the further out. */
    private double score(double observed) {
        double ratio = observed / normalRate;
        if (ratio >= 1) {
            return ratio / settings.highRatio();
        }
        return ratio == 0 ? Double.POSITIVE_INFINITY : settings.lowRatio() / ratio;
    }

    private void learn(double observed, long dt) {
        if (Double.isNaN(normalRate)) {
            normalRate = observed;
            return;
        }
        double alpha = 1 - Math.exp(-(double) dt / settings.learnTime().toNanos());
        normalRate += alpha * (observed - normalRate);
        learnedNanos += dt;
    }

    private void checkMalformed(long now, long total, Consumer<HealthAlert> out) {
        errors.sample(now, total);
        long inWindow = errors.growth(now, windowNanos)[0];
        double threshold = settings.malformedLimit() + 1.0; // more than the limit
        boolean wasOpen = malformed.isOpen();
        if (malformed.opens(inWindow, threshold, true)) {
            malformedCorrelation = correlation("malformed");
            out.accept(new HealthAlert(device, "malformed", true, inWindow, settings.malformedLimit(),
                    "device '" + device + "': " + inWindow + " malformed frames within " + seconds(windowNanos)
                            + " (limit " + settings.malformedLimit() + ")",
                    HealthAlert.RAISED_PRIORITY, malformedCorrelation, Map.of()));
        } else if (wasOpen && !malformed.isOpen()) {
            out.accept(new HealthAlert(device, "malformed", false, inWindow, settings.malformedLimit(),
                    "device '" + device + "': malformed frames back to " + inWindow + " within "
                            + seconds(windowNanos), HealthAlert.CLEARED_PRIORITY, malformedCorrelation, Map.of()));
        }
    }

    private void checkSenders(long now, Map<String, Long> unexpected, Consumer<HealthAlert> out) {
        for (Map.Entry<String, Long> e : unexpected.entrySet()) {
            SenderWatch watch = senders.get(e.getKey());
            if (watch == null) {
                watch = new SenderWatch(windowNanos);
                watch.messages.sample(now - 1, 0); // a sender first seen now: all its messages are new
                senders.put(e.getKey(), watch);
            }
            watch.messages.sample(now, e.getValue());
        }
        for (Iterator<Map.Entry<String, SenderWatch>> it = senders.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, SenderWatch> e = it.next();
            SenderWatch watch = e.getValue();
            long inWindow = watch.messages.growth(now, windowNanos)[0];
            boolean wasOpen = watch.tracker.isOpen();
            if (watch.tracker.opens(inWindow, 1, true)) {
                watch.correlation = correlation("unexpected");
                out.accept(new HealthAlert(device, "unexpected", true, inWindow, 0, "device '" + device
                        + "': " + inWindow + " message(s) from unexpected sender " + e.getKey(),
                        HealthAlert.RAISED_PRIORITY, watch.correlation, Map.of("sender", e.getKey())));
            } else if (wasOpen && !watch.tracker.isOpen()) {
                out.accept(new HealthAlert(device, "unexpected", false, 0, 0, "device '" + device
                        + "': unexpected sender " + e.getKey() + " quiet for " + seconds(windowNanos),
                        HealthAlert.CLEARED_PRIORITY, watch.correlation, Map.of("sender", e.getKey())));
                if (!unexpected.containsKey(e.getKey())) {
                    it.remove();
                }
            }
        }
    }

    private String correlation(String kind) {
        return "health:" + device + ":" + kind + "#" + (++sequence);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3g s", nanos / 1e9);
    }
}
