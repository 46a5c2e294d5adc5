package dev.benchwatch.workspace.file;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The names one section defines, each with where it was defined (for duplicate messages). */
final class DefinedNames {
    private final Map<String, String> names = new LinkedHashMap<>();

    /** Records {@code name} (the value of {@code field} of {@code f}), reporting it when it was defined before. */
    void define(String name, Fields f, String field, String what) {
        if (name == null) {
            return;
        }
        String earlier = names.putIfAbsent(name, f.path());
        if (earlier != null) {
            f.error(f.raw(field), field, "duplicate " + what + " " + field + " '" + name + "' (also " + earlier
                    + "); expected each " + what + " to have its own " + field);
        }
    }

    /** The names in the order they were defined. */
    Set<String> all() {
        return names.keySet();
    }
}
