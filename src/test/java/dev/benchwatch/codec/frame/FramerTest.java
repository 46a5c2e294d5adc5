package dev.benchwatch.codec.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchwatch.codec.DecodeError;
import dev.benchwatch.codec.DecodeErrorReason;
import dev.benchwatch.codec.Framer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FramerTest {
    /** What a framer produced: frames as text with their stream offsets, and errors. */
    static final class Collected {
        final List<String> frames = new ArrayList<>();
        final List<Long> offsets = new ArrayList<>();
        final List<DecodeError> errors = new ArrayList<>();

        void feed(Framer framer, byte[] bytes, int chunk) {
            for (int i = 0; i < bytes.length; i += chunk) {
                framer.feed(bytes, i, Math.min(chunk, bytes.length - i), (frame, offset, length, streamOffset) -> {
                    frames.add(new String(frame, offset, length, StandardCharsets.ISO_8859_1));
                    offsets.add(streamOffset);
                }, errors::add);
            }
        }

        void feed(Framer framer, String text, int chunk) {
            feed(framer, text.getBytes(StandardCharsets.ISO_8859_1), chunk);
        }
    }

    @Test
    void linesWithEachEndingWhateverTheChunking() {
        for (int chunk : new int[] {1, 2, 3, 7, 1000}) {
            Collected lf = new Collected();
            lf.feed(DelimitedFramer.lines(DelimitedFramer.LineEnding.LF), "a:1\nb:2\n\nc:3\npartial", chunk);
            assertThat(lf.frames).containsExactly("a:1", "b:2", "c:3");
            assertThat(lf.offsets).containsExactly(0L, 4L, 9L);

            Collected crlf = new Collected();
            crlf.feed(DelimitedFramer.lines(DelimitedFramer.LineEnding.CRLF), "1,2\r\n3\r4\r\n", chunk);
            assertThat(crlf.frames).containsExactly("1,2", "3\r4");

            Collected cr = new Collected();
            cr.feed(DelimitedFramer.lines(DelimitedFramer.LineEnding.CR), "x\ry\r", chunk);
            assertThat(cr.frames).containsExactly("x", "y");

            Collected auto = new Collected();
            auto.feed(DelimitedFramer.lines(DelimitedFramer.LineEnding.AUTO), "a\r\nb\nc\rd\n\n", chunk);
            assertThat(auto.frames).containsExactly("a", "b", "c", "d");
            assertThat(auto.errors).isEmpty();
        }
    }

    @Test
    void customAndSelfOverlappingDelimiters() {
        Collected semicolon = new Collected();
        semicolon.feed(DelimitedFramer.delimiter(";"), "1;2;;3;", 2);
        assertThat(semicolon.frames).containsExactly("1", "2", "3");

        Collected overlapping = new Collected();
        overlapping.feed(DelimitedFramer.delimiter("aab"), "xaaab1aab", 1);
        assertThat(overlapping.frames).containsExactly("xa", "1");
    }

    @Test
    void anOverlongLineIsReportedOnceAndFramingResumes() {
        Collected c = new Collected();
        DelimitedFramer framer = DelimitedFramer.lines(DelimitedFramer.LineEnding.LF, 8);
        c.feed(framer, "ok\n" + "x".repeat(100) + "\nafter\n", 5);
        assertThat(c.frames).containsExactly("ok", "after");
        assertThat(c.errors).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(DecodeErrorReason.OVERLONG_FRAME);
            assertThat(e.byteOffset()).isEqualTo(3);
            assertThat(e.snippet()).isEqualTo("xxxxxxxx");
        });
        assertThat(framer.bufferCapacity()).isLessThanOrEqualTo(9);
    }

    @Test
    void aPartialLineAtUnplugIsDroppedAndReportedNeverDecoded() {
        Collected c = new Collected();
        DelimitedFramer framer = DelimitedFramer.lines(DelimitedFramer.LineEnding.LF);
        c.feed(framer, "t:21.5\nt:2", 4);
        framer.reset(c.errors::add);
        c.feed(framer, "2.0\nt:23\n", 4); // after replug: the tail of the old line must not join a new one
        assertThat(c.frames).containsExactly("t:21.5", "2.0", "t:23");
        assertThat(c.errors).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(DecodeErrorReason.INCOMPLETE_AT_DISCONNECT);
            assertThat(e.snippet()).isEqualTo("t:2");
            assertThat(e.byteOffset()).isEqualTo(7);
        });
        assertThat(c.offsets.get(1)).as("offsets restart with the new connection").isZero();
    }

    @Test
    void startEndFramesIgnoreNoiseBetweenThem() {
        Collected c = new Collected();
        StartEndFramer framer = new StartEndFramer("/*", "*/");
        c.feed(framer, "boot v1.2\n/*1,2,3*/ junk /*4,5*/\n/*6,/*7,8*/", 3);
        assertThat(c.frames).containsExactly("1,2,3", "4,5", "7,8");
        assertThat(c.errors).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(DecodeErrorReason.NO_MATCH);
            assertThat(e.snippet()).isEqualTo("6,");
        });
    }

    @Test
    void startEndOverlongFrameIsDiscarded() {
        Collected c = new Collected();
        c.feed(new StartEndFramer("<".getBytes(), ">".getBytes(), 4), "<12345678><ok>", 2);
        assertThat(c.frames).containsExactly("ok");
        assertThat(c.errors).extracting(DecodeError::reason).containsExactly(DecodeErrorReason.OVERLONG_FRAME);
    }

    static byte[] binaryFrame(byte[] sync, byte[] payload, Checksum checksum, ByteOrder order) {
        ByteBuffer buffer = ByteBuffer.allocate(sync.length + 2 + payload.length + checksum.bytes()).order(order);
        buffer.put(sync).putShort((short) payload.length).put(payload);
        long crc = checksum.compute(buffer.array(), sync.length, 2 + payload.length);
        if (checksum.bytes() == 2) {
            buffer.putShort((short) crc);
        } else if (checksum.bytes() == 4) {
            buffer.putInt((int) crc);
        }
        return buffer.array();
    }

    @Test
    void knownCrcValues() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(Checksum.CRC16_CCITT.compute(check, 0, 9)).isEqualTo(0x29B1);
        assertThat(Checksum.CRC16_MODBUS.compute(check, 0, 9)).isEqualTo(0x4B37);
        assertThat(Checksum.CRC32.compute(check, 0, 9)).isEqualTo(0xCBF43926L);
    }

    @Test
    void lengthPrefixedFramesWithCrcResyncAfterCorruption() {
        byte[] sync = {(byte) 0xAA, 0x55};
        for (Checksum checksum : new Checksum[] {Checksum.CRC16_CCITT, Checksum.CRC16_MODBUS, Checksum.CRC32}) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
                byte[] good1 = binaryFrame(sync, "first".getBytes(), checksum, order);
                byte[] bad = binaryFrame(sync, "damaged".getBytes(), checksum, order);
                bad[5] ^= 0x01; // a flipped bit in the payload
                byte[] good2 = binaryFrame(sync, "second".getBytes(), checksum, order);
                ByteBuffer stream = ByteBuffer.allocate(3 + good1.length + bad.length + good2.length);
                stream.put(new byte[] {1, 2, 3}).put(good1).put(bad).put(good2);
                Collected c = new Collected();
                c.feed(new LengthPrefixedFramer(sync, 2, order, checksum, 64), stream.array(), 4);
                assertThat(c.frames).as(checksum + " " + order).containsExactly("first", "second");
                assertThat(c.errors).extracting(DecodeError::reason)
                        .containsExactly(DecodeErrorReason.NO_MATCH, DecodeErrorReason.CRC_MISMATCH);
                assertThat(c.errors.get(1).byteOffset()).isEqualTo(3 + good1.length);
                assertThat(c.offsets).containsExactly(3L, (long) (3 + good1.length + bad.length));
            }
        }
    }

    @Test
    void lengthPrefixedRejectsAnImpossibleLength() {
        LengthPrefixedFramer framer = new LengthPrefixedFramer(new byte[] {0x7E}, 1, ByteOrder.BIG_ENDIAN,
                Checksum.CRC16_CCITT, 8);
        Collected c = new Collected();
        byte[] good = binaryFrame(new byte[0], "ok".getBytes(), Checksum.CRC16_CCITT, ByteOrder.BIG_ENDIAN);
        // 1-byte length: rebuild the frame with a 1-byte length field
        byte[] frame = {0x7E, 2, 'o', 'k', 0, 0};
        long crc = Checksum.CRC16_CCITT.compute(frame, 1, 3);
        frame[4] = (byte) (crc >> 8);
        frame[5] = (byte) crc;
        byte[] stream = new byte[2 + frame.length];
        stream[0] = 0x7E;
        stream[1] = (byte) 200; // longer than the limit of 8
        System.arraycopy(frame, 0, stream, 2, frame.length);
        c.feed(framer, stream, 3);
        assertThat(good).isNotEmpty();
        assertThat(c.frames).containsExactly("ok");
        assertThat(c.errors).extracting(DecodeError::reason).containsExactly(DecodeErrorReason.OVERLONG_FRAME);
    }

    @Test
    void badSettingsAreRejected() {
        assertThatThrownBy(() -> DelimitedFramer.delimiter(new byte[0], 10)).hasMessageContaining("at least one byte");
        assertThatThrownBy(() -> DelimitedFramer.lines(DelimitedFramer.LineEnding.LF, 0))
                .hasMessageContaining("must be >= 1");
        assertThatThrownBy(() -> new LengthPrefixedFramer(null, 3, ByteOrder.BIG_ENDIAN, Checksum.NONE, 10))
                .hasMessageContaining("1, 2 or 4 bytes");
    }
}
