package dev.benchwatch.codec.decode;

import dev.benchwatch.codec.FieldNames;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Checks configured field names and registers them first in a decoder's {@link FieldNames}. */
final class ConfiguredNames {
    private ConfiguredNames() {
    }

    /**
     * Rejects a null list, a null, blank or duplicate name, and more names than {@code maxFields}; returns
     * a new table holding the names at indexes 0..n-1 in order.
     */
    static FieldNames register(List<String> names, int maxFields, String what) {
        Objects.requireNonNull(names, what);
        if (maxFields < 1) {
            throw new IllegalArgumentException("maxFields must be >= 1, got " + maxFields);
        }
        if (names.size() > maxFields) {
            throw new IllegalArgumentException(
                    what + ": " + names.size() + " names but at most " + maxFields + " fields allowed");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException(what + ": name #" + (i + 1) + " is empty");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException(what + ": duplicate name '" + name + "'");
            }
        }
        FieldNames table = new FieldNames(maxFields);
        for (String name : names) {
            table.indexOf(name);
        }
        return table;
    }
}
