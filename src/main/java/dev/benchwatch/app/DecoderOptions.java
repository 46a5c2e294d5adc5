package dev.benchwatch.app;

import dev.benchwatch.codec.Decoder;
import dev.benchwatch.codec.DecoderSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The command-line options that choose a decoder and its settings (a picocli mixin). */
final class DecoderOptions {
    /** The formats a device may speak. */
    enum Format { KV, CSV, JSON, REGEX, BINARY }

    @Option(names = "--format", defaultValue = "KV",
            description = "kv (label:value, Arduino plotter), csv, json, regex or binary (default: kv).")
    Format format;

    @Option(names = "--names", split = ",", description = "CSV column names, or names of bare values (kv).")
    List<String> names = new ArrayList<>();

    @Option(names = "--header", description = "CSV: take the column names from the header line.")
    boolean header;

    @Option(names = "--pointer", paramLabel = "NAME=/json/pointer", description = "JSON field to read (repeatable); "
            + "without any, every numeric leaf.")
    Map<String, String> pointers = new LinkedHashMap<>();

    @Option(names = "--pattern", description = "Regex with named groups, one per field.")
    String pattern;

    @Option(names = "--layout", paramLabel = "FIELDS", description = "Binary struct layout, e.g. "
            + "'temp:f32, raw:u16be, flags:u8@12' (types i8..i64, u8..u64, f32, f64; little-endian unless be).")
    String layout;

    boolean binary() {
        return format == Format.BINARY;
    }

    /** The decoder these options describe; IllegalArgumentException with a message for the user otherwise. */
    Decoder decoder() {
        // the two settings a format cannot do without, named as the command line spells them
        if (format == Format.REGEX && pattern == null) {
            throw new IllegalArgumentException("--format regex needs --pattern");
        }
        if (format == Format.BINARY && layout == null) {
            throw new IllegalArgumentException("--format binary needs --layout, e.g. --layout 'temp:f32, raw:u16'");
        }
        return new DecoderSpec(DecoderSpec.Format.valueOf(format.name()), names, header, pointers, pattern, layout)
                .build();
    }
}
