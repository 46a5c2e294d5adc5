package dev.benchwatch.device.archfixture;

import javafx.archfixture.FakeNode;

/** Deliberately breaks the JavaFX rule: the architecture tests must flag it. Never used otherwise. */
public class DeviceThatDrawsWithJavaFx {
    public FakeNode draw() {
        return new FakeNode();
    }
}
