package dev.benchwatch.device.serial;

/**
 * A serial port as the system lists it. USB fields are -1 / "" for ports that are not USB.
 *
 * @param path         system path, e.g. /dev/ttyACM0 or COM3
 * @param description  what the driver or the device calls itself
 * @param vendorId     USB vendor id, or -1
 * @param productId    USB product id, or -1
 * @param serialNumber USB serial number, or ""
 */
public record PortInfo(String path, String description, int vendorId, int productId, String serialNumber) {
    public PortInfo {
        description = description == null ? "" : description;
        serialNumber = serialNumber == null ? "" : serialNumber;
    }

    public boolean isUsb() {
        return vendorId >= 0 && productId >= 0;
    }

    /** {@code 2341:0043} (hex, as lsusb prints it), or "" for non-USB ports. */
    public String vidPid() {
        return isUsb() ? String.format("%04x:%04x", vendorId, productId) : "";
    }
}
