package dev.benchwatch.workspace.file;

import java.util.List;

/** Binds the {@code layout} section: theme, window geometry and charts (whose channels are references). */
final class LayoutBinder {
    private final Problems problems;
    private final References references;

    LayoutBinder(Problems problems, References references) {
        this.problems = problems;
        this.references = references;
    }

    Layout bind(Json node, String path) {
        Fields f = Fields.of(node, path, "the layout", problems);
        if (f == null) {
            return null;
        }
        String theme = f.name("theme", false, Layout.DEFAULT_THEME, "one of " + String.join(", ", Layout.THEMES));
        if (!Layout.THEMES.contains(theme)) {
            f.error(f.raw("theme"), "theme", "expected one of " + String.join(", ", Layout.THEMES) + ", got " + f.raw("theme").show());
        }
        Layout.WindowGeometry window = null;
        Json windowNode = f.raw("window");
        if (windowNode != null) {
            Fields w = Fields.of(windowNode, f.path("window"), "the window's geometry", problems);
            if (w != null) {
                String positive = "a size in pixels, more than 0";
                window = new Layout.WindowGeometry(w.number("x", true, 0), w.number("y", true, 0),
                        w.number("width", true, 1, positive, v -> v > 0), w.number("height", true, 1, positive, v -> v > 0),
                        w.flag("maximized", false));
                w.rejectUnknown();
            }
        }
        List<Layout.Chart> charts = f.list("charts", false, "charts", (chartNode, chartPath) -> {
            Fields c = Fields.of(chartNode, chartPath, "a chart", problems);
            if (c == null) {
                return null;
            }
            String title = c.text("title", false, "", "a chart title");
            List<String> channels = c.list("channels", true, "channel names", (channelNode, channelPath) -> {
                if (channelNode instanceof Json.Str s && !s.value().isBlank()) {
                    references.add(References.Target.CHANNEL, s.value(), channelNode, channelPath);
                    return s.value();
                }
                problems.at(channelNode, channelPath, "expected a channel name, got " + channelNode.show());
                return null;
            });
            c.rejectUnknown();
            return c.ok() ? new Layout.Chart(title, channels) : null;
        });
        f.rejectUnknown();
        return new Layout(theme, window, charts);
    }
}
