package dev.benchwatch.device.serial;

import java.util.List;
import java.util.Optional;

/**
 * A board's USB identity: vendor id, product id and (optionally) serial number. A device profile bound to
 * it finds the same board again on whatever port it reappears, /dev/ttyACM0 today and /dev/ttyACM1 after a
 * replug, with no udev rules.
 *
 * @param serialNumber "" to match any board of this vendor and product (the first one listed)
 */
public record UsbIdentity(int vendorId, int productId, String serialNumber) {
    public UsbIdentity {
        if (vendorId < 0 || vendorId > 0xFFFF || productId < 0 || productId > 0xFFFF) {
            throw new IllegalArgumentException(String.format(
                    "USB vendor and product ids must be 0000-ffff, got %x:%x", vendorId, productId));
        }
        serialNumber = serialNumber == null ? "" : serialNumber;
    }

    /** Parses {@code 2341:0043} or {@code 2341:0043:55739323637351E0C0A1}. */
    public static UsbIdentity parse(String text) {
        String[] parts = text.trim().split(":", 3);
        if (parts.length < 2) {
            throw new IllegalArgumentException("expected VID:PID[:SERIAL] in hex, e.g. 2341:0043, got '" + text + "'");
        }
        try {
            return new UsbIdentity(Integer.parseInt(parts[0], 16), Integer.parseInt(parts[1], 16),
                    parts.length == 3 ? parts[2] : "");
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected VID:PID[:SERIAL] in hex, e.g. 2341:0043, got '" + text + "'");
        }
    }

    /** The path of the first listed port with this identity. */
    public Optional<String> find(List<PortInfo> ports) {
        return ports.stream()
                .filter(p -> p.vendorId() == vendorId && p.productId() == productId)
                .filter(p -> serialNumber.isEmpty() || serialNumber.equals(p.serialNumber()))
                .map(PortInfo::path)
                .findFirst();
    }

    @Override
    public String toString() {
        return String.format("%04x:%04x", vendorId, productId) + (serialNumber.isEmpty() ? "" : ":" + serialNumber);
    }
}
