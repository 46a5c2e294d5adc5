package dev.benchwatch.ui;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * A place in the console window whose panel is built after the window's first frames rather than before them:
 * building every table, tile and tab up front is most of a cold start (docs/BENCHMARKS.md, "Startup"). Until
 * the panel is built the place is an empty box, held at {@code reservedHeight} so the charts do not jump when
 * it fills. {@link #panel()} builds it at once when something needs it sooner. JavaFX thread only.
 */
public final class DeferredPanel<T extends Node> extends StackPane {
    private final Supplier<T> builder;
    private final Consumer<T> onBuilt;
    private T panel;

    /** @param reservedHeight the height to hold while empty, or {@link Region#USE_COMPUTED_SIZE} */
    public DeferredPanel(String id, double reservedHeight, Supplier<T> builder) {
        this(id, reservedHeight, builder, panel -> { });
    }

    /**
     * @param reservedHeight the height to hold while empty, or {@link Region#USE_COMPUTED_SIZE}
     * @param onBuilt        what to do with the panel once it exists (bindings that need it)
     */
    public DeferredPanel(String id, double reservedHeight, Supplier<T> builder, Consumer<T> onBuilt) {
        this.builder = builder;
        this.onBuilt = onBuilt;
        setId(id);
        getStyleClass().add("deferred-panel");
        setMinHeight(reservedHeight);
        setPrefHeight(reservedHeight);
    }

    /** The panel, built now if it was not yet. */
    public T panel() {
        if (panel == null) {
            panel = builder.get();
            setMinHeight(Region.USE_COMPUTED_SIZE);
            setPrefHeight(Region.USE_COMPUTED_SIZE);
            getChildren().setAll(panel);
            onBuilt.accept(panel);
        }
        return panel;
    }

    public boolean built() {
        return panel != null;
    }
}
