package dev.benchwatch.workspace.file;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The references to devices and channels met while binding, checked once everything is defined. */
final class References {
    enum Target { DEVICE, CHANNEL }

    record Reference(Target target, String name, Json at, String path) {
    }

    private final List<Reference> references = new ArrayList<>();

    /** A reference held by {@code field} of {@code f}; nothing when the name is missing (already reported). */
    void add(Target target, String name, Fields f, String field) {
        if (name != null) {
            references.add(new Reference(target, name, f.raw(field), f.path(field)));
        }
    }

    void add(Target target, String name, Json at, String path) {
        references.add(new Reference(target, name, at, path));
    }

    /** Reports every reference to a device or channel that is not among {@code deviceNames} or {@code channels}. */
    void check(Set<String> deviceNames, Set<String> channels, Problems problems) {
        for (Reference ref : references) {
            if (ref.target() == Target.DEVICE && !deviceNames.contains(ref.name())) {
                String hint = Problems.closest(ref.name(), deviceNames);
                problems.at(ref.at(), ref.path(), "unknown device '" + ref.name() + "'; "
                        + (hint != null ? "did you mean '" + hint + "'? " : "")
                        + (deviceNames.isEmpty() ? "expected a device of this workspace, and it has none"
                        : "expected one of the workspace's devices: " + String.join(", ", deviceNames)));
            } else if (ref.target() == Target.CHANNEL && !channels.contains(ref.name())) {
                String hint = Problems.closest(ref.name(), channels);
                problems.at(ref.at(), ref.path(), "unknown channel '" + ref.name() + "'; "
                        + (hint != null ? "did you mean '" + hint + "'? " : "")
                        + "expected a channel declared in channels, defined by a simulator or replay device, "
                        + "or created by a pipeline");
            }
        }
    }
}
