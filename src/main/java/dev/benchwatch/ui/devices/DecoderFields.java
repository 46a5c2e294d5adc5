package dev.benchwatch.ui.devices;

import dev.benchwatch.codec.DecoderSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;

/** The format choice and its one option field (names, pattern, layout or pointers), shared by the forms. */
final class DecoderFields {
    final ComboBox<DecoderSpec.Format> format = new ComboBox<>();
    final TextField option = new TextField();

    DecoderFields(DecoderSpec.Format initial) {
        format.getItems().addAll(DecoderSpec.Format.values());
        format.setValue(initial);
        format.valueProperty().addListener((o, old, value) -> prompt(value));
        prompt(initial);
    }

    void addTo(FormGrid grid) {
        grid.add("Format", format, "decoderFormat");
        grid.add("Format options", option, "decoderOption");
    }

    private void prompt(DecoderSpec.Format value) {
        option.setPromptText(switch (value) {
            case KV -> "names of bare values, e.g. temp,hum (optional)";
            case CSV -> "column names, e.g. temp,hum; or 'header'";
            case JSON -> "name=/pointer, ... (empty: every number)";
            case REGEX -> "pattern with named groups, e.g. T=(?<temp>\\S+)";
            case BINARY -> "layout, e.g. temp:f32, raw:u16be";
        });
    }

    /** The spec, checked by building one decoder; IllegalArgumentException otherwise. */
    DecoderSpec spec() {
        String text = option.getText() == null ? "" : option.getText().strip();
        DecoderSpec.Format chosen = format.getValue();
        List<String> names = text.isEmpty() ? List.of() : Arrays.asList(text.split(","));
        DecoderSpec spec = switch (chosen) {
            case KV -> new DecoderSpec(chosen, names, false, Map.of(), null, null);
            case CSV -> text.equalsIgnoreCase("header") ? new DecoderSpec(chosen, List.of(), true, Map.of(), null, null)
                    : new DecoderSpec(chosen, names, false, Map.of(), null, null);
            case JSON -> new DecoderSpec(chosen, List.of(), false, pointers(text), null, null);
            case REGEX -> new DecoderSpec(chosen, List.of(), false, Map.of(), text, null);
            case BINARY -> new DecoderSpec(chosen, List.of(), false, Map.of(), null, text);
        };
        spec.build(); // fails now, with its message, rather than at connect time
        return spec;
    }

    private static Map<String, String> pointers(String text) {
        Map<String, String> pointers = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return pointers;
        }
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("JSON field '" + pair.strip() + "': expected name=/json/pointer");
            }
            pointers.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return pointers;
    }
}
