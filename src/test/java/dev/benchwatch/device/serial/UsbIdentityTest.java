package dev.benchwatch.device.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UsbIdentityTest {
    private static final List<PortInfo> PORTS = List.of(
            new PortInfo("/dev/ttyS0", "Physical Port S0", -1, -1, ""),
            new PortInfo("/dev/ttyACM0", "Arduino Uno", 0x2341, 0x0043, "AAA"),
            new PortInfo("/dev/ttyACM1", "Arduino Uno", 0x2341, 0x0043, "BBB"),
            new PortInfo("/dev/ttyUSB0", "CP2102", 0x10c4, 0xea60, "0001"));

    @Test
    void findsTheBoardBySerialNumberOrByVendorAndProduct() {
        assertThat(UsbIdentity.parse("2341:0043:BBB").find(PORTS)).contains("/dev/ttyACM1");
        assertThat(UsbIdentity.parse("2341:0043").find(PORTS)).contains("/dev/ttyACM0");
        assertThat(UsbIdentity.parse("10C4:EA60").find(PORTS)).contains("/dev/ttyUSB0");
        assertThat(UsbIdentity.parse("2341:0043:CCC").find(PORTS)).isEmpty();
        assertThat(UsbIdentity.parse("2341:0043:BBB")).hasToString("2341:0043:BBB");
    }

    @Test
    void badIdentitiesAreRejected() {
        assertThatThrownBy(() -> UsbIdentity.parse("2341")).hasMessageContaining("expected VID:PID[:SERIAL]");
        assertThatThrownBy(() -> UsbIdentity.parse("zz:0043")).hasMessageContaining("expected VID:PID[:SERIAL]");
        assertThatThrownBy(() -> new UsbIdentity(0x1FFFF, 1, "")).hasMessageContaining("0000-ffff");
    }
}
