package dev.benchwatch.engine.window;

/**
 * A monotonic deque for a sliding maximum: keys (increasing) and values of the entries that can still
 * become the maximum, values decreasing from front to back. Keeps its own small growable ring (on
 * ordinary signals it holds a handful of entries), so finding the maximum never touches the window's ring.
 * A sliding minimum is a MaxDeque of negated values.
 */
final class MaxDeque {
    private long[] sequences = new long[16];
    private double[] values = new double[16];
    private int mask = 15;
    private long head;
    private long tail;

    void push(long sequence, double value) {
        while (tail > head && values[(int) (tail - 1) & mask] <= value) {
            tail--;
        }
        if (tail - head == sequences.length) {
            grow();
        }
        int index = (int) tail++ & mask;
        sequences[index] = sequence;
        values[index] = value;
    }

    /** The reading with this sequence number left the window. */
    void evict(long sequence) {
        if (tail > head && sequences[(int) head & mask] == sequence) {
            head++;
        }
    }

    boolean isEmpty() {
        return tail == head;
    }

    double max() {
        return values[(int) head & mask];
    }

    void clear() {
        head = 0;
        tail = 0;
    }

    private void grow() {
        int size = sequences.length * 2;
        long[] newSequences = new long[size];
        double[] newValues = new double[size];
        int newMask = size - 1;
        for (long i = head; i < tail; i++) {
            newSequences[(int) i & newMask] = sequences[(int) i & mask];
            newValues[(int) i & newMask] = values[(int) i & mask];
        }
        sequences = newSequences;
        values = newValues;
        mask = newMask;
    }
}
