package dev.benchwatch.ui.triggers.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.workspace.trigger.TriggerEpisode;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreviewCaptionTest {
    private static final long S = 1_000_000_000L;

    @Test
    void countsFiringsAndSaysTheSpanAsAPersonWould() {
        List<TriggerEpisode> episodes = List.of(new TriggerEpisode(-1, 1, 2, 0), new TriggerEpisode(3, 4, 5, 0),
                new TriggerEpisode(6, 7, 8, 0));
        assertThat(PreviewCaption.of(episodes, 120 * S)).isEqualTo("would have fired 3 times in the last 2 min 00 s");
        assertThat(PreviewCaption.of(episodes.subList(0, 1), 45 * S)).isEqualTo("would have fired once in the last 45 s");
    }

    @Test
    void saysWhenItWouldNotHaveFiredAndMentionsPendingSpansAndAnOpenEpisode() {
        assertThat(PreviewCaption.of(List.of(), 90 * S)).isEqualTo("would not have fired in the last 1 min 30 s");
        assertThat(PreviewCaption.of(List.of(new TriggerEpisode(1, -1, 2, 0), new TriggerEpisode(3, -1, 4, 0)),
                30 * S)).isEqualTo("would not have fired in the last 30 s (pending twice without firing)");
        assertThat(PreviewCaption.of(List.of(new TriggerEpisode(1, -1, 2, 0), new TriggerEpisode(-1, 3, -1, 0)),
                3_900 * S)).isEqualTo("would have fired once in the last 1 h 05 min (also pending once without "
                + "firing); firing now");
    }

    @Test
    void aRecordingIsSpokenOfAsARecordingNotAsTheLastMinutes() {
        List<TriggerEpisode> open = List.of(new TriggerEpisode(1, 2, 3, 0), new TriggerEpisode(-1, 4, -1, 0));
        assertThat(PreviewCaption.of(open, 3 * S, true))
                .isEqualTo("would have fired twice in 3 s of recording; firing at the end");
        assertThat(PreviewCaption.of(List.of(), 90 * S, true)).isEqualTo("would not have fired in 1 min 30 s of recording");
    }

    @Test
    void durations() {
        assertThat(PreviewCaption.duration(850_000_000L)).isEqualTo("850 ms");
        assertThat(PreviewCaption.duration(119_900_000_000L)).isEqualTo("2 min 00 s");
        assertThat(PreviewCaption.duration(61 * S)).isEqualTo("1 min 01 s");
        assertThat(PreviewPainter.relative(60 * S, 15 * S)).isEqualTo("-60 s");
        assertThat(PreviewPainter.relative(120 * S, 60 * S)).isEqualTo("-2 min");
        assertThat(PreviewPainter.relative(0, 60 * S)).isEqualTo("now");
    }
}
