package dev.benchwatch.ui.workspace;

import dev.benchwatch.engine.Engine;
import dev.benchwatch.workspace.TriggerConfigs;
import dev.benchwatch.workspace.file.Layout;
import dev.benchwatch.workspace.file.TriggerConfig;
import dev.benchwatch.workspace.file.Workspace;
import dev.benchwatch.workspace.file.WorkspaceWriter;
import dev.benchwatch.workspace.trigger.EngineTrigger;
import dev.benchwatch.workspace.trigger.TriggerModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The workspace the console has open, as it is being edited: where it lives (null until saved for the first
 * time), whether it has unsaved changes, and its triggers, which the trigger editor changes live on the
 * running engine. JavaFX thread only.
 */
public final class WorkspaceDocument {
    private final Engine engine;
    private final String untitledName;
    private Workspace workspace;
    private Supplier<List<Layout.Chart>> charts = () -> null;
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();

    /**
     * @param file         where it was read from, or null for a workspace that has no file yet
     * @param untitledName what to call it while it has no file (e.g. "demo (built in)")
     */
    public WorkspaceDocument(Engine engine, Workspace workspace, Path file, String untitledName) {
        this.engine = engine;
        this.workspace = workspace;
        this.untitledName = untitledName;
        this.file.set(file == null ? null : file.toAbsolutePath().normalize());
        this.file.addListener((o, old, value) -> updateTitle());
        dirty.addListener((o, old, value) -> updateTitle());
        updateTitle();
    }

    /** Where {@link #save} takes the dashboard's current charts from (null from the supplier: keep the file's). */
    public void chartsFrom(Supplier<List<Layout.Chart>> value) {
        charts = value;
    }

    public Workspace workspace() {
        return workspace;
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** The file name (or the untitled name), with a leading "*" while there are unsaved changes. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Something outside the triggers changed (e.g. which channels a chart shows). */
    public void markChanged() {
        dirty.set(true);
    }

    /** The ids of the workspace's triggers, in file order. */
    public List<String> triggerIds() {
        return workspace.triggers().stream().map(TriggerConfig::id).toList();
    }

    /**
     * The editor's model of a trigger; empty when there is no such trigger, or when it cannot be held by the
     * editor (it was read from the file, so this only happens for an action the editor has no form for).
     */
    public Optional<TriggerModel> trigger(String id) {
        return workspace.triggers().stream().filter(t -> t.id().equals(id)).findFirst()
                .flatMap(WorkspaceDocument::model);
    }

    /** The editor's models of the triggers, in file order; those the editor cannot hold are left out. */
    public List<TriggerModel> triggers() {
        return workspace.triggers().stream().map(WorkspaceDocument::model).flatMap(Optional::stream).toList();
    }

    private static Optional<TriggerModel> model(TriggerConfig config) {
        try {
            return Optional.of(TriggerConfigs.toModel(config));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Puts a trigger into the workspace and the running engine: replaces the trigger {@code previousId}
     * (keeping its place in the list, and in one step on the engine, so a detector both read keeps what it
     * learned), or adds a new one when {@code previousId} is null. When the engine refuses the new trigger,
     * the old one keeps running and the engine's reason is thrown.
     *
     * @throws IllegalArgumentException with the engine's message (an unknown channel, a duplicate id)
     */
    public void putTrigger(String previousId, TriggerModel model) {
        if (previousId == null || !previousId.equals(model.id())) {
            if (triggerIds().contains(model.id())) {
                throw new IllegalArgumentException("a trigger with id '" + model.id() + "' already exists");
            }
        }
        TriggerConfig config = TriggerConfigs.toConfig(model);
        Optional<TriggerConfig> previous = previousId == null ? Optional.empty()
                : workspace.triggers().stream().filter(t -> t.id().equals(previousId)).findFirst();
        try {
            EngineTrigger built = EngineTrigger.from(model);
            if (previous.isPresent() && running(previous.get().id())) {
                built.replace(engine, previous.get().id()); // refused: the old one keeps running
            } else {
                built.install(engine);
            }
        } catch (RuntimeException refused) {
            throw new IllegalArgumentException(refused.getMessage(), refused);
        }
        List<TriggerConfig> triggers = new ArrayList<>(workspace.triggers());
        int at = previous.map(triggers::indexOf).orElse(-1);
        if (at >= 0) {
            triggers.set(at, config);
        } else {
            triggers.add(config);
        }
        replaceTriggers(triggers);
    }

    /** Removes a trigger from the workspace and the engine; false when there is none. */
    public boolean removeTrigger(String id) {
        List<TriggerConfig> triggers = new ArrayList<>(workspace.triggers());
        if (!triggers.removeIf(t -> t.id().equals(id))) {
            return false;
        }
        engine.removeTrigger(id);
        replaceTriggers(triggers);
        return true;
    }

    /** Writes the workspace to its file. */
    public void save() throws IOException {
        Path target = file.get();
        if (target == null) {
            throw new IllegalStateException("the workspace has no file yet: save it as a file first");
        }
        write(target);
    }

    /** Writes the workspace to {@code target}, which becomes its file. */
    public void saveAs(Path target) throws IOException {
        write(target.toAbsolutePath().normalize());
        file.set(target.toAbsolutePath().normalize());
    }

    private void write(Path target) throws IOException {
        List<Layout.Chart> current = charts.get();
        if (current != null) {
            Layout layout = workspace.layout();
            workspace = workspace.withLayout(new Layout(layout.theme(), layout.window(), current));
        }
        new WorkspaceWriter().write(workspace, target);
        dirty.set(false);
    }

    /** Whether the engine runs the trigger (one the engine refused when the workspace was opened does not). */
    private boolean running(String id) {
        return engine.snapshotNow().triggers().stream().anyMatch(t -> t.id().equals(id));
    }

    private void replaceTriggers(List<TriggerConfig> triggers) {
        workspace = workspace.withTriggers(triggers); // everything else (detectors, health) is saved as it was read
        dirty.set(true);
    }

    private void updateTitle() {
        Path path = file.get();
        String name = path == null ? untitledName : path.getFileName().toString();
        title.set((dirty.get() ? "*" : "") + name);
    }
}
