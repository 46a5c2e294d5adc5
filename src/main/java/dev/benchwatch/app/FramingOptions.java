package dev.benchwatch.app;

import dev.benchwatch.codec.Framer;
import dev.benchwatch.codec.frame.Checksum;
import dev.benchwatch.codec.frame.DelimitedFramer;
import dev.benchwatch.codec.frame.LengthPrefixedFramer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import picocli.CommandLine.Option;

/** How a serial byte stream is cut into frames (a picocli mixin): lines for text, length-prefixed for binary. */
final class FramingOptions {
    /** The default limit on one frame: longer ones are discarded and counted. */
    static final int DEFAULT_MAX_FRAME = 64 * 1024;

    @Option(names = "--line-ending", defaultValue = "AUTO", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    DelimitedFramer.LineEnding lineEnding;

    @Option(names = "--length-prefix", paramLabel = "BYTES", description = "Binary frames: length field of 1, 2 or 4 bytes.")
    Integer lengthBytes;

    @Option(names = "--big-endian", description = "Binary frames: the length field and check are big-endian.")
    boolean bigEndian;

    @Option(names = "--sync", paramLabel = "HEX", description = "Binary frames: sync bytes before the length, e.g. AA55.")
    String sync;

    @Option(names = "--checksum", defaultValue = "NONE", description = "Binary frames: ${COMPLETION-CANDIDATES} (default: NONE).")
    Checksum checksum;

    @Option(names = "--max-frame", defaultValue = "" + DEFAULT_MAX_FRAME, paramLabel = "BYTES",
            description = "Longer frames are discarded and counted (default: ${DEFAULT-VALUE}).")
    int maxFrame;

    Framer framer(boolean binary) {
        if (!binary) {
            return DelimitedFramer.lines(lineEnding, maxFrame);
        }
        if (lengthBytes == null) {
            throw new IllegalArgumentException("binary frames on a serial line need --length-prefix 1|2|4 "
                    + "(and best --sync and --checksum to find frames again after noise)");
        }
        byte[] syncBytes;
        try {
            syncBytes = sync == null ? new byte[0] : HexFormat.of().parseHex(sync.replace(" ", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--sync '" + sync + "' is not hex bytes (e.g. AA55)");
        }
        return new LengthPrefixedFramer(syncBytes, lengthBytes, bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN,
                checksum, maxFrame);
    }
}
