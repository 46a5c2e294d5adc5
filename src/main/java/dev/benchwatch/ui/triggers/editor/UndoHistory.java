package dev.benchwatch.ui.triggers.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Undo and redo over whole snapshots of the editor. Snapshots rather than inverse operations, because one
 * edit of the text can rebuild the whole form and the reverse of that is simply the state before.
 *
 * <p>Typing coalesces: consecutive changes under the same edit key (one field) replace the newest snapshot
 * instead of adding one, until {@link #seal()} (the field lost focus, Enter was pressed) or a change under
 * another key. So typing "182.5" into a threshold is one undo step, not five. A change with a null key is
 * always a step of its own (a button, a drop-down).
 *
 * @param <S> the snapshot type; equal snapshots are not recorded twice
 */
final class UndoHistory<S> {
    static final int DEFAULT_LIMIT = 200;

    private final List<S> states = new ArrayList<>();
    private final int limit;
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private int index;
    private String openKey;

    UndoHistory(S initial, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        this.limit = limit;
        states.add(Objects.requireNonNull(initial, "initial"));
        update();
    }

    /** Records the state after a change; {@code key} names the field being typed in, or null. */
    void record(S state, String key) {
        Objects.requireNonNull(state, "state");
        if (state.equals(states.get(index))) {
            return;
        }
        states.subList(index + 1, states.size()).clear();
        if (key != null && key.equals(openKey) && index > 0) {
            states.set(index, state);
        } else {
            states.add(state);
            index++;
            if (states.size() > limit + 1) {
                states.removeFirst();
                index--;
            }
        }
        openKey = key;
        update();
    }

    /** Ends the open typing step, so the next change starts a new one. */
    void seal() {
        openKey = null;
    }

    /** The state to go back to; call only when {@link #canUndoProperty()} holds. */
    S undo() {
        if (index == 0) {
            throw new IllegalStateException("nothing to undo");
        }
        index--;
        openKey = null;
        update();
        return states.get(index);
    }

    /** The state to go forward to; call only when {@link #canRedoProperty()} holds. */
    S redo() {
        if (index == states.size() - 1) {
            throw new IllegalStateException("nothing to redo");
        }
        index++;
        openKey = null;
        update();
        return states.get(index);
    }

    S current() {
        return states.get(index);
    }

    /**
     * Replaces the current snapshot without making a step (the text was reformatted to its canonical form:
     * undo should not stop at the uncanonical spelling).
     */
    void replaceCurrent(S state) {
        states.set(index, Objects.requireNonNull(state, "state"));
    }

    ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    private void update() {
        canUndo.set(index > 0);
        canRedo.set(index < states.size() - 1);
    }
}
