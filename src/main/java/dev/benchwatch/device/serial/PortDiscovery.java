package dev.benchwatch.device.serial;

import com.fazecast.jSerialComm.SerialPort;
import java.util.Arrays;
import java.util.List;

/** Lists the machine's serial ports through jSerialComm, with USB vendor/product ids and serial numbers. */
public final class PortDiscovery {
    private PortDiscovery() {
    }

    public static List<PortInfo> list() {
        return Arrays.stream(SerialPort.getCommPorts())
                .map(p -> new PortInfo(p.getSystemPortPath(), p.getPortDescription(), p.getVendorID(),
                        p.getProductID(), knownOrEmpty(p.getSerialNumber())))
                .toList();
    }

    /** jSerialComm says "Unknown" where there is no serial number. */
    private static String knownOrEmpty(String serialNumber) {
        return serialNumber == null || serialNumber.equals("Unknown") ? "" : serialNumber;
    }
}
