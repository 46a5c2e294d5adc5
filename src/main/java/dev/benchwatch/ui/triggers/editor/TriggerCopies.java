package dev.benchwatch.ui.triggers.editor;

import dev.benchwatch.workspace.trigger.TriggerModel;
import java.util.Collection;
import java.util.Set;

/**
 * Ids for new and copied triggers. A copy must never collide with an existing trigger (the engine refuses a
 * second trigger with an id), and its id should still say what it was copied from, so a person finds it.
 */
public final class TriggerCopies {
    /** The longest id the engine accepts. */
    static final int MAX_ID = 128;

    private TriggerCopies() {
    }

    /** {@code model} with the first free id of {@code <id>_copy}, {@code <id>_copy2}, … and the name "… (copy)". */
    public static TriggerModel duplicate(TriggerModel model, Collection<String> takenIds) {
        String id = copyId(model.id(), takenIds);
        String base = model.name().isBlank() ? model.id() : model.name();
        return new TriggerModel(id, base + " (copy)", model.severity(), model.when(), model.forDuration(),
                model.clear(), model.cooldown(), model.actions(), model.mode(), model.enabled());
    }

    /** The first of {@code <id>_copy}, {@code <id>_copy2}, {@code <id>_copy3} … not in {@code takenIds}. */
    public static String copyId(String id, Collection<String> takenIds) {
        Set<String> taken = Set.copyOf(takenIds);
        for (int n = 1; ; n++) {
            String suffix = n == 1 ? "_copy" : "_copy" + n;
            String base = id.length() + suffix.length() > MAX_ID ? id.substring(0, MAX_ID - suffix.length()) : id;
            String candidate = base + suffix;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** An id for a new trigger: the first of {@code trigger_1}, {@code trigger_2} … not taken. */
    public static String newId(Collection<String> takenIds) {
        Set<String> taken = Set.copyOf(takenIds);
        for (int n = 1; ; n++) {
            String candidate = "trigger_" + n;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }
}
