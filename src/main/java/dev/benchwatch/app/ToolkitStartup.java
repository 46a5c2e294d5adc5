package dev.benchwatch.app;

import javafx.application.Platform;

/**
 * Starts the JavaFX toolkit on a thread of its own, so that GTK's start (a few hundred milliseconds on a cold
 * JVM) overlaps reading the workspace and starting the engine and devices instead of following them.
 */
final class ToolkitStartup {
    private final Thread thread;
    private volatile UnsupportedOperationException noDisplay;

    private ToolkitStartup() {
        thread = new Thread(this::start, "javafx-startup");
        thread.setDaemon(true);
    }

    private static ToolkitStartup begun;

    /**
     * Starts the toolkit in the background, or returns the start already begun (the command line begins it
     * before parsing its arguments when they can only mean the console); {@link #await} says how it went.
     */
    static synchronized ToolkitStartup begin() {
        if (begun == null) {
            begun = new ToolkitStartup();
            begun.thread.start();
        }
        return begun;
    }

    private void start() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // a test started the toolkit already
        } catch (UnsupportedOperationException e) {
            noDisplay = e;
        }
    }

    /** Waits for the toolkit; null once it runs, else why it cannot (no display). */
    String await() throws InterruptedException {
        thread.join();
        return noDisplay == null ? null : noDisplay.getMessage();
    }
}
