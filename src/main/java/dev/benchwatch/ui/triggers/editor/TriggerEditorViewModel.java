package dev.benchwatch.ui.triggers.editor;

import dev.benchwatch.engine.trigger.Severity;
import dev.benchwatch.workspace.trigger.ConditionNode;
import dev.benchwatch.workspace.trigger.TriggerExpression;
import dev.benchwatch.workspace.trigger.TriggerModel;
import dev.benchwatch.workspace.trigger.TriggerSyntaxException;
import dev.benchwatch.workspace.trigger.TriggerText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The state of the trigger editor, with the form and the text kept in step. Knows no view: everything is a
 * JavaFX property or a method a view (or a test) calls.
 *
 * <ul>
 *   <li>Editing a form field re-checks the form and, when WHEN / FOR / CLEAR / COOLDOWN build, re-prints
 *   {@link #textProperty()} in its canonical form.</li>
 *   <li>Editing the text re-parses it; when it parses the form is rebuilt from it, when it does not the form
 *   keeps its last state and {@link #textErrorProperty()} says where and why.</li>
 *   <li>{@link #errors()} holds a message per field in error, {@link #warnings()} the ones that do not
 *   block (a channel the workspace does not have); {@link #modelProperty()} is the valid model, or null while
 *   any error stands.</li>
 *   <li>Every change is an undo step, except that typing in one field (or the text) is one step until
 *   {@link #commitEdit()} (the view calls it on focus loss and Enter) or a change elsewhere.</li>
 * </ul>
 * Call on one thread (the JavaFX thread once a view shows it).
 */
public final class TriggerEditorViewModel {
    private final List<String> channels;
    private final List<String> devices;
    private final TriggerFormReader reader;

    private final StringProperty id = new SimpleStringProperty(this, "id", "");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<Severity> severity = new SimpleObjectProperty<>(this, "severity", Severity.WARNING);
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", true);
    private final ObjectProperty<TriggerModel.Mode> mode =
            new SimpleObjectProperty<>(this, "mode", TriggerModel.Mode.ARMED);
    private final ReadOnlyObjectWrapper<ConditionForm.Group> when = new ReadOnlyObjectWrapper<>(this, "when");
    private final StringProperty forText = new SimpleStringProperty(this, "forText", "");
    private final ObjectProperty<ClearMode> clearMode = new SimpleObjectProperty<>(this, "clearMode",
            ClearMode.AUTOMATIC);
    private final ReadOnlyObjectWrapper<ConditionForm.Group> clear = new ReadOnlyObjectWrapper<>(this, "clear");
    private final StringProperty cooldownText = new SimpleStringProperty(this, "cooldownText", "");
    private final ReadOnlyObjectWrapper<List<ActionForm>> actions =
            new ReadOnlyObjectWrapper<>(this, "actions", List.of());
    private final StringProperty text = new SimpleStringProperty(this, "text", "");

    private final ReadOnlyStringWrapper textError = new ReadOnlyStringWrapper(this, "textError", "");
    private final ReadOnlyIntegerWrapper textErrorOffset = new ReadOnlyIntegerWrapper(this, "textErrorOffset", -1);
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ObservableMap<String, String> warnings = FXCollections.observableHashMap();
    // one wrapper each, kept: an unmodifiable view listens weakly, so a fresh one per call would be collected
    // together with the listeners added to it
    private final ObservableMap<String, String> errorsView = FXCollections.unmodifiableObservableMap(errors);
    private final ObservableMap<String, String> warningsView = FXCollections.unmodifiableObservableMap(warnings);
    private final ReadOnlyObjectWrapper<TriggerModel> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final UndoHistory<EditorState> history;
    private final boolean isNew;
    private TriggerExpression formExpression;
    private boolean applying;

    /**
     * @param trigger  the trigger to edit, or null for a new one (with a free id {@code trigger_<n>})
     * @param channels the channels a condition can use (others are a warning)
     * @param devices  the devices a device command can address
     * @param takenIds the ids other triggers have; the edited trigger's own id is always allowed
     */
    public TriggerEditorViewModel(TriggerModel trigger, List<String> channels, List<String> devices,
                                  Collection<String> takenIds) {
        this.channels = List.copyOf(channels);
        this.devices = List.copyOf(devices);
        Set<String> taken = new HashSet<>(takenIds);
        if (trigger != null) {
            taken.remove(trigger.id());
        }
        this.reader = new TriggerFormReader(this.channels, taken);
        this.isNew = trigger == null;
        EditorState initial = trigger != null ? EditorState.of(trigger) : blank(TriggerCopies.newId(takenIds));
        restore(initial);
        history = new UndoHistory<>(capture(), UndoHistory.DEFAULT_LIMIT);

        watch(id, "id");
        watch(name, "name");
        watch(severity, null);
        watch(enabled, null);
        watch(mode, null);
        watch(forText, "for");
        watch(clearMode, null);
        watch(cooldownText, "cooldown");
        text.addListener((o, before, after) -> textEdited());
    }

    private EditorState blank(String newId) {
        String channel = channels.isEmpty() ? "" : channels.getFirst();
        return new EditorState(newId, "", Severity.WARNING, true, TriggerModel.Mode.ARMED,
                new ConditionForm.Group(ConditionNode.Joiner.AND, List.of(ConditionForm.Row.blank(channel))), "",
                ClearMode.AUTOMATIC, ConditionForm.root(null), "", List.of(), "");
    }

    private void watch(ObservableValue<?> property, String key) {
        property.addListener((o, before, after) -> formEdited(key));
    }

    // ---- form edits that are not a plain property ----

    /** Edits the fields of the condition row at {@code path}; typing in one field coalesces under its key. */
    public void editRow(ConditionPath path, String field, UnaryOperator<ConditionForm.Row> edit) {
        updateTree(path.root(), path.update(tree(path.root()), node -> edit.apply((ConditionForm.Row) node)),
                path.key(field));
    }

    /** Adds a condition row at the end of the group at {@code groupPath}. */
    public void addCondition(ConditionPath groupPath) {
        updateTree(groupPath.root(), groupPath.update(tree(groupPath.root()),
                node -> ((ConditionForm.Group) node).plus(ConditionForm.Row.blank(defaultChannel()))), null);
    }

    /** Adds a nested group of two rows, joined the other way than its parent (the usual "(a or b) and c"). */
    public void addGroup(ConditionPath groupPath) {
        updateTree(groupPath.root(), groupPath.update(tree(groupPath.root()), node -> {
            ConditionForm.Group parent = (ConditionForm.Group) node;
            ConditionNode.Joiner joiner = parent.joiner() == ConditionNode.Joiner.AND ? ConditionNode.Joiner.OR
                    : ConditionNode.Joiner.AND;
            ConditionForm.Row row = ConditionForm.Row.blank(defaultChannel());
            return parent.plus(new ConditionForm.Group(joiner, List.of(row, row)));
        }), null);
    }

    /** Removes the row or group at {@code path} (with a NOT around it). */
    public void remove(ConditionPath path) {
        updateTree(path.root(), path.remove(tree(path.root())), null);
    }

    /** Switches the group at {@code groupPath} between AND and OR. */
    public void toggleJoiner(ConditionPath groupPath) {
        updateTree(groupPath.root(), groupPath.update(tree(groupPath.root()), node -> {
            ConditionForm.Group g = (ConditionForm.Group) node;
            return g.withJoiner(g.joiner() == ConditionNode.Joiner.AND ? ConditionNode.Joiner.OR
                    : ConditionNode.Joiner.AND);
        }), null);
    }

    /** Puts NOT around the node at {@code path}, or takes it away when the node is a NOT. */
    public void toggleNot(ConditionPath path) {
        updateTree(path.root(), path.update(tree(path.root()),
                node -> node instanceof ConditionForm.Not n ? n.term() : new ConditionForm.Not(node)), null);
    }

    public void addAction(ActionKind kind) {
        List<ActionForm> next = new ArrayList<>(actions.get());
        next.add(ActionForm.blank(kind, devices.isEmpty() ? "" : devices.getFirst()));
        setActions(next, null);
    }

    public void removeAction(int index) {
        List<ActionForm> next = new ArrayList<>(actions.get());
        next.remove(index);
        setActions(next, null);
    }

    /** Moves an action up (-1) or down (+1); actions run in their order. */
    public void moveAction(int index, int delta) {
        int to = index + delta;
        List<ActionForm> next = new ArrayList<>(actions.get());
        if (to < 0 || to >= next.size()) {
            return;
        }
        next.add(to, next.remove(index));
        setActions(next, null);
    }

    /** Edits the action at {@code index}; typing in one field coalesces under {@code actions[i].<field>}. */
    public void editAction(int index, String field, UnaryOperator<ActionForm> edit) {
        List<ActionForm> next = new ArrayList<>(actions.get());
        next.set(index, edit.apply(next.get(index)));
        setActions(next, field == null ? null : "actions[" + index + "]." + field);
    }

    private void setActions(List<ActionForm> value, String key) {
        actions.set(List.copyOf(value));
        formEdited(key);
    }

    private void updateTree(String root, ConditionForm tree, String key) {
        (root.equals("clear") ? clear : when).set((ConditionForm.Group) tree);
        formEdited(key);
    }

    private ConditionForm.Group tree(String root) {
        return switch (root) {
            case "when" -> when.get();
            case "clear" -> clear.get();
            default -> throw new IllegalArgumentException("no condition '" + root + "'; use when or clear");
        };
    }

    private String defaultChannel() {
        return channels.isEmpty() ? "" : channels.getFirst();
    }

    // ---- the two directions of the sync ----

    private void formEdited(String key) {
        if (applying) {
            return;
        }
        if (clearMode.get() == ClearMode.CONDITION && clear.get().terms().isEmpty()) {
            seedClear();
        }
        TriggerFormReader.Result result = reader.read(capture());
        if (result.expression() != null) {
            String printed = TriggerText.print(result.expression());
            quietly(() -> text.set(printed));
            setTextError(null);
        }
        publish(result);
        history.record(capture(), key);
    }

    /**
     * A first CLEAR condition: WHEN's single row turned around ({@code >} becomes {@code <}, inside becomes
     * outside) with the threshold left for the person to enter, the usual hysteresis.
     */
    private void seedClear() {
        ConditionForm.Row row = when.get().terms().size() == 1 && when.get().terms().getFirst()
                instanceof ConditionForm.Row r ? r.withOp(opposite(r.op())).withThreshold("")
                : ConditionForm.Row.blank(defaultChannel());
        quietly(() -> clear.set(new ConditionForm.Group(ConditionNode.Joiner.AND, List.of(row))));
    }

    private static RowOperator opposite(RowOperator op) {
        return switch (op) {
            case GT -> RowOperator.LT;
            case GE -> RowOperator.LE;
            case LT -> RowOperator.GT;
            case LE -> RowOperator.GE;
            case EQ -> RowOperator.NE;
            case NE -> RowOperator.EQ;
            case INSIDE -> RowOperator.OUTSIDE;
            case OUTSIDE -> RowOperator.INSIDE;
        };
    }

    private void textEdited() {
        if (applying) {
            return;
        }
        try {
            TriggerExpression expression = TriggerText.parse(text.get());
            setTextError(null);
            quietly(() -> {
                when.set(ConditionForm.root(expression.when()));
                forText.set(EditorState.durationText(expression.forDuration()));
                if (expression.clear() != null) {
                    clear.set(ConditionForm.root(expression.clear()));
                }
                clearMode.set(expression.clear() == null ? ClearMode.AUTOMATIC : ClearMode.CONDITION);
                cooldownText.set(EditorState.durationText(expression.cooldown()));
            });
        } catch (TriggerSyntaxException e) {
            setTextError(e);
        }
        publish(reader.read(capture()));
        history.record(capture(), "text");
    }

    private void publish(TriggerFormReader.Result result) {
        formExpression = result.expression();
        Map<String, String> all = new java.util.HashMap<>(result.errors());
        if (!textError.get().isEmpty()) {
            all.put("text", textError.get());
        }
        sync(errors, all);
        sync(warnings, result.warnings());
        model.set(textError.get().isEmpty() ? result.model() : null);
        valid.set(model.get() != null);
    }

    private static void sync(ObservableMap<String, String> target, Map<String, String> source) {
        target.keySet().retainAll(source.keySet());
        source.forEach((k, v) -> {
            if (!v.equals(target.get(k))) {
                target.put(k, v);
            }
        });
    }

    private void setTextError(TriggerSyntaxException e) {
        textErrorOffset.set(e == null ? -1 : e.offset());
        textError.set(e == null ? "" : e.getMessage());
    }

    private void quietly(Runnable change) {
        boolean was = applying;
        applying = true;
        try {
            change.run();
        } finally {
            applying = was;
        }
    }

    private EditorState capture() {
        return new EditorState(id.get(), name.get(), severity.get(), enabled.get(), mode.get(), when.get(),
                forText.get(), clearMode.get(), clear.get(), cooldownText.get(), actions.get(), text.get());
    }

    private void restore(EditorState state) {
        quietly(() -> {
            id.set(state.id());
            name.set(state.name());
            severity.set(state.severity());
            enabled.set(state.enabled());
            mode.set(state.mode());
            when.set(state.when());
            forText.set(state.forText());
            clearMode.set(state.clearMode());
            clear.set(state.clear());
            cooldownText.set(state.cooldownText());
            actions.set(state.actions());
            text.set(state.text());
        });
        TriggerFormReader.Result result = reader.read(state);
        TriggerSyntaxException textProblem = null;
        if (!state.text().isBlank() || result.expression() != null) {
            try {
                TriggerText.parse(state.text());
            } catch (TriggerSyntaxException e) {
                textProblem = e;
            }
        }
        setTextError(textProblem);
        publish(result);
    }

    // ---- undo ----

    /**
     * Ends the typing step in progress (a field lost focus, Enter was pressed), so the next keystroke starts
     * a new undo step; a text that parses is rewritten in its canonical form.
     */
    public void commitEdit() {
        history.seal();
        if (textError.get().isEmpty() && formExpression != null) {
            String printed = TriggerText.print(formExpression);
            if (!printed.equals(text.get())) {
                quietly(() -> text.set(printed));
                history.replaceCurrent(capture());
            }
        }
    }

    public void undo() {
        if (history.canUndoProperty().get()) {
            restore(history.undo());
        }
    }

    public void redo() {
        if (history.canRedoProperty().get()) {
            restore(history.redo());
        }
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return history.canUndoProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return history.canRedoProperty();
    }

    // ---- copies ----

    /** A copy of the current model with a free id ({@code <id>_copy}, …) and "(copy)" named; null if invalid. */
    public TriggerModel duplicate() {
        TriggerModel current = model.get();
        if (current == null) {
            return null;
        }
        Set<String> taken = new HashSet<>(reader.takenIds());
        taken.add(current.id());
        return TriggerCopies.duplicate(current, taken);
    }

    // ---- properties ----

    /** True when the editor was opened for a new trigger rather than an existing one. */
    public boolean isNew() {
        return isNew;
    }

    public List<String> channels() {
        return channels;
    }

    public List<String> devices() {
        return devices;
    }

    public StringProperty idProperty() {
        return id;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<Severity> severityProperty() {
        return severity;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public ObjectProperty<TriggerModel.Mode> modeProperty() {
        return mode;
    }

    /** The WHEN tree; change it with {@link #editRow}, {@link #addCondition} and the other edits. */
    public ReadOnlyObjectProperty<ConditionForm.Group> whenProperty() {
        return when.getReadOnlyProperty();
    }

    /** The FOR duration as typed; empty for none. */
    public StringProperty forTextProperty() {
        return forText;
    }

    public ObjectProperty<ClearMode> clearModeProperty() {
        return clearMode;
    }

    /** The CLEAR WHEN tree (used when {@link #clearModeProperty()} is CONDITION). */
    public ReadOnlyObjectProperty<ConditionForm.Group> clearProperty() {
        return clear.getReadOnlyProperty();
    }

    /** The WHEN or CLEAR tree by its root name. */
    public ReadOnlyObjectProperty<ConditionForm.Group> conditionProperty(String root) {
        return root.equals("clear") ? clearProperty() : whenProperty();
    }

    /** The cooldown as typed; empty for none. */
    public StringProperty cooldownTextProperty() {
        return cooldownText;
    }

    public ReadOnlyObjectProperty<List<ActionForm>> actionsProperty() {
        return actions.getReadOnlyProperty();
    }

    /** WHEN / FOR / CLEAR / COOLDOWN as text; set it to edit the text side. */
    public StringProperty textProperty() {
        return text;
    }

    /** Why the text does not parse, with its position ("column 24: expected a number ..."); empty if it does. */
    public ReadOnlyStringProperty textErrorProperty() {
        return textError.getReadOnlyProperty();
    }

    /** The 0-based offset of the token in error in the text, or -1. */
    public ReadOnlyIntegerProperty textErrorOffsetProperty() {
        return textErrorOffset.getReadOnlyProperty();
    }

    /** Field key ({@code id}, {@code for}, {@code when[0].threshold}, {@code text}, …) to message. Read-only. */
    public ObservableMap<String, String> errors() {
        return errorsView;
    }

    /** Messages that do not block saving (a channel the workspace does not list). Read-only. */
    public ObservableMap<String, String> warnings() {
        return warningsView;
    }

    /** The trigger the form and text describe, or null while any error stands. */
    public ReadOnlyObjectProperty<TriggerModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }
}
