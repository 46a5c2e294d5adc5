package dev.benchwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDirectoryTest {
    @Test
    void settingsLiveWhereEachPlatformKeepsThem() {
        assertThat(ConfigDirectory.resolve(Map.of("XDG_CONFIG_HOME", "/x/cfg"), "/home/ann", "Linux"))
                .isEqualTo(Path.of("/x/cfg/benchwatch"));
        assertThat(ConfigDirectory.resolve(Map.of(), "/home/ann", "Linux")).isEqualTo(Path.of("/home/ann/.config/benchwatch"));
        assertThat(ConfigDirectory.resolve(Map.of(), "/Users/ann", "Mac OS X"))
                .isEqualTo(Path.of("/Users/ann/Library/Application Support/Benchwatch"));
        assertThat(ConfigDirectory.resolve(Map.of("APPDATA", "C:/Users/ann/AppData/Roaming"), "C:/Users/ann", "Windows 11"))
                .isEqualTo(Path.of("C:/Users/ann/AppData/Roaming/Benchwatch"));
    }
}
