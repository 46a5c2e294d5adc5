package dev.benchwatch.ui.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * What the two cursors read: a header row, the time at A and B and their difference, then for each
 * visible series its value at A, at B and B - A (a series' value at a time is its newest point at or
 * before it). Rows of four cells: label, A, B, delta; "-" where a cursor is not placed or a series has
 * no value there.
 */
public final class CursorReadout {
    private final List<String[]> rows = new ArrayList<>();

    /**
     * Recomputes the rows.
     *
     * @param cursorA cursor A's time (ns), or null when not placed
     * @param cursorB cursor B's time (ns), or null when not placed
     */
    public void update(List<ChartSeries> series, Long cursorA, Long cursorB, TimeAxisMode mode, long origin,
                       TimeLabels labels, long span) {
        rows.clear();
        if (cursorA == null && cursorB == null) {
            return;
        }
        boolean fine = span < 10_000_000L;
        rows.add(new String[] {"", "A", "B", "B - A"});
        rows.add(new String[] {"time",
            cursorA == null ? "-" : labels.instant(mode, cursorA, origin, fine),
            cursorB == null ? "-" : labels.instant(mode, cursorB, origin, fine),
            cursorA == null || cursorB == null ? "-" : TimeLabels.duration(cursorB - cursorA)});
        for (ChartSeries s : series) {
            if (!s.isVisible()) {
                continue;
            }
            double a = cursorA == null ? Double.NaN : s.valueAt(cursorA);
            double b = cursorB == null ? Double.NaN : s.valueAt(cursorB);
            double delta = b - a;
            rows.add(new String[] {s.name(), AxisTicks.significant(a), AxisTicks.significant(b),
                AxisTicks.delta(delta, a, b)});
        }
    }

    /** The rows, header first; empty when no cursor is placed. */
    public List<String[]> rows() {
        return rows;
    }

    /** The row of a series by name, or null. */
    public String[] row(String label) {
        for (String[] row : rows) {
            if (row[0].equals(label)) {
                return row;
            }
        }
        return null;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
