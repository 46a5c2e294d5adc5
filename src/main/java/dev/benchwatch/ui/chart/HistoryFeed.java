package dev.benchwatch.ui.chart;

import dev.benchwatch.engine.ChannelHistory;

/**
 * Moves a channel's new readings from the engine's {@link ChannelHistory} into a chart's
 * {@link SeriesBuffer}, once per frame, through {@link ChannelHistory#copySince}: no reading is copied
 * twice, nothing is allocated per reading or per frame, and readings the engine dropped before the chart
 * read them (a chart that fell more than the history's capacity behind) are counted in {@link #skipped()}.
 * Call {@link #pull()} on the thread that owns the buffer (the JavaFX thread).
 */
public final class HistoryFeed {
    /** Readings copied per {@code copySince} call: 64 KiB of scratch per feed. */
    public static final int DEFAULT_BATCH = 4096;

    private final ChannelHistory history;
    private final SeriesBuffer target;
    private final ChannelHistory.ReadCursor cursor;
    private final long[] timestamps;
    private final double[] values;
    private long pulled;

    /** A feed that first copies everything the history still holds, then what comes next. */
    public HistoryFeed(ChannelHistory history, SeriesBuffer target) {
        this(history, target, new ChannelHistory.ReadCursor(), DEFAULT_BATCH);
    }

    /**
     * @param cursor where to start: {@code new ReadCursor()} for everything held,
     *               {@code new ReadCursor(history.appended())} for only what comes next
     * @param batch  readings copied per call to the history
     */
    public HistoryFeed(ChannelHistory history, SeriesBuffer target, ChannelHistory.ReadCursor cursor, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        this.history = history;
        this.target = target;
        this.cursor = cursor;
        this.timestamps = new long[batch];
        this.values = new double[batch];
    }

    /**
     * Appends the readings that arrived since the last pull (at most one history's capacity per call, so
     * a writer can never keep a frame busy); returns how many.
     */
    public int pull() {
        int total = 0;
        int limit = Math.max(history.capacity(), timestamps.length);
        int n;
        do {
            n = history.copySince(cursor, timestamps, values, timestamps.length);
            for (int i = 0; i < n; i++) {
                target.append(timestamps[i], values[i]);
            }
            total += n;
        } while (n == timestamps.length && total < limit);
        pulled += total;
        return total;
    }

    public SeriesBuffer target() {
        return target;
    }

    /** Readings moved into the chart so far. */
    public long pulled() {
        return pulled;
    }

    /** Readings the chart never saw because the engine's history had dropped them first. */
    public long skipped() {
        return cursor.totalSkipped();
    }

    /** Readings appended to the history and not pulled yet. */
    public long backlog() {
        return Math.max(0, history.appended() - cursor.nextSequence());
    }
}
