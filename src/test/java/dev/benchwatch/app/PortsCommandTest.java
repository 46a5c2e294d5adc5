package dev.benchwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.benchwatch.device.serial.PortInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PortsCommandTest {
    private static final List<PortInfo> PORTS = List.of(
            new PortInfo("/dev/ttyACM0", "Arduino Uno", 0x2341, 0x0043, "55739323637351E0C0A1"),
            new PortInfo("/dev/ttyS0", "Physical Port S0", -1, -1, ""));

    private static String run(PortsCommand command, String... args) {
        CommandLine cli = new CommandLine(command);
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute(args)).isZero();
        return out.toString();
    }

    @Test
    void tableShowsPathVidPidSerialAndDescription() {
        String out = run(new PortsCommand(() -> PORTS));
        assertThat(out).contains("/dev/ttyACM0").contains("2341:0043").contains("55739323637351E0C0A1")
                .contains("Arduino Uno");
        assertThat(out.lines().filter(l -> l.startsWith("/dev/ttyS0")).findFirst().orElseThrow())
                .contains(" - ").contains("Physical Port S0");
    }

    @Test
    void jsonIsAnArrayWithOneObjectPerPort() throws Exception {
        JsonNode array = new ObjectMapper().readTree(run(new PortsCommand(() -> PORTS), "--json"));
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(2);
        assertThat(array.get(0).get("vid").asText()).isEqualTo("2341");
        assertThat(array.get(0).get("pid").asText()).isEqualTo("0043");
        assertThat(array.get(0).get("serialNumber").asText()).isEqualTo("55739323637351E0C0A1");
        assertThat(array.get(1).get("vid").isNull()).isTrue();
    }

    @Test
    void theRealListingRunsOnThisMachine() throws Exception {
        // whatever ports this machine has, the real jSerialComm listing gives valid JSON
        JsonNode array = new ObjectMapper().readTree(run(new PortsCommand(), "--json"));
        assertThat(array.isArray()).isTrue();
        assertThat(BenchwatchMain.run("ports", "--help")).isZero();
    }
}
