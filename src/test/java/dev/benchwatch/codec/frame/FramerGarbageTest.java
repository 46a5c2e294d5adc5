package dev.benchwatch.codec.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Garbage never stops a framer: whatever bytes came before, a well-formed frame that follows is still
 * found; no exception escapes; the buffer never grows past the limit.
 */
class FramerGarbageTest {
    private static final int LIMIT = 256;

    @Provide
    Arbitrary<byte[]> garbage() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000);
    }

    @Property(tries = 300)
    void linesAfterGarbage(@ForAll("garbage") byte[] garbage, @ForAll @IntRange(min = 1, max = 64) int chunk) {
        DelimitedFramer framer = DelimitedFramer.lines(DelimitedFramer.LineEnding.AUTO, LIMIT);
        FramerTest.Collected c = new FramerTest.Collected();
        c.feed(framer, concat(garbage, "\ntemp:21.5,hum:40\n".getBytes(StandardCharsets.US_ASCII)), chunk);
        assertThat(c.frames).last().isEqualTo("temp:21.5,hum:40");
        assertThat(framer.bufferCapacity()).isLessThanOrEqualTo(LIMIT);
        assertThat(c.frames).allSatisfy(f -> assertThat(f.length()).isLessThanOrEqualTo(LIMIT));
    }

    @Property(tries = 300)
    void startEndAfterGarbage(@ForAll("garbage") byte[] garbage, @ForAll @IntRange(min = 1, max = 64) int chunk) {
        StartEndFramer framer = new StartEndFramer("/*".getBytes(), "*/".getBytes(), LIMIT);
        FramerTest.Collected c = new FramerTest.Collected();
        c.feed(framer, concat(garbage, "/*1,2,3*/".getBytes(StandardCharsets.US_ASCII)), chunk);
        assertThat(c.frames).last().isEqualTo("1,2,3");
        assertThat(framer.bufferCapacity()).isLessThanOrEqualTo(LIMIT + 2);
    }

    @Property(tries = 300)
    void binaryFramesAfterGarbage(@ForAll("garbage") byte[] garbage, @ForAll @IntRange(min = 1, max = 64) int chunk,
                                  @ForAll boolean littleEndian) {
        ByteOrder order = littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        byte[] sync = {(byte) 0xAA, 0x55};
        LengthPrefixedFramer framer = new LengthPrefixedFramer(sync, 2, order, Checksum.CRC32, LIMIT);
        FramerTest.Collected c = new FramerTest.Collected();
        byte[] frame = FramerTest.binaryFrame(sync, "payload".getBytes(), Checksum.CRC32, order);
        // a stream goes on: 20 frames follow the garbage. A fake header inside the garbage may claim up to
        // LIMIT bytes and swallow the first few while its check is pending, never more.
        byte[] frames = new byte[0];
        for (int i = 0; i < 20; i++) {
            frames = concat(frames, frame);
        }
        c.feed(framer, concat(garbage, frames), chunk);
        assertThat(c.frames).last().isEqualTo("payload");
        int swallowable = (2 + 2 + LIMIT + 4) / frame.length + 1;
        assertThat(c.frames.stream().filter("payload"::equals).count()).isGreaterThanOrEqualTo(20 - swallowable);
        assertThat(framer.bufferCapacity()).isEqualTo(2 + 2 + LIMIT + 4);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
