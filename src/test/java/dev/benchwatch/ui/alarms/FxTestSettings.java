package dev.benchwatch.ui.alarms;

/**
 * System properties for JavaFX tests under Xvfb (no GPU): the software pipeline, so pixels are the same
 * on every machine, and TestFX's Glass robot, which needs no AWT.
 */
final class FxTestSettings {
    private FxTestSettings() {
    }

    static void apply() {
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("testfx.robot", "glass");
    }
}
