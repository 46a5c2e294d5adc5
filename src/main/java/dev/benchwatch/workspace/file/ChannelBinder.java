package dev.benchwatch.workspace.file;

import java.util.Set;

/** Binds one declared channel of the {@code channels} section. */
final class ChannelBinder {
    private final Problems problems;
    private final References references;
    private final DefinedNames names = new DefinedNames();

    ChannelBinder(Problems problems, References references) {
        this.problems = problems;
        this.references = references;
    }

    /** The channel names declared so far. */
    Set<String> names() {
        return names.all();
    }

    ChannelConfig bind(Json node, String path) {
        Fields f = Fields.of(node, path, "a channel", problems);
        if (f == null) {
            return null;
        }
        String name = f.identifier("name", true, "a channel name");
        names.define(name, f, "name", "channel");
        String unit = f.text("unit", false, "", "a unit text such as \"°C\"");
        String device = f.identifier("device", true, "the name of a device of this workspace");
        references.add(References.Target.DEVICE, device, f, "device");
        ChannelConfig.Scaling scaling = null;
        Json scalingNode = f.raw("scaling");
        if (scalingNode != null) {
            Fields s = Fields.of(scalingNode, f.path("scaling"), "a linear scaling {\"scale\": 2, \"offset\": 0}", problems);
            if (s != null) {
                scaling = new ChannelConfig.Scaling(s.number("scale", true, 1), s.number("offset", false, 0));
                s.rejectUnknown();
                if (!s.ok()) {
                    scaling = null;
                }
            }
            if (scaling == null) {
                f.fail();
            }
        }
        f.rejectUnknown();
        return f.ok() ? new ChannelConfig(name, unit, device, scaling) : null;
    }
}
