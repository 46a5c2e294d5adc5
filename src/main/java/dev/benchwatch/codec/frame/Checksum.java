package dev.benchwatch.codec.frame;

/** The checks a binary frame may carry after its payload. */
public enum Checksum {
    NONE(0),
    /** CRC-16/CCITT-FALSE: polynomial 0x1021, initial 0xFFFF (common in embedded protocols). */
    CRC16_CCITT(2),
    /** CRC-16/MODBUS: reflected polynomial 0xA001, initial 0xFFFF. */
    CRC16_MODBUS(2),
    /** CRC-32 (IEEE 802.3, as java.util.zip.CRC32 and zlib compute it). */
    CRC32(4);

    private final int bytes;

    Checksum(int bytes) {
        this.bytes = bytes;
    }

    /** Length of the check on the wire. */
    public int bytes() {
        return bytes;
    }

    /** The check over {@code length} bytes from {@code offset}. */
    public long compute(byte[] data, int offset, int length) {
        return switch (this) {
            case NONE -> 0;
            case CRC16_CCITT -> {
                int crc = 0xFFFF;
                for (int i = offset; i < offset + length; i++) {
                    crc ^= (data[i] & 0xFF) << 8;
                    for (int bit = 0; bit < 8; bit++) {
                        crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
                    }
                }
                yield crc & 0xFFFF;
            }
            case CRC16_MODBUS -> {
                int crc = 0xFFFF;
                for (int i = offset; i < offset + length; i++) {
                    crc ^= data[i] & 0xFF;
                    for (int bit = 0; bit < 8; bit++) {
                        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
                    }
                }
                yield crc & 0xFFFF;
            }
            case CRC32 -> {
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(data, offset, length);
                yield crc.getValue();
            }
        };
    }
}
