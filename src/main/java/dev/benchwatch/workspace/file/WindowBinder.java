package dev.benchwatch.workspace.file;

import dev.benchwatch.engine.window.WindowKind;
import dev.benchwatch.engine.window.WindowSpec;
import java.time.Duration;
import java.util.Set;

/** Binds one window of the {@code windows} section, and the size of any window (also an aggregate's). */
final class WindowBinder {
    private final Problems problems;
    private final References references;
    private final DefinedNames ids = new DefinedNames();

    WindowBinder(Problems problems, References references) {
        this.problems = problems;
        this.references = references;
    }

    /** The window ids defined so far. */
    Set<String> ids() {
        return ids.all();
    }

    /** {size nanos, count} for a window of {@code kind}: "size" for time windows, "gap" for sessions, "count" for count. */
    static long[] size(Fields f, WindowKind kind) {
        return switch (kind) {
            case COUNT -> new long[] {0, f.whole("count", true, 1, 1, WindowSpec.MAX_COUNT)};
            case SESSION -> new long[] {f.duration("gap", true, Duration.ofSeconds(1), true).toNanos(), 0};
            default -> new long[] {f.duration("size", true, Duration.ofSeconds(1), true).toNanos(), 0};
        };
    }

    WindowSpec bind(Json node, String path) {
        Fields f = Fields.of(node, path, "a window", problems);
        if (f == null) {
            return null;
        }
        String id = f.identifier("id", true, "a window id");
        ids.define(id, f, "id", "window");
        String channel = f.identifier("channel", true, "a channel name");
        references.add(References.Target.CHANNEL, channel, f, "channel");
        WindowKind kind = f.choice("kind", WindowKind.class, null, true);
        long[] size = kind == null ? null : size(f, kind);
        f.rejectUnknown();
        return f.ok() && kind != null ? new WindowSpec(id, channel, kind, size[0], (int) size[1]) : null;
    }
}
