package dev.benchwatch.engine.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Several detectors watching one channel, each with its own {@link ExcursionTracker}: feed it readings and it
 * reports one {@link Detection} per excursion. What the {@code detect} command and the NAB evaluation run.
 */
public final class DetectorSet {
    private final List<DetectorKind> kinds;
    private final Detector[] detectors;
    private final ExcursionTracker[] trackers;
    private final Consumer<Detection> sink;

    /** The given kinds with their default settings, reporting to {@code sink}. */
    public DetectorSet(List<DetectorKind> kinds, Consumer<Detection> sink) {
        this.kinds = List.copyOf(kinds);
        this.detectors = new Detector[kinds.size()];
        this.trackers = new ExcursionTracker[kinds.size()];
        for (int i = 0; i < detectors.length; i++) {
            detectors[i] = kinds.get(i).create();
            trackers[i] = new ExcursionTracker();
        }
        this.sink = sink;
    }

    public void accept(long timestampNanos, double value) {
        for (int i = 0; i < detectors.length; i++) {
            Detector d = detectors[i];
            double score = d.update(timestampNanos, value);
            if (trackers[i].opens(score, d.threshold(), d.warmedUp())) {
                sink.accept(new Detection(timestampNanos, kinds.get(i), score, value, d.describe(score, value)));
            }
        }
    }

    /** Runs a whole series and returns its detections in time order. */
    public static List<Detection> run(List<DetectorKind> kinds, long[] timestampsNanos, double[] values) {
        List<Detection> found = new ArrayList<>();
        DetectorSet set = new DetectorSet(kinds, found::add);
        for (int i = 0; i < values.length; i++) {
            set.accept(timestampsNanos[i], values[i]);
        }
        return found;
    }
}
