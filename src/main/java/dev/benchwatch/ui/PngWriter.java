package dev.benchwatch.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javax.imageio.ImageIO;

/**
 * Writes a JavaFX {@link Image} (a {@code scene.snapshot(null)} or {@code node.snapshot(...)}) as a PNG file
 * without {@code javafx.swing}: the pixels are copied, row by row, into a {@link BufferedImage} through the
 * image's {@link PixelReader} and written with {@link ImageIO}. Colours and transparency are kept exactly
 * (non-premultiplied ARGB). Taking the snapshot needs the JavaFX thread; converting and writing do not.
 */
public final class PngWriter {
    private PngWriter() {
    }

    /** A copy of the image's pixels as an ARGB {@link BufferedImage}. */
    public static BufferedImage toBufferedImage(Image image) {
        PixelReader reader = image.getPixelReader();
        if (reader == null) {
            throw new IllegalArgumentException("image has no readable pixels (still loading, or failed)");
        }
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image is empty: " + width + " x " + height);
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            reader.getPixels(0, y, width, 1, PixelFormat.getIntArgbInstance(), row, 0, width);
            out.setRGB(0, y, width, 1, row, 0, width);
        }
        return out;
    }

    /**
     * Writes the image as a PNG file, creating its directory when needed.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static void write(Image image, Path file) {
        BufferedImage pixels = toBufferedImage(image);
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            if (!ImageIO.write(pixels, "png", file.toFile())) {
                throw new IOException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write PNG " + file + ": " + e.getMessage(), e);
        }
    }
}
