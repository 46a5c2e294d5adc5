package dev.benchwatch.codec.frame;

import dev.benchwatch.codec.DecodeError;
import dev.benchwatch.codec.DecodeErrorReason;
import dev.benchwatch.codec.DecodeErrorSink;
import dev.benchwatch.codec.FrameSink;
import dev.benchwatch.codec.Framer;
import java.nio.charset.StandardCharsets;

/**
 * Frames between a start and an end delimiter, such as Serial Studio's {@code /*...*}{@code /}. Bytes
 * outside a frame (boot messages, debug prints) are ignored. A start inside a frame means the previous one
 * was cut off: it is reported and dropped, and the new one collected. An overlong frame is reported and
 * dropped up to the next start.
 */
public final class StartEndFramer implements Framer {
    private final ByteMatcher start;
    private final ByteMatcher end;
    private final byte[] startBytes;
    private final FrameBuffer frame;
    private final int maxFrame;
    private long streamOffset;
    private long frameStart;
    private boolean inside;

    public StartEndFramer(byte[] start, byte[] end, int maxFrame) {
        if (maxFrame < 1) {
            throw new IllegalArgumentException("max frame length must be >= 1, got " + maxFrame);
        }
        this.start = new ByteMatcher(start);
        this.end = new ByteMatcher(end);
        this.startBytes = start.clone();
        this.maxFrame = maxFrame;
        this.frame = new FrameBuffer(maxFrame + end.length);
    }

    public StartEndFramer(String start, String end) {
        this(start.getBytes(StandardCharsets.UTF_8), end.getBytes(StandardCharsets.UTF_8), DEFAULT_MAX_FRAME);
    }

    @Override
    public void feed(byte[] chunk, int offset, int length, FrameSink frames, DecodeErrorSink errors) {
        for (int i = offset; i < offset + length; i++) {
            byte b = chunk[i];
            streamOffset++;
            boolean startSeen = start.step(b);
            if (!inside) {
                if (startSeen) {
                    begin();
                }
                continue;
            }
            if (end.step(b)) {
                frame.truncate(end.length() - 1);
                frames.onFrame(frame.bytes(), 0, frame.length(), frameStart);
                inside = false;
                frame.clear();
                start.reset();
                continue;
            }
            if (startSeen) {
                // the start of the next frame before this one ended: this one was cut off
                frame.truncate(startBytes.length - 1);
                errors.onError(new DecodeError("", frameStart, DecodeErrorReason.NO_MATCH,
                        DecodeError.snippet(frame.bytes(), 0, frame.length()),
                        "frame cut off: a new start delimiter came before the end delimiter"));
                begin();
                continue;
            }
            if (frame.length() >= maxFrame + end.length() - 1 || !frame.append(b)) {
                errors.onError(new DecodeError("", frameStart, DecodeErrorReason.OVERLONG_FRAME,
                        DecodeError.snippet(frame.bytes(), 0, frame.length()),
                        "frame longer than " + maxFrame + " bytes without an end delimiter: discarded"));
                inside = false;
                frame.clear();
            }
        }
    }

    private void begin() {
        inside = true;
        frame.clear();
        end.reset();
        frameStart = streamOffset;
    }

    @Override
    public void reset(DecodeErrorSink errors) {
        if (inside) {
            errors.onError(new DecodeError("", frameStart, DecodeErrorReason.INCOMPLETE_AT_DISCONNECT,
                    DecodeError.snippet(frame.bytes(), 0, frame.length()),
                    "partial frame of " + frame.length() + " bytes dropped when the device went away"));
        }
        inside = false;
        frame.clear();
        start.reset();
        end.reset();
        streamOffset = 0;
        frameStart = 0;
    }

    public int bufferCapacity() {
        return frame.capacity();
    }
}
