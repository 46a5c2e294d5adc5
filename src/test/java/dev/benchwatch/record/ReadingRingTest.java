package dev.benchwatch.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReadingRingTest {
    @Test
    void handsReadingsOverInOrderAcrossTheWrapAndKeepsTheDerivedFlag() {
        ReadingRing ring = new ReadingRing(4);
        int[] ch = new int[4];
        long[] ts = new long[4];
        double[] vs = new double[4];
        long next = 0;
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < 3; i++) {
                ring.accepted(7, next, next * 0.5, i == 1);
                next++;
            }
            assertThat(ring.drainTo(ch, ts, vs, 4)).isEqualTo(3);
            for (int i = 0; i < 3; i++) {
                long expected = next - 3 + i;
                assertThat(ts[i]).isEqualTo(expected);
                assertThat(vs[i]).isEqualTo(expected * 0.5);
                assertThat(ch[i]).isEqualTo(i == 1 ? ~7 : 7);
            }
        }
        assertThat(ring.offered()).isEqualTo(30);
        assertThat(ring.lost()).isZero();
    }

    @Test
    void countsWhatItCannotTakeWhenFullAndNeverOverwrites() {
        ReadingRing ring = new ReadingRing(4);
        for (int i = 0; i < 10; i++) {
            ring.accepted(1, i, i, false);
        }
        assertThat(ring.size()).isEqualTo(4);
        assertThat(ring.lost()).isEqualTo(6);
        assertThat(ring.offered()).isEqualTo(10);
        long[] ts = new long[8];
        assertThat(ring.drainTo(new int[8], ts, new double[8], 8)).isEqualTo(4);
        assertThat(ts).startsWith(0, 1, 2, 3); // the oldest are kept: what was taken is never overwritten
        ring.accepted(1, 10, 10, false);
        assertThat(ring.size()).isEqualTo(1);
    }

    @Test
    void rejectsACapacityThatIsNotAPowerOfTwo() {
        assertThatThrownBy(() -> new ReadingRing(1000)).hasMessageContaining("power of two");
    }
}
