package dev.benchwatch.codec.frame;

import dev.benchwatch.codec.DecodeError;
import dev.benchwatch.codec.DecodeErrorReason;
import dev.benchwatch.codec.DecodeErrorSink;
import dev.benchwatch.codec.FrameSink;
import dev.benchwatch.codec.Framer;
import java.nio.ByteOrder;

/**
 * Binary frames: {@code [sync bytes] length payload [check]}. The length (1, 2 or 4 bytes, unsigned)
 * counts the payload only; the check (CRC-16 or CRC-32, same byte order) covers the length field and the
 * payload. When a frame fails (too long, bad check) the framer moves one byte on and looks for the next
 * frame, so it finds its way back after garbage: give it sync bytes or a check, or both, to make that
 * reliable; with neither, a corrupted length cannot be told from a real one. A run of bad bytes is
 * reported once, at its first failure.
 */
public final class LengthPrefixedFramer implements Framer {
    private final byte[] sync;
    private final int lengthBytes;
    private final ByteOrder order;
    private final Checksum checksum;
    private final int maxFrame;
    private final byte[] pending;
    private int fill;
    private long pendingOffset; // stream offset of pending[0]
    private boolean reportedGarbage;

    public LengthPrefixedFramer(byte[] sync, int lengthBytes, ByteOrder order, Checksum checksum, int maxFrame) {
        if (lengthBytes != 1 && lengthBytes != 2 && lengthBytes != 4) {
            throw new IllegalArgumentException("length field must be 1, 2 or 4 bytes, got " + lengthBytes);
        }
        if (maxFrame < 1) {
            throw new IllegalArgumentException("max frame length must be >= 1, got " + maxFrame);
        }
        this.sync = sync == null ? new byte[0] : sync.clone();
        this.lengthBytes = lengthBytes;
        this.order = java.util.Objects.requireNonNull(order, "byte order");
        this.checksum = java.util.Objects.requireNonNull(checksum, "checksum");
        this.maxFrame = maxFrame;
        this.pending = new byte[this.sync.length + lengthBytes + maxFrame + checksum.bytes()];
    }

    @Override
    public void feed(byte[] chunk, int offset, int length, FrameSink frames, DecodeErrorSink errors) {
        int consumed = 0;
        while (consumed < length) {
            int n = Math.min(length - consumed, pending.length - fill);
            System.arraycopy(chunk, offset + consumed, pending, fill, n);
            fill += n;
            consumed += n;
            parse(frames, errors);
        }
    }

    private void parse(FrameSink frames, DecodeErrorSink errors) {
        int position = 0;
        while (true) {
            if (sync.length > 0) {
                int found = indexOfSync(position);
                if (found < 0) {
                    // keep what could still be the start of a sync sequence
                    int keep = Math.min(sync.length - 1, fill - position);
                    skipGarbage(position, fill - keep, errors);
                    position = fill - keep;
                    break;
                }
                skipGarbage(position, found, errors);
                position = found;
            }
            int header = sync.length + lengthBytes;
            if (fill - position < header) {
                break;
            }
            long payloadLength = readUnsigned(pending, position + sync.length, lengthBytes, order);
            if (payloadLength > maxFrame) {
                reportOnce(errors, error(position, DecodeErrorReason.OVERLONG_FRAME, header,
                        "length field says " + payloadLength + " bytes, more than the limit of " + maxFrame));
                position++;
                continue;
            }
            int total = header + (int) payloadLength + checksum.bytes();
            if (fill - position < total) {
                break;
            }
            if (checksum != Checksum.NONE) {
                long expected = checksum.compute(pending, position + sync.length, lengthBytes + (int) payloadLength);
                long actual = readUnsigned(pending, position + header + (int) payloadLength, checksum.bytes(), order);
                if (expected != actual) {
                    reportOnce(errors, error(position, DecodeErrorReason.CRC_MISMATCH, total,
                            String.format("%s mismatch: frame says %X, contents give %X", checksum, actual, expected)));
                    position++;
                    continue;
                }
            }
            reportedGarbage = false;
            frames.onFrame(pending, position + header, (int) payloadLength, pendingOffset + position);
            position += total;
        }
        if (position > 0) {
            System.arraycopy(pending, position, pending, 0, fill - position);
            fill -= position;
            pendingOffset += position;
        }
    }

    private int indexOfSync(int from) {
        outer:
        for (int i = from; i + sync.length <= fill; i++) {
            for (int j = 0; j < sync.length; j++) {
                if (pending[i + j] != sync[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Bytes before a sync sequence: reported once per run of garbage, then skipped. */
    private void skipGarbage(int from, int to, DecodeErrorSink errors) {
        if (to > from) {
            reportOnce(errors, error(from, DecodeErrorReason.NO_MATCH, to - from, "bytes outside any frame skipped"));
        }
    }

    /**
     * While resynchronising, the framer tries every byte offset; only the first failure of a run of bad
     * bytes is reported, so the counters count damaged stretches, not bytes.
     */
    private void reportOnce(DecodeErrorSink errors, DecodeError error) {
        if (!reportedGarbage) {
            reportedGarbage = true;
            errors.onError(error);
        }
    }

    private DecodeError error(int position, DecodeErrorReason reason, int length, String message) {
        return new DecodeError("", pendingOffset + position, reason,
                DecodeError.snippet(pending, position, Math.min(length, fill - position)), message);
    }

    static long readUnsigned(byte[] bytes, int offset, int length, ByteOrder order) {
        long value = 0;
        for (int i = 0; i < length; i++) {
            int b = bytes[offset + (order == ByteOrder.BIG_ENDIAN ? i : length - 1 - i)] & 0xFF;
            value = (value << 8) | b;
        }
        return value;
    }

    @Override
    public void reset(DecodeErrorSink errors) {
        if (fill > 0) {
            errors.onError(error(0, DecodeErrorReason.INCOMPLETE_AT_DISCONNECT, fill,
                    "partial frame of " + fill + " bytes dropped when the device went away"));
        }
        fill = 0;
        pendingOffset = 0;
        reportedGarbage = false;
    }

    /** The framer's whole buffer: sync + length + limit + check, fixed at construction. */
    public int bufferCapacity() {
        return pending.length;
    }
}
