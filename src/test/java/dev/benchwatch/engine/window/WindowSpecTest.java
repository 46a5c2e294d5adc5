package dev.benchwatch.engine.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Window configuration is rejected at once with a message naming the window and the field. */
class WindowSpecTest {

    @Test
    void factoriesSetKindSizeAndCount() {
        assertThat(WindowSpec.slidingTime("a", "ch", Duration.ofSeconds(2)))
                .isEqualTo(new WindowSpec("a", "ch", WindowKind.SLIDING_TIME, 2_000_000_000L, 0));
        assertThat(WindowSpec.tumblingTime("a", "ch", Duration.ofMillis(5)))
                .isEqualTo(new WindowSpec("a", "ch", WindowKind.TUMBLING_TIME, 5_000_000L, 0));
        assertThat(WindowSpec.session("a", "ch", Duration.ofNanos(1)))
                .isEqualTo(new WindowSpec("a", "ch", WindowKind.SESSION, 1, 0));
        assertThat(WindowSpec.count("a", "ch", 10)).isEqualTo(new WindowSpec("a", "ch", WindowKind.COUNT, 0, 10));
    }

    @Test
    void countMustBeBetweenOneAndMax() {
        assertThatThrownBy(() -> WindowSpec.count("last_n", "ch", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("last_n").hasMessageContaining("count");
        assertThatThrownBy(() -> WindowSpec.count("last_n", "ch", WindowSpec.MAX_COUNT + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("last_n");
        assertThat(WindowSpec.count("last_n", "ch", WindowSpec.MAX_COUNT).count()).isEqualTo(WindowSpec.MAX_COUNT);
    }

    @ParameterizedTest
    @EnumSource(value = WindowKind.class, names = {"SLIDING_TIME", "TUMBLING_TIME", "SESSION"})
    void timeWindowsNeedAPositiveSize(WindowKind kind) {
        assertThatThrownBy(() -> new WindowSpec("w1", "ch", kind, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("w1").hasMessageContaining(kind == WindowKind.SESSION ? "gap" : "size");
        assertThatThrownBy(() -> new WindowSpec("w1", "ch", kind, -5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-5");
    }

    @Test
    void idAndChannelMustNotBeBlank() {
        assertThatThrownBy(() -> WindowSpec.count(" ", "ch", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WindowSpec.count(null, "ch", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WindowSpec.count("w", "", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'w'");
        assertThatThrownBy(() -> new WindowSpec("w", "ch", null, 1, 0)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void statKeysAndAliases() {
        for (Stat stat : Stat.values()) {
            assertThat(Stat.fromKey(stat.key())).isEqualTo(stat);
            assertThat(Stat.fromKey(stat.key().toUpperCase())).isEqualTo(stat);
        }
        assertThat(Stat.RATE_OF_CHANGE.key()).isEqualTo("rate_of_change");
        assertThat(Stat.fromKey("std")).isEqualTo(Stat.STDDEV);
        assertThat(Stat.fromKey("rate")).isEqualTo(Stat.RATE_OF_CHANGE);
        assertThat(Stat.fromKey("span")).isEqualTo(Stat.TIME_SPAN);
        assertThatThrownBy(() -> Stat.fromKey("median"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("median").hasMessageContaining("mean");
    }
}
