package dev.benchwatch.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowLayoutTest {
    @TempDir
    Path dir;

    @Test
    void aSavedLayoutComesBackAndADamagedOneGivesTheDefaults() throws Exception {
        Path file = dir.resolve("config/benchwatch/console-layout.properties");
        WindowLayout layout = new WindowLayout(40, 60, 1280, 800, false, Theme.LIGHT, 0.5, 0.6);
        layout.save(file);
        assertThat(WindowLayout.load(file)).isEqualTo(layout);

        Files.writeString(file, "width=abc\ntheme=purple\n");
        assertThat(WindowLayout.load(file)).isEqualTo(WindowLayout.DEFAULT);
        Files.writeString(file, "width=100\nheight=50\nleftDivider=7\n");
        WindowLayout clamped = WindowLayout.load(file);
        assertThat(clamped.width()).isEqualTo(640);
        assertThat(clamped.height()).isEqualTo(480);
        assertThat(clamped.leftDivider()).isEqualTo(WindowLayout.DEFAULT.leftDivider());
        assertThat(WindowLayout.load(dir.resolve("missing"))).isEqualTo(WindowLayout.DEFAULT);
    }
}
