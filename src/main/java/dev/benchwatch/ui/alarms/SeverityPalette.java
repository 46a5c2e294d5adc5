package dev.benchwatch.ui.alarms;

import dev.benchwatch.engine.trigger.Severity;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

/**
 * The severity accents: mid-tone colours readable on a light and on a dark background, used for the dots
 * beside severity names. Everything else is left to the theme's stylesheet through style classes:
 * {@code severity-info}, {@code severity-warning}, {@code severity-critical}.
 */
final class SeverityPalette {
    static final Color INFO = Color.web("#4c8bd6");
    static final Color WARNING = Color.web("#e09b24");
    static final Color CRITICAL = Color.web("#e04444");
    static final String[] STYLE_CLASSES = {"severity-info", "severity-warning", "severity-critical"};

    private SeverityPalette() {
    }

    static Color color(Severity severity) {
        return switch (severity) {
            case INFO -> INFO;
            case WARNING -> WARNING;
            case CRITICAL -> CRITICAL;
        };
    }

    static String styleClass(Severity severity) {
        return "severity-" + severity.key();
    }

    /** A coloured dot. */
    static Node dot(Severity severity) {
        Circle dot = new Circle(5, color(severity));
        dot.getStyleClass().addAll("severity-dot", styleClass(severity));
        return dot;
    }

    /** Puts the dot and the name on a label, replacing any severity style class it had. */
    static void decorate(Label label, Severity severity) {
        label.getStyleClass().removeAll(STYLE_CLASSES);
        if (severity == null) {
            label.setText(null);
            label.setGraphic(null);
            return;
        }
        label.setText(EventLogRow.label(severity));
        label.setGraphic(dot(severity));
        label.getStyleClass().add(styleClass(severity));
    }
}
