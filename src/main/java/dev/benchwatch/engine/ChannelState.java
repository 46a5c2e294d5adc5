package dev.benchwatch.engine;

import dev.benchwatch.engine.detect.DetectorKind;
import dev.benchwatch.engine.detect.ScoredDetector;
import dev.benchwatch.engine.pipeline.Pipeline;
import dev.benchwatch.engine.trigger.TriggerStateMachine;
import dev.benchwatch.engine.window.Window;

/** Everything the engine thread keeps for one channel, with the processors subscribed to it as arrays. */
final class ChannelState {
    static final Window[] NO_WINDOWS = new Window[0];
    static final Pipeline[] NO_PIPELINES = new Pipeline[0];
    static final TriggerStateMachine[] NO_TRIGGERS = new TriggerStateMachine[0];
    static final ScoredDetector[] NO_DETECTORS = new ScoredDetector[0];

    final int id;
    final ChannelHistory history;
    double latest = Double.NaN;
    long latestNanos;
    Window[] windows = NO_WINDOWS;
    /** Pipelines whose input this channel is. */
    Pipeline[] pipelines = NO_PIPELINES;
    /** Pipelines with a join step that pairs with this channel. */
    Pipeline[] joinPartners = NO_PIPELINES;
    TriggerStateMachine[] triggers = NO_TRIGGERS;
    /** Anomaly detectors on this channel (for trigger operands and ANOMALY_DETECTED events). */
    ScoredDetector[] detectors = NO_DETECTORS;

    /** How many trigger conditions read each detector; one no condition reads and no one declared is dropped. */
    private final java.util.IdentityHashMap<ScoredDetector, Integer> detectorReaders = new java.util.IdentityHashMap<>();

    /** The detector of this kind and setting, created on first use. */
    ScoredDetector detector(DetectorKind kind, long windowNanos) {
        for (var d : detectors) {
            if (d.matches(kind, windowNanos)) {
                return d;
            }
        }
        var created = new ScoredDetector(kind, windowNanos);
        detectors = append(detectors, created);
        return created;
    }

    /** A trigger condition reads {@code detector} (once per operand). */
    void readBy(ScoredDetector detector) {
        detectorReaders.merge(detector, 1, Integer::sum);
    }

    /** A trigger condition no longer reads {@code detector}: dropped when nothing else needs it. */
    void unread(ScoredDetector detector) {
        detectorReaders.computeIfPresent(detector, (d, n) -> n > 1 ? n - 1 : null);
        dropIfUnused(detector);
    }

    /** Stops {@code detector} when no trigger condition reads it and it does not report events. */
    void dropIfUnused(ScoredDetector detector) {
        if (!detector.reportsEvents() && !detectorReaders.containsKey(detector)) {
            detectors = remove(detectors, detector);
        }
    }

    /** How many trigger conditions read {@code detector}. */
    int readers(ScoredDetector detector) {
        return detectorReaders.getOrDefault(detector, 0);
    }

    ChannelState(int id, int historyCapacity, long historyMaxAgeNanos) {
        this.id = id;
        this.history = new ChannelHistory(historyCapacity, historyMaxAgeNanos);
    }

    static <T> T[] append(T[] array, T item) {
        T[] copy = java.util.Arrays.copyOf(array, array.length + 1);
        copy[array.length] = item;
        return copy;
    }

    static <T> T[] remove(T[] array, T item) {
        return java.util.Arrays.stream(array).filter(x -> x != item)
                .toArray(n -> java.util.Arrays.copyOf(array, n));
    }
}
