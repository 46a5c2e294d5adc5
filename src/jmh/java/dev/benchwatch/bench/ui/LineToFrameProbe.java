package dev.benchwatch.bench.ui;

import dev.benchwatch.engine.EngineSnapshot;
import dev.benchwatch.ui.ConsolePulse;
import dev.benchwatch.ui.FrameListener;
import dev.benchwatch.ui.chart.ChartSeries;
import javafx.scene.Scene;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Times each line a board writes, from the write to the rendered frame whose chart shows it. The board
 * writes its line number as the value ({@link #written} keeps each write's time); once per pulse, after
 * the console's pulse has fed and painted the charts (the probe is the pulse's last listener), it reads the
 * newest value the chart series holds: every line up to it is on screen in this frame. When Prism reports that frame rendered
 * ({@link RenderedFrames}), each of those lines gets its latency.
 */
final class LineToFrameProbe {
    private final long[] written;
    private final long[] writtenEpoch;
    private final long[] arrived;
    private final ChartSeries series;
    private final Recorder latencies = new Recorder(10_000_000_000L, 3);
    private final Recorder toArrival = new Recorder(10_000_000_000L, 3);
    private long seenSequence = -1;
    private final RenderedFrames<long[]> frames = new RenderedFrames<>(this::takePending, this::frameRendered);
    private long shownUpTo = -1;
    private long[] pending;
    private ConsolePulse pulse;

    /**
     * @param written      each line's write time (System.nanoTime), indexed by the line's number; 0 = not yet
     * @param writtenEpoch the same on the clock the serial adapter stamps readings with (epoch nanoseconds),
     *                     to split the latency at the reading's arrival
     */
    LineToFrameProbe(long[] written, long[] writtenEpoch, ChartSeries series) {
        this.written = written;
        this.writtenEpoch = writtenEpoch;
        this.arrived = new long[written.length];
        this.series = series;
    }

    /**
     * Joins the console's pulse as its last listener, so it runs after the charts have pulled and painted in
     * the same pulse; on the JavaFX thread.
     */
    void attach(Scene scene, ConsolePulse pulse) {
        this.pulse = pulse;
        pulse.add(listener);
        frames.attach(scene);
    }

    private final FrameListener listener = new FrameListener() {
        @Override
        public void onFrame(EngineSnapshot snapshot, long now) {
            if (series.points().isEmpty()) {
                return;
            }
            long end = series.points().endSequence();
            for (long seq = Math.max(seenSequence, series.points().firstSequence()); seq < end; seq++) {
                long line = (long) series.points().valueAt(seq);
                if (line >= 0 && line < arrived.length) {
                    arrived[(int) line] = series.points().timeAt(seq);
                }
            }
            seenSequence = end;
            long newest = (long) series.points().valueAt(end - 1);
            if (newest > shownUpTo) {
                pending = new long[] {shownUpTo + 1, newest};
                shownUpTo = newest;
            }
        }
    };

    /** The lines this pulse put on screen, {first, last}, or null. */
    private long[] takePending() {
        long[] lines = pending;
        pending = null;
        return lines;
    }

    private void frameRendered(long[] lines, long now) {
        for (long line = Math.max(0, lines[0]); line <= lines[1] && line < written.length; line++) {
            long at = written[(int) line];
            if (at != 0) {
                latencies.recordValue(Math.min(Math.max(0, now - at), 10_000_000_000L));
                long arrival = arrived[(int) line];
                if (arrival != 0 && writtenEpoch[(int) line] != 0) {
                    toArrival.recordValue(Math.min(Math.max(0, arrival - writtenEpoch[(int) line]), 10_000_000_000L));
                }
            }
        }
    }

    /** The latencies since the last call (the first call starts the measurement). */
    Histogram sinceLastCall() {
        return latencies.getIntervalHistogram();
    }

    /** The part from the write to the reading's time stamp (the pty and the adapter), since the last call. */
    Histogram toArrivalSinceLastCall() {
        return toArrival.getIntervalHistogram();
    }

    /** Stops probing; on the JavaFX thread. */
    void detach() {
        pulse.remove(listener);
        frames.detach();
    }
}
