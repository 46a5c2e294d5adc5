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

    /** Starts the toolkit in the background; {@link #await} says how it went. */
    static ToolkitStartup begin() {
        ToolkitStartup startup = new ToolkitStartup();
        startup.thread.start();
        return startup;
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
