package dev.benchwatch.ui.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The workspaces opened or saved lately, most recent first, kept in a text file in the user's settings
 * directory (one absolute path per line). Files that no longer exist are left out when read.
 */
public final class RecentFiles {
    /** How many the File menu lists. */
    public static final int MAX = 8;

    private final Path store;
    private final List<Path> paths = new ArrayList<>();

    private RecentFiles(Path store) {
        this.store = store;
    }

    /** The list kept in {@code store}; empty when it does not exist yet or cannot be read. */
    public static RecentFiles load(Path store) {
        RecentFiles recent = new RecentFiles(store);
        if (store != null && Files.isReadable(store)) {
            try {
                for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && recent.paths.size() < MAX) {
                        Path path = Path.of(line.strip());
                        if (Files.isRegularFile(path) && !recent.paths.contains(path)) {
                            recent.paths.add(path);
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                System.getLogger(RecentFiles.class.getName()).log(System.Logger.Level.WARNING,
                        "could not read the recent workspaces in " + store + ": " + e.getMessage());
            }
        }
        return recent;
    }

    /** Most recent first. */
    public List<Path> paths() {
        return List.copyOf(paths);
    }

    /** Puts {@code file} first and saves the list (a failure to save is logged: the list is a convenience). */
    public void add(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        paths.remove(absolute);
        paths.add(0, absolute);
        while (paths.size() > MAX) {
            paths.remove(paths.size() - 1);
        }
        if (store == null) {
            return;
        }
        try {
            Files.createDirectories(store.toAbsolutePath().getParent());
            Files.write(store, paths.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.getLogger(RecentFiles.class.getName()).log(System.Logger.Level.WARNING,
                    "could not remember the recent workspaces in " + store + ": " + e.getMessage());
        }
    }
}
