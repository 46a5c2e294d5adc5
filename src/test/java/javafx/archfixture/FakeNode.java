package javafx.archfixture;

/** Stands in for a JavaFX class (the package name is what the rule looks at). Test fixture only. */
public class FakeNode {
}
