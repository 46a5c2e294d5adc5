package dev.benchwatch.codec.frame;

import dev.benchwatch.codec.DecodeError;
import dev.benchwatch.codec.DecodeErrorReason;
import dev.benchwatch.codec.DecodeErrorSink;
import dev.benchwatch.codec.FrameSink;
import dev.benchwatch.codec.Framer;
import java.nio.charset.StandardCharsets;

/**
 * Frames that end with a delimiter: lines (LF, CR, CRLF, or any of them), or any custom byte sequence.
 * Empty frames (a blank line, the LF of a CRLF in AUTO mode) are skipped. A frame longer than the limit
 * is reported once and discarded up to the next delimiter, where framing resumes.
 */
public final class DelimitedFramer implements Framer {
    /** Line endings a device may use. AUTO accepts LF, CR and CRLF, even mixed. */
    public enum LineEnding { LF, CR, CRLF, AUTO }

    private final ByteMatcher delimiter; // null in AUTO mode
    private final FrameBuffer frame;
    private final int maxFrame;
    private long streamOffset; // bytes fed since connect
    private long frameStart;
    private boolean discarding;

    private DelimitedFramer(byte[] delimiter, int maxFrame) {
        if (maxFrame < 1) {
            throw new IllegalArgumentException("max frame length must be >= 1, got " + maxFrame);
        }
        this.delimiter = delimiter == null ? null : new ByteMatcher(delimiter);
        this.maxFrame = maxFrame;
        this.frame = new FrameBuffer(maxFrame + (delimiter == null ? 0 : delimiter.length));
    }

    public static DelimitedFramer lines(LineEnding ending) {
        return lines(ending, DEFAULT_MAX_FRAME);
    }

    public static DelimitedFramer lines(LineEnding ending, int maxFrame) {
        return switch (ending) {
            case LF -> new DelimitedFramer(new byte[] {'\n'}, maxFrame);
            case CR -> new DelimitedFramer(new byte[] {'\r'}, maxFrame);
            case CRLF -> new DelimitedFramer(new byte[] {'\r', '\n'}, maxFrame);
            case AUTO -> new DelimitedFramer(null, maxFrame);
        };
    }

    /** Frames ending with a custom delimiter, e.g. {@code ";"} or {@code "\u0003"}. */
    public static DelimitedFramer delimiter(byte[] delimiter, int maxFrame) {
        return new DelimitedFramer(delimiter, maxFrame);
    }

    public static DelimitedFramer delimiter(String delimiter) {
        return new DelimitedFramer(delimiter.getBytes(StandardCharsets.UTF_8), DEFAULT_MAX_FRAME);
    }

    @Override
    public void feed(byte[] chunk, int offset, int length, FrameSink frames, DecodeErrorSink errors) {
        for (int i = offset; i < offset + length; i++) {
            byte b = chunk[i];
            streamOffset++;
            boolean ended;
            if (delimiter == null) {
                ended = b == '\n' || b == '\r';
            } else {
                ended = delimiter.step(b);
            }
            if (ended) {
                if (!discarding) {
                    if (delimiter != null) {
                        frame.truncate(delimiter.length() - 1); // the delimiter's earlier bytes went in
                    }
                    if (frame.length() > 0) {
                        frames.onFrame(frame.bytes(), 0, frame.length(), frameStart);
                    }
                }
                discarding = false;
                frame.clear();
                frameStart = streamOffset;
                continue;
            }
            if (discarding) {
                continue;
            }
            if (frame.length() >= maxFrame + (delimiter == null ? 0 : delimiter.length() - 1) || !frame.append(b)) {
                errors.onError(new DecodeError("", frameStart, DecodeErrorReason.OVERLONG_FRAME,
                        DecodeError.snippet(frame.bytes(), 0, frame.length()),
                        "frame longer than " + maxFrame + " bytes without a delimiter: discarded"));
                discarding = true;
                frame.clear();
            }
        }
    }

    @Override
    public void reset(DecodeErrorSink errors) {
        if (frame.length() > 0 && !discarding) {
            errors.onError(new DecodeError("", frameStart, DecodeErrorReason.INCOMPLETE_AT_DISCONNECT,
                    DecodeError.snippet(frame.bytes(), 0, frame.length()),
                    "partial frame of " + frame.length() + " bytes dropped when the device went away"));
        }
        frame.clear();
        discarding = false;
        if (delimiter != null) {
            delimiter.reset();
        }
        streamOffset = 0;
        frameStart = 0;
    }

    /** Bytes held for the frame being collected (bounded by the limit plus the delimiter). */
    public int bufferedBytes() {
        return frame.length();
    }

    /** Capacity of the frame buffer: never more than the limit plus the delimiter. */
    public int bufferCapacity() {
        return frame.capacity();
    }
}
