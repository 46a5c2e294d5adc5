package dev.benchwatch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChannelHistoryTest {

    private static long[] timestamps(ChannelHistory history) {
        long[] ts = new long[history.capacity()];
        double[] values = new double[history.capacity()];
        int n = history.copyTo(ts, values);
        return Arrays.copyOf(ts, n);
    }

    private static double[] values(ChannelHistory history) {
        long[] ts = new long[history.capacity()];
        double[] values = new double[history.capacity()];
        int n = history.copyTo(ts, values);
        return Arrays.copyOf(values, n);
    }

    @Test
    void rejectsBadConfiguration() {
        assertThatThrownBy(() -> new ChannelHistory(0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capacity").hasMessageContaining("0");
        assertThatThrownBy(() -> new ChannelHistory(4, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("age").hasMessageContaining("-1");
    }

    @Test
    void emptyHistory() {
        ChannelHistory history = new ChannelHistory(4, 0);
        assertThat(history.capacity()).isEqualTo(4);
        assertThat(history.size()).isZero();
        assertThat(history.appended()).isZero();
        assertThat(history.latest()).isNaN();
        assertThat(timestamps(history)).isEmpty();
    }

    @Test
    void keepsTheLastCapacityReadingsOldestFirst() {
        ChannelHistory history = new ChannelHistory(5, 0);
        for (int i = 0; i < 3; i++) {
            history.append(100 + i, i * 1.5);
        }
        assertThat(history.size()).isEqualTo(3);
        assertThat(timestamps(history)).containsExactly(100, 101, 102);
        assertThat(values(history)).containsExactly(0, 1.5, 3);
        for (int i = 3; i < 23; i++) { // four laps of the ring
            history.append(100 + i, i * 1.5);
            assertThat(history.latest()).isEqualTo(i * 1.5);
        }
        assertThat(history.size()).isEqualTo(5);
        assertThat(history.appended()).isEqualTo(23);
        assertThat(timestamps(history)).containsExactly(118, 119, 120, 121, 122);
        assertThat(values(history)).containsExactly(27, 28.5, 30, 31.5, 33);
    }

    @Test
    void capacityOfOneKeepsOnlyTheLatest() {
        ChannelHistory history = new ChannelHistory(1, 0);
        history.append(1, 10);
        history.append(2, 20);
        history.append(3, 30);
        assertThat(history.size()).isEqualTo(1);
        assertThat(timestamps(history)).containsExactly(3);
        assertThat(history.latest()).isEqualTo(30);
    }

    /** "Older than maxAge behind the newest" is dropped; exactly maxAge behind is kept. */
    @Test
    void dropsReadingsOlderThanMaxAgeBehindTheNewest() {
        ChannelHistory history = new ChannelHistory(100, 10);
        history.append(0, 0);
        history.append(5, 1);
        history.append(10, 2); // 0 is exactly 10 behind: kept
        assertThat(timestamps(history)).containsExactly(0, 5, 10);
        history.append(11, 3); // 0 is 11 behind: dropped
        assertThat(timestamps(history)).containsExactly(5, 10, 11);
        history.append(100, 4); // a long silence leaves only the newest
        assertThat(timestamps(history)).containsExactly(100);
        assertThat(history.size()).isEqualTo(1);
        assertThat(history.latest()).isEqualTo(4);
        assertThat(history.appended()).isEqualTo(5);
    }

    @Test
    void countAndAgeTogetherKeepTheStricterOfTheTwo() {
        ChannelHistory history = new ChannelHistory(3, 100);
        for (int i = 0; i < 10; i++) {
            history.append(i, i); // age never binds: count does
        }
        assertThat(timestamps(history)).containsExactly(7, 8, 9);
        history.append(150, 10); // age binds: 7, 8, 9 are more than 100 behind 150
        history.append(160, 11);
        assertThat(timestamps(history)).containsExactly(150, 160);
        history.append(170, 12);
        history.append(180, 13); // count binds again
        assertThat(timestamps(history)).containsExactly(160, 170, 180);
    }

    /** Any sequence of appends matches a bounded deque trimmed by count and by age. */
    @Property(tries = 300)
    void matchesADequeTrimmedByCountAndAge(@ForAll @IntRange(min = 1, max = 20) int capacity,
                                          @ForAll @LongRange(min = 0, max = 40) long maxAge,
                                          @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 12) Integer> gaps) {
        ChannelHistory history = new ChannelHistory(capacity, maxAge);
        ArrayDeque<long[]> model = new ArrayDeque<>();
        long ts = 1_000;
        long[] outTs = new long[capacity];
        double[] outValues = new double[capacity];
        for (int i = 0; i < gaps.size(); i++) {
            ts += gaps.get(i);
            history.append(ts, i);
            model.addLast(new long[] {ts, i});
            if (model.size() > capacity) {
                model.removeFirst();
            }
            while (maxAge > 0 && model.peekFirst()[0] < ts - maxAge) {
                model.removeFirst();
            }
            int n = history.copyTo(outTs, outValues);
            assertThat(n).isEqualTo(model.size()).isEqualTo(history.size());
            int k = 0;
            for (long[] r : model) {
                assertThat(outTs[k]).as("timestamp #%d after append %d", k, i).isEqualTo(r[0]);
                assertThat(outValues[k]).as("value #%d after append %d", k, i).isEqualTo((double) r[1]);
                k++;
            }
            assertThat(history.latest()).isEqualTo(i);
            assertThat(history.appended()).isEqualTo(i + 1);
        }
    }

    /**
     * One writer appends (step * t, step * t) for t = 0, 1, 2, ... as fast as it can while two readers copy.
     * Every copy must be a consistent snapshot: values equal to their timestamps (no torn pairs), timestamps
     * strictly increasing and consecutive (no slot overwritten by a newer reading mid-copy), between 1 and
     * capacity readings (never empty, never negative, once something was appended), never older than the
     * reader's previous copy; latest() never NaN and never going back. Small capacities make the writer
     * reuse the slot a reader is copying as often as possible; a max age of 1 with step 2 keeps only the
     * newest reading, so head moves with every append.
     */
    @ParameterizedTest(name = "capacity {0}, max age {1}, step {2}")
    @CsvSource({"2, 0, 1", "5, 0, 1", "64, 0, 1", "64, 1, 2", "64, 10, 1"})
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void concurrentCopiesAreConsistent(int capacity, long maxAge, long step) throws Exception {
        String failure = runConcurrently(capacity, maxAge, step, false);
        assertThat(failure).isNull();
    }

    /**
     * Stricter, for retention by count: once full, a copy holds all {@code capacity} readings, not one fewer
     * because the writer was half-way through an append (the history never holds fewer once full).
     */
    @ParameterizedTest(name = "capacity {0}, max age {1}, step {2}")
    @CsvSource({"2, 0, 1", "64, 0, 1"})
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void concurrentCopiesAreComplete(int capacity, long maxAge, long step) throws Exception {
        String failure = runConcurrently(capacity, maxAge, step, true);
        assertThat(failure).isNull();
    }

    private static String runConcurrently(int capacity, long maxAge, long step, boolean requireComplete)
            throws InterruptedException {
        ChannelHistory history = new ChannelHistory(capacity, maxAge);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<String> failure = new AtomicReference<>();
        AtomicLong copies = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        Thread writer = Thread.ofPlatform().daemon(true).name("history-writer").start(() -> {
            try {
                start.await();
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
                long t = 0;
                while (System.nanoTime() < deadline && failure.get() == null) {
                    for (int i = 0; i < 1_000; i++, t += step) {
                        history.append(t, t);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                writing.set(false);
            }
        });
        long retainedByAge = maxAge > 0 ? maxAge / step + 1 : Long.MAX_VALUE;
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            readers.add(Thread.ofPlatform().daemon(true).name("history-reader-" + r).start(() -> {
                long[] ts = new long[capacity];
                double[] values = new double[capacity];
                long previousNewest = -1;
                double previousLatest = Double.NEGATIVE_INFINITY;
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                while (writing.get() && failure.get() == null) {
                    int n = history.copyTo(ts, values);
                    copies.incrementAndGet();
                    String problem = checkCopy(ts, values, n, capacity, step, previousNewest);
                    if (problem == null && requireComplete && n > 0) {
                        long expected = Math.min(Math.min(capacity, retainedByAge), ts[n - 1] / step + 1);
                        if (n != expected) {
                            problem = "incomplete copy: " + n + " readings up to t=" + ts[n - 1] + ", the history held "
                                    + expected + ": " + describe(ts, values, n);
                        }
                    }
                    if (problem != null) {
                        failure.compareAndSet(null, problem + " (copy #" + copies.get() + ")");
                        return;
                    }
                    if (n > 0) {
                        previousNewest = ts[n - 1];
                    }
                    double latest = history.latest();
                    if (previousNewest >= 0 && Double.isNaN(latest)) {
                        failure.compareAndSet(null, "latest() is NaN after t=" + previousNewest + " was copied");
                        return;
                    }
                    if (latest < previousLatest) {
                        failure.compareAndSet(null, "latest() went back from " + previousLatest + " to " + latest);
                        return;
                    }
                    previousLatest = latest;
                }
            }));
        }
        start.countDown();
        writer.join(TimeUnit.SECONDS.toMillis(20));
        for (Thread reader : readers) {
            reader.join(TimeUnit.SECONDS.toMillis(5));
            if (reader.isAlive()) {
                return reader.getName() + " is stuck in copyTo or latest";
            }
        }
        if (failure.get() == null && copies.get() == 0) {
            return "no copies made";
        }
        return failure.get();
    }

    private static String checkCopy(long[] ts, double[] values, int n, int capacity, long step, long previousNewest) {
        if (n < 0 || n > capacity) {
            return "copyTo returned " + n + " for a history of capacity " + capacity;
        }
        if (n == 0) {
            return previousNewest >= 0 ? "empty copy after t=" + previousNewest + " had been copied" : null;
        }
        for (int k = 0; k < n; k++) {
            if (values[k] != ts[k]) {
                return "torn reading at #" + k + ": " + describe(ts, values, n);
            }
            if (k > 0 && ts[k] != ts[k - 1] + step) {
                return "not strictly increasing and consecutive at #" + k + ": " + describe(ts, values, n);
            }
        }
        if (ts[n - 1] < previousNewest) {
            return "went back from t=" + previousNewest + ": " + describe(ts, values, n);
        }
        return null;
    }

    @Test
    void copySinceCopiesOnlyWhatIsNew() {
        ChannelHistory history = new ChannelHistory(10, 0);
        ChannelHistory.ReadCursor cursor = new ChannelHistory.ReadCursor();
        long[] ts = new long[10];
        double[] values = new double[10];
        assertThat(history.copySince(cursor, ts, values, 10)).isZero();
        assertThat(cursor.nextSequence()).isZero();
        for (int i = 0; i < 4; i++) {
            history.append(100 + i, i);
        }
        assertThat(history.copySince(cursor, ts, values, 10)).isEqualTo(4);
        assertThat(Arrays.copyOf(ts, 4)).containsExactly(100, 101, 102, 103);
        assertThat(cursor.firstSequence()).isZero();
        assertThat(cursor.nextSequence()).isEqualTo(4);
        assertThat(history.copySince(cursor, ts, values, 10)).isZero();
        history.append(104, 4);
        assertThat(history.copySince(cursor, ts, values, 10)).isEqualTo(1);
        assertThat(ts[0]).isEqualTo(104);
        assertThat(values[0]).isEqualTo(4);
        assertThat(cursor.firstSequence()).isEqualTo(4);
        assertThat(cursor.skipped()).isZero();
    }

    @Test
    void copySinceContinuesWhereASmallCopyStopped() {
        ChannelHistory history = new ChannelHistory(10, 0);
        for (int i = 0; i < 7; i++) {
            history.append(i, i);
        }
        ChannelHistory.ReadCursor cursor = new ChannelHistory.ReadCursor();
        long[] ts = new long[3];
        double[] values = new double[3];
        assertThat(history.copySince(cursor, ts, values, 3)).isEqualTo(3);
        assertThat(ts).containsExactly(0, 1, 2);
        assertThat(history.copySince(cursor, ts, values, 3)).isEqualTo(3);
        assertThat(ts).containsExactly(3, 4, 5);
        assertThat(history.copySince(cursor, ts, values, 2)).isEqualTo(1);
        assertThat(ts[0]).isEqualTo(6);
        assertThat(cursor.totalSkipped()).isZero();
    }

    @Test
    void copySinceSaysWhatItMissedWhenTheReaderFellBehind() {
        ChannelHistory history = new ChannelHistory(4, 0);
        ChannelHistory.ReadCursor cursor = new ChannelHistory.ReadCursor();
        long[] ts = new long[4];
        double[] values = new double[4];
        for (int i = 0; i < 10; i++) {
            history.append(i, i);
        }
        assertThat(history.copySince(cursor, ts, values, 4)).isEqualTo(4);
        assertThat(ts).containsExactly(6, 7, 8, 9);
        assertThat(cursor.firstSequence()).isEqualTo(6);
        assertThat(cursor.skipped()).isEqualTo(6);
        assertThat(cursor.totalSkipped()).isEqualTo(6);
        assertThat(cursor.nextSequence()).isEqualTo(10);
    }

    @Test
    void copySinceSkipsReadingsDroppedByAge() {
        ChannelHistory history = new ChannelHistory(100, 10);
        ChannelHistory.ReadCursor cursor = new ChannelHistory.ReadCursor();
        long[] ts = new long[100];
        double[] values = new double[100];
        history.append(0, 0);
        history.append(5, 1);
        history.append(100, 2); // drops the two before
        assertThat(history.copySince(cursor, ts, values, 100)).isEqualTo(1);
        assertThat(ts[0]).isEqualTo(100);
        assertThat(cursor.firstSequence()).isEqualTo(2);
        assertThat(cursor.skipped()).isEqualTo(2);
    }

    @Test
    void cursorStartingAtTheEndSeesOnlyLaterReadings() {
        ChannelHistory history = new ChannelHistory(8, 0);
        history.append(1, 1);
        history.append(2, 2);
        ChannelHistory.ReadCursor cursor = new ChannelHistory.ReadCursor(history.appended());
        long[] ts = new long[8];
        double[] values = new double[8];
        assertThat(history.copySince(cursor, ts, values, 8)).isZero();
        history.append(3, 3);
        assertThat(history.copySince(cursor, ts, values, 8)).isEqualTo(1);
        assertThat(ts[0]).isEqualTo(3);
        assertThatThrownBy(() -> new ChannelHistory.ReadCursor(-1)).hasMessageContaining("-1");
    }

    /** Interleaved appends and copies of any size: copied + skipped readings are exactly all readings, in order. */
    @Property(tries = 300)
    void copySinceSeesEveryReadingOnceOrCountsItAsSkipped(
            @ForAll @IntRange(min = 1, max = 20) int capacity,
            @ForAll @Size(max = 100) List<@IntRange(min = 0, max = 30) Integer> appendsBetweenCopies,
            @ForAll @IntRange(min = 1, max = 25) int max) {
        ChannelHistory history = new ChannelHistory(capacity, 0);
        ChannelHistory.ReadCursor cursor = new ChannelHistory.ReadCursor();
        long[] ts = new long[max];
        double[] values = new double[max];
        long next = 0;
        long expectedNext = 0;
        for (int appends : appendsBetweenCopies) {
            for (int i = 0; i < appends; i++, next++) {
                history.append(next, next);
            }
            int n = history.copySince(cursor, ts, values, max);
            long oldestHeld = Math.max(0, next - capacity);
            long first = Math.max(expectedNext, oldestHeld);
            assertThat(n).isEqualTo((int) Math.min(max, next - first));
            if (n > 0) {
                assertThat(cursor.firstSequence()).isEqualTo(first);
                assertThat(cursor.skipped()).isEqualTo(first - expectedNext);
            }
            for (int k = 0; k < n; k++) {
                assertThat(ts[k]).isEqualTo(first + k);
                assertThat(values[k]).isEqualTo((double) (first + k));
            }
            expectedNext = n > 0 ? first + n : expectedNext;
            assertThat(cursor.nextSequence()).isEqualTo(expectedNext);
        }
        while (history.copySince(cursor, ts, values, max) > 0) {
            // drain
        }
        assertThat(cursor.nextSequence()).isEqualTo(next);
    }

    /**
     * A writer appends (t, t) for t = 0, 1, 2, ... while a reader follows with copySince: every copy is
     * consecutive and untorn, starts exactly where the previous one stopped unless it says it skipped, and
     * copied + skipped readings add up to everything appended.
     */
    @ParameterizedTest(name = "capacity {0}, max {1}")
    @CsvSource({"2, 2", "5, 3", "64, 64", "64, 7", "4096, 1000"})
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void concurrentCopySinceIsConsistentAndAccountsForEveryReading(int capacity, int max) throws Exception {
        ChannelHistory history = new ChannelHistory(capacity, 0);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<String> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        Thread writer = Thread.ofPlatform().daemon(true).name("history-writer").start(() -> {
            try {
                start.await();
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(400);
                long t = 0;
                while (System.nanoTime() < deadline) {
                    for (int i = 0; i < 1_000; i++, t++) {
                        history.append(t, t);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                writing.set(false);
            }
        });
        ChannelHistory.ReadCursor cursor = new ChannelHistory.ReadCursor();
        long[] ts = new long[max];
        double[] values = new double[max];
        long copied = 0;
        long copies = 0;
        start.countDown();
        boolean last = false;
        while (failure.get() == null) {
            boolean done = !writing.get();
            long before = cursor.nextSequence();
            int n = history.copySince(cursor, ts, values, max);
            copies++;
            if (n < 0 || n > max) {
                failure.set("copySince returned " + n);
                break;
            }
            if (n > 0) {
                long first = cursor.firstSequence();
                if (first != before + cursor.skipped()) {
                    failure.set("first " + first + " is not " + before + " + skipped " + cursor.skipped());
                }
                for (int k = 0; k < n && failure.get() == null; k++) {
                    if (ts[k] != first + k || values[k] != ts[k]) {
                        failure.set("copy #" + copies + " from " + first + ": reading #" + k + " is (" + ts[k] + ", "
                                + values[k] + "): " + describe(ts, values, n));
                    }
                }
                copied += n;
            }
            if (last && n == 0) {
                break;
            }
            last = done;
        }
        writer.join(TimeUnit.SECONDS.toMillis(20));
        assertThat(failure.get()).isNull();
        assertThat(cursor.nextSequence()).isEqualTo(history.appended());
        assertThat(copied + cursor.totalSkipped()).isEqualTo(history.appended());
        assertThat(copies).isGreaterThan(1);
    }

    private static String describe(long[] ts, double[] values, int n) {
        StringBuilder sb = new StringBuilder("[");
        for (int k = 0; k < Math.min(n, 8); k++) {
            sb.append(k == 0 ? "" : ", ").append('(').append(ts[k]).append(", ").append(values[k]).append(')');
        }
        return sb.append(n > 8 ? ", ...]" : "]").toString();
    }
}
