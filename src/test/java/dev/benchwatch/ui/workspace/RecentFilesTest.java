package dev.benchwatch.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentFilesTest {
    @TempDir
    Path dir;

    @Test
    void mostRecentFirstWithoutDuplicatesAndKeptAcrossRuns() throws Exception {
        Path store = dir.resolve("settings/recent-workspaces.txt");
        Path a = Files.writeString(dir.resolve("a.json"), "{}");
        Path b = Files.writeString(dir.resolve("b.json"), "{}");
        RecentFiles recent = RecentFiles.load(store);
        recent.add(a);
        recent.add(b);
        recent.add(a);
        assertThat(recent.paths()).containsExactly(a.toAbsolutePath(), b.toAbsolutePath());
        assertThat(RecentFiles.load(store).paths()).containsExactly(a.toAbsolutePath(), b.toAbsolutePath());
    }

    @Test
    void keepsAtMostEightAndForgetsFilesThatAreGone() throws Exception {
        Path store = dir.resolve("recent.txt");
        RecentFiles recent = RecentFiles.load(store);
        for (int i = 0; i < 10; i++) {
            recent.add(Files.writeString(dir.resolve("w" + i + ".json"), "{}"));
        }
        assertThat(recent.paths()).hasSize(RecentFiles.MAX).first().isEqualTo(dir.resolve("w9.json").toAbsolutePath());
        Files.delete(dir.resolve("w9.json"));
        assertThat(RecentFiles.load(store).paths()).hasSize(RecentFiles.MAX - 1)
                .doesNotContain(dir.resolve("w9.json").toAbsolutePath());
    }

    @Test
    void anUnreadableStoreGivesAnEmptyList() throws Exception {
        Path store = Files.createDirectories(dir.resolve("not-a-file"));
        assertThat(RecentFiles.load(store).paths()).isEmpty();
    }
}
