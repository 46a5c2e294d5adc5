package dev.benchwatch.codec;

import dev.benchwatch.codec.decode.BinaryStructDecoder;
import dev.benchwatch.codec.decode.CsvDecoder;
import dev.benchwatch.codec.decode.JsonPointerDecoder;
import dev.benchwatch.codec.decode.LabelValueDecoder;
import dev.benchwatch.codec.decode.RegexDecoder;
import dev.benchwatch.codec.decode.StructLayoutText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which decoder a device speaks and its settings, as the command line, the device dialogs and workspace
 * files describe it. {@link #build()} makes a fresh decoder (decoders keep per-device state).
 *
 * @param names    CSV column names, or names of bare values (kv); may be empty
 * @param header   CSV: take the column names from the header line
 * @param pointers JSON: field name to JSON pointer; empty for every numeric leaf
 * @param pattern  regex with named groups
 * @param layout   binary struct layout, see {@link StructLayoutText}
 */
public record DecoderSpec(Format format, List<String> names, boolean header, Map<String, String> pointers,
                          String pattern, String layout) {
    /** The formats a device may speak. */
    public enum Format { KV, CSV, JSON, REGEX, BINARY }

    public DecoderSpec {
        if (format == null) {
            throw new IllegalArgumentException("decoder format missing; expected one of kv, csv, json, regex, binary");
        }
        names = names == null ? List.of() : names.stream().map(String::strip).filter(n -> !n.isEmpty()).toList();
        pointers = pointers == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pointers));
    }

    /** Arduino-plotter style label:value pairs, or bare values named value1, value2, ... */
    public static DecoderSpec kv() {
        return new DecoderSpec(Format.KV, List.of(), false, Map.of(), null, null);
    }

    /** A fresh decoder; IllegalArgumentException with a message for the user when the settings do not fit. */
    public Decoder build() {
        return switch (format) {
            case KV -> new LabelValueDecoder(names, FieldNames.DEFAULT_MAX_FIELDS);
            case CSV -> header ? CsvDecoder.withHeaderLine() : CsvDecoder.withColumns(names);
            case JSON -> pointers.isEmpty() ? JsonPointerDecoder.allNumericLeaves(FieldNames.DEFAULT_MAX_FIELDS)
                    : JsonPointerDecoder.withPointers(pointers.entrySet().stream()
                    .map(e -> new JsonPointerDecoder.Field(e.getKey(), e.getValue())).toList());
            case REGEX -> {
                if (pattern == null || pattern.isBlank()) {
                    throw new IllegalArgumentException("format regex needs a pattern with named groups, e.g. T=(?<temp>\\S+)");
                }
                yield new RegexDecoder(pattern);
            }
            case BINARY -> {
                if (layout == null || layout.isBlank()) {
                    throw new IllegalArgumentException("format binary needs a layout, e.g. 'temp:f32, raw:u16'");
                }
                yield new BinaryStructDecoder(StructLayoutText.parse(layout));
            }
        };
    }
}
