package dev.benchwatch.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngWriterTest {
    private static final int OPAQUE_RED = 0xFFFF0000;
    private static final int HALF_GREEN = 0x8000FF00;
    private static final int CLEAR = 0x00000000;
    private static final int ODD = 0xFF123456;

    private static WritableImage pattern() {
        WritableImage image = new WritableImage(3, 2);
        PixelWriter w = image.getPixelWriter();
        w.setArgb(0, 0, OPAQUE_RED);
        w.setArgb(1, 0, HALF_GREEN);
        w.setArgb(2, 0, CLEAR);
        w.setArgb(0, 1, ODD);
        w.setArgb(1, 1, 0xFFFFFFFF);
        w.setArgb(2, 1, 0xFF000000);
        return image;
    }

    @Test
    void copiesEveryPixelWithItsAlpha() {
        BufferedImage out = PngWriter.toBufferedImage(pattern());
        assertThat(out.getWidth()).isEqualTo(3);
        assertThat(out.getHeight()).isEqualTo(2);
        assertThat(out.getRGB(0, 0)).isEqualTo(OPAQUE_RED);
        assertThat(out.getRGB(1, 0)).isEqualTo(HALF_GREEN);
        assertThat(out.getRGB(2, 0) >>> 24).isZero();
        assertThat(out.getRGB(0, 1)).isEqualTo(ODD);
        assertThat(out.getRGB(1, 1)).isEqualTo(0xFFFFFFFF);
        assertThat(out.getRGB(2, 1)).isEqualTo(0xFF000000);
    }

    @Test
    void writesAPngThatReadsBackTheSame(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/dir/out.png");
        PngWriter.write(pattern(), file);
        assertThat(Files.readAllBytes(file)).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage back = ImageIO.read(file.toFile());
        assertThat(back.getWidth()).isEqualTo(3);
        assertThat(back.getRGB(0, 0)).isEqualTo(OPAQUE_RED);
        assertThat(back.getRGB(1, 0)).isEqualTo(HALF_GREEN);
        assertThat(back.getRGB(0, 1)).isEqualTo(ODD);
    }

    @Test
    void namesTheFileItCannotWrite(@TempDir Path dir) throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-dir"), "x");
        Path file = blocker.resolve("out.png");
        assertThatThrownBy(() -> PngWriter.write(pattern(), file))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(file.toString());
    }
}
