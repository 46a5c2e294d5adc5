package dev.benchwatch.ui;

/**
 * System properties for JavaFX tests under Xvfb (no GPU): the software pipeline, so pixels are the same
 * on every machine, and TestFX's Glass robot, which needs no AWT. Call before the toolkit starts.
 */
public final class FxTestSettings {
    private FxTestSettings() {
    }

    public static void apply() {
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("testfx.robot", "glass");
    }
}
