package dev.benchwatch.ui.triggers.editor;

/** How a firing trigger clears: when WHEN stops holding, or when a separate condition holds (hysteresis). */
public enum ClearMode {
    AUTOMATIC("automatically"), CONDITION("when a condition holds");

    private final String label;

    ClearMode(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
