package dev.benchwatch.app;

/**
 * Turns SIGTERM and SIGINT into an orderly stop: the headless commands flush what they hold and exit 0,
 * as a service manager expects, instead of the JVM's default exit status 143 or 130.
 */
final class StopSignals {
    private StopSignals() {
    }

    /** Runs {@code stop} (on a signal thread) when the process is asked to terminate. */
    static void onTermination(Runnable stop) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> stop.run());
            } catch (IllegalArgumentException unavailable) {
                // not on this platform (or the JVM reserves it): the JVM's default handling stays
            }
        }
    }
}
