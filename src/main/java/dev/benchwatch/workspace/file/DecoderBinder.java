package dev.benchwatch.workspace.file;

import dev.benchwatch.codec.DecoderSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Binds a device's decoder settings and checks that they build a working decoder. */
final class DecoderBinder {
    private final Problems problems;

    DecoderBinder(Problems problems) {
        this.problems = problems;
    }

    /** The {@code decoder} member of {@code device}, or {@code fallback} when absent or unusable (reported). */
    DecoderSpec bind(Fields device, DecoderSpec fallback) {
        Json node = device.raw("decoder");
        if (node == null) {
            return fallback;
        }
        Fields d = Fields.of(node, device.path("decoder"), "decoder settings", problems);
        if (d == null) {
            device.fail();
            return fallback;
        }
        DecoderSpec.Format format = d.choice("format", DecoderSpec.Format.class, DecoderSpec.Format.KV, true);
        List<String> names = d.list("names", false, "field names", this::plainName);
        boolean header = d.flag("header", false);
        Map<String, String> pointers = new LinkedHashMap<>();
        Json pointersNode = d.raw("pointers");
        if (pointersNode != null) {
            Fields p = Fields.of(pointersNode, d.path("pointers"), "field names mapped to JSON pointers", problems);
            if (p != null) {
                for (String field : p.object().members().keySet()) {
                    String pointer = p.text(field, true, null, "a JSON pointer such as \"/sensors/0/temp\"");
                    if (pointer != null) {
                        pointers.put(field, pointer);
                    }
                }
            }
        }
        String pattern = d.name("pattern", false, null, "a regular expression with named groups");
        String layout = d.name("layout", false, null, "a binary layout such as \"temp:f32, raw:u16be\"");
        d.rejectUnknown();
        if (!d.ok() || problemsInside(pointersNode)) {
            device.fail();
            return fallback;
        }
        DecoderSpec spec = new DecoderSpec(format, names, header, pointers, pattern, layout);
        try {
            spec.build();
        } catch (IllegalArgumentException e) {
            device.error(node, "decoder", "the decoder settings do not work: " + e.getMessage());
        }
        return spec;
    }

    private boolean problemsInside(Json pointers) {
        return pointers != null && !(pointers instanceof Json.Obj o && o.members().values().stream()
                .allMatch(m -> m.value() instanceof Json.Str));
    }

    private String plainName(Json node, String path) {
        if (node instanceof Json.Str s && !s.value().isBlank()) {
            return s.value();
        }
        problems.at(node, path, "expected a name, got " + node.show());
        return null;
    }
}
