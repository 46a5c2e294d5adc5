package dev.benchwatch.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchwatch.device.serial.PortDiscovery;
import dev.benchwatch.device.serial.PortInfo;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code benchwatch ports [--json]}: the serial ports with description, USB VID:PID and serial number. */
@Command(name = "ports", mixinStandardHelpOptions = true,
        description = "List serial and USB-serial ports with description, USB VID:PID and serial number.")
public final class PortsCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    boolean json;

    private final Supplier<List<PortInfo>> ports;

    public PortsCommand() {
        this(PortDiscovery::list);
    }

    /** With another source of ports (tests of the output format). */
    PortsCommand(Supplier<List<PortInfo>> ports) {
        this.ports = ports;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<PortInfo> found = ports.get();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ArrayNode array = mapper.createArrayNode();
            for (PortInfo port : found) {
                ObjectNode node = array.addObject();
                node.put("path", port.path());
                node.put("description", port.description());
                if (port.isUsb()) {
                    node.put("vid", String.format("%04x", port.vendorId()));
                    node.put("pid", String.format("%04x", port.productId()));
                } else {
                    node.putNull("vid");
                    node.putNull("pid");
                }
                node.put("serialNumber", port.serialNumber());
            }
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array));
        } else if (found.isEmpty()) {
            out.println("no serial ports found");
        } else {
            out.printf(Locale.ROOT, "%-24s %-10s %-20s %s%n", "PORT", "VID:PID", "SERIAL", "DESCRIPTION");
            for (PortInfo port : found) {
                out.printf(Locale.ROOT, "%-24s %-10s %-20s %s%n", port.path(), port.vidPid().isEmpty() ? "-"
                        : port.vidPid(), port.serialNumber().isEmpty() ? "-" : port.serialNumber(), port.description());
            }
        }
        out.flush();
        return 0;
    }
}
