package dev.benchwatch.ui;

import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;

/** What the console's TestFX tests share: waiting for a condition read on the JavaFX thread, and tidying up. */
public final class FxWait {
    private FxWait() {
    }

    /** Polls {@code condition} on the JavaFX thread until it holds; fails after 30 s naming {@code what}. */
    public static void until(Callable<Boolean> condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!WaitForAsyncUtils.asyncFx(condition).get(5, TimeUnit.SECONDS)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    /** Waits until the console has built every panel (they follow the charts' first frames). */
    public static void wholeConsole(ConsoleWindow window) throws Exception {
        until(() -> window.completeProperty().get(), "the console's panels to be built");
    }

    /**
     * Hides every window that has an owner (the dialogs a test left open, which would catch the next test's
     * lookups), then runs {@code andThen} on the JavaFX thread.
     */
    public static void closeDialogs(Runnable andThen) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            for (Window open : new ArrayList<>(Window.getWindows())) {
                if (open instanceof Stage dialog && dialog.getOwner() != null) {
                    dialog.hide();
                }
            }
            andThen.run();
        }).get(5, TimeUnit.SECONDS);
    }
}
