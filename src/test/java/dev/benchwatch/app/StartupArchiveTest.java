package dev.benchwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console launcher's archive: its directory exists before exit, and only a console session's stays. */
class StartupArchiveTest {
    @TempDir
    Path home;
    private Path archive;
    private Path mark;

    @BeforeEach
    void launcherNamesTheArchive() {
        archive = home.resolve(".cache/benchwatch/0.1.0/console.jsa");
        mark = archive.resolveSibling("console.jsa.made-by-console");
        System.setProperty(StartupArchive.PROPERTY, archive.toString());
    }

    @AfterEach
    void clear() {
        System.clearProperty(StartupArchive.PROPERTY);
    }

    @Test
    void theDirectoryIsMadeSoTheJvmCanWriteTheArchiveAtExit() {
        StartupArchive.prepareDirectory();
        assertThat(archive.getParent()).isDirectory();
        assertThat(archive).doesNotExist();
    }

    @Test
    void aConsoleSessionWithoutAnArchiveMarksTheOneItWillWrite() {
        StartupArchive.prepareDirectory();
        StartupArchive.consoleSession();
        assertThat(mark).isRegularFile();
    }

    @Test
    void anArchiveAnotherKindOfRunWroteIsDeletedByTheNextConsoleSession() throws Exception {
        StartupArchive.prepareDirectory(); // e.g. benchwatch-console --version: it writes the archive at exit
        Files.write(archive, new byte[] {1, 2, 3});
        assertThat(mark).doesNotExist();

        StartupArchive.prepareDirectory();
        StartupArchive.consoleSession();
        assertThat(archive).as("left for the next console session to write whole").doesNotExist();
        assertThat(mark).isRegularFile();
    }

    @Test
    void theConsolesOwnArchiveStays() throws Exception {
        StartupArchive.prepareDirectory();
        StartupArchive.consoleSession();
        Files.write(archive, new byte[] {1, 2, 3}); // what the JVM writes when that session ends

        StartupArchive.prepareDirectory();
        StartupArchive.consoleSession();
        assertThat(archive).exists();
    }

    @Test
    void aRunThatWillWriteTheArchiveTakesAwayAnOldMark() throws Exception {
        Files.createDirectories(archive.getParent());
        Files.writeString(mark, "old");
        StartupArchive.prepareDirectory(); // no archive: this run writes one, and it is not a console session
        assertThat(mark).doesNotExist();
    }

    @Test
    void withoutTheLaunchersPropertyNothingIsTouched() {
        System.clearProperty(StartupArchive.PROPERTY);
        StartupArchive.prepareDirectory();
        StartupArchive.consoleSession();
        assertThat(home.resolve(".cache")).doesNotExist();
    }
}
