package dev.benchwatch.codec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of the fields a decoder has seen, each with a dense index. Configured names come first;
 * decoders that discover names in the stream (a CSV header, Arduino {@code label:value} pairs) add them.
 * Bounded, so a device sending random labels cannot grow it without limit.
 */
public final class FieldNames {
    public static final int DEFAULT_MAX_FIELDS = 1024;

    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> indexes = new HashMap<>();
    private final int maxFields;

    public FieldNames() {
        this(DEFAULT_MAX_FIELDS);
    }

    public FieldNames(int maxFields) {
        if (maxFields < 1) {
            throw new IllegalArgumentException("maxFields must be >= 1, got " + maxFields);
        }
        this.maxFields = maxFields;
    }

    /** The index of a name, adding it if new; -1 when the table is full. */
    public int indexOf(String name) {
        Integer index = indexes.get(name);
        if (index != null) {
            return index;
        }
        if (names.size() >= maxFields) {
            return -1;
        }
        names.add(name);
        indexes.put(name, names.size() - 1);
        return names.size() - 1;
    }

    /** The index of a name already known, or -1. */
    public int find(String name) {
        Integer index = indexes.get(name);
        return index == null ? -1 : index;
    }

    public String name(int index) {
        return names.get(index);
    }

    public int size() {
        return names.size();
    }

    public List<String> all() {
        return List.copyOf(names);
    }
}
