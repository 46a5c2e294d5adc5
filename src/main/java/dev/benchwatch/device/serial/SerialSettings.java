package dev.benchwatch.device.serial;

import java.util.Objects;

/**
 * How to open a serial port: any baud rate (standard or custom), data bits, parity, stop bits, flow
 * control and the DTR/RTS lines. Bad values are rejected with a message naming the setting.
 */
public record SerialSettings(String port, int baud, int dataBits, Parity parity, StopBits stopBits,
                             FlowControl flowControl, boolean dtr, boolean rts) {
    public enum Parity { NONE, ODD, EVEN, MARK, SPACE }

    public enum StopBits { ONE, ONE_POINT_FIVE, TWO }

    public enum FlowControl { NONE, RTS_CTS, XON_XOFF }

    public SerialSettings {
        if (port == null || port.isBlank()) {
            throw new IllegalArgumentException("serial port must not be empty");
        }
        if (baud < 50 || baud > 20_000_000) {
            throw new IllegalArgumentException("baud rate must be between 50 and 20000000, got " + baud);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("data bits must be 5 to 8, got " + dataBits);
        }
        Objects.requireNonNull(parity, "parity");
        Objects.requireNonNull(stopBits, "stop bits");
        Objects.requireNonNull(flowControl, "flow control");
    }

    /** The usual 8N1 with no flow control, DTR and RTS raised (many boards reset or wait on DTR). */
    public static SerialSettings of(String port, int baud) {
        return new SerialSettings(port, baud, 8, Parity.NONE, StopBits.ONE, FlowControl.NONE, true, true);
    }
}
