package dev.benchwatch.ui.devices;

import dev.benchwatch.codec.DecoderSpec;
import dev.benchwatch.codec.frame.DelimitedFramer;
import dev.benchwatch.device.DeviceAdapter;
import dev.benchwatch.device.serial.PortDiscovery;
import dev.benchwatch.device.serial.PortInfo;
import dev.benchwatch.device.serial.SerialAdapter;
import dev.benchwatch.device.serial.SerialSettings;
import dev.benchwatch.device.serial.UsbIdentity;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;

/** A serial or USB-serial device: port picker with description, VID:PID and serial number, line settings, format. */
final class SerialForm implements DeviceForm {
    private static final String SEPARATOR = "  —  ";
    private final List<PortInfo> ports;
    private final FormGrid grid = new FormGrid();
    private final TextField name = FormGrid.text("board", "device name");
    private final ComboBox<String> port = new ComboBox<>();
    private final ComboBox<String> baud = new ComboBox<>();
    private final ComboBox<Integer> dataBits = new ComboBox<>();
    private final ComboBox<SerialSettings.Parity> parity = new ComboBox<>();
    private final ComboBox<SerialSettings.StopBits> stopBits = new ComboBox<>();
    private final ComboBox<SerialSettings.FlowControl> flow = new ComboBox<>();
    private final CheckBox dtr = new CheckBox("DTR");
    private final CheckBox rts = new CheckBox("RTS");
    private final ComboBox<DelimitedFramer.LineEnding> lineEnding = new ComboBox<>();
    private final CheckBox bindUsb = new CheckBox("Find this board again by VID:PID and serial number");
    private final DecoderFields decoder = new DecoderFields(DecoderSpec.Format.KV);

    SerialForm(List<PortInfo> ports) {
        this.ports = ports;
        port.setEditable(true);
        port.setPromptText("/dev/ttyACM0, COM3, or a pty path");
        port.setMaxWidth(Double.MAX_VALUE);
        for (PortInfo info : ports) {
            port.getItems().add(info.path() + SEPARATOR + info.description()
                    + (info.isUsb() ? "  [" + info.vidPid() + (info.serialNumber().isEmpty() ? "" : " SN " + info.serialNumber()) + "]" : ""));
        }
        if (!port.getItems().isEmpty()) {
            port.setValue(port.getItems().get(0));
        }
        baud.setEditable(true);
        baud.getItems().addAll("9600", "19200", "38400", "57600", "115200", "230400", "460800", "921600", "1000000",
                "2000000", "3000000");
        baud.setValue("115200");
        dataBits.getItems().addAll(5, 6, 7, 8);
        dataBits.setValue(8);
        parity.getItems().addAll(SerialSettings.Parity.values());
        parity.setValue(SerialSettings.Parity.NONE);
        stopBits.getItems().addAll(SerialSettings.StopBits.values());
        stopBits.setValue(SerialSettings.StopBits.ONE);
        flow.getItems().addAll(SerialSettings.FlowControl.values());
        flow.setValue(SerialSettings.FlowControl.NONE);
        dtr.setSelected(true);
        rts.setSelected(true);
        lineEnding.getItems().addAll(DelimitedFramer.LineEnding.values());
        lineEnding.setValue(DelimitedFramer.LineEnding.AUTO);
        grid.add("Name", name, "serialName");
        grid.add("Port", port, "serialPort");
        grid.add("Baud rate", baud, "serialBaud");
        grid.add("Data bits", dataBits, "serialDataBits");
        grid.add("Parity", parity, "serialParity");
        grid.add("Stop bits", stopBits, "serialStopBits");
        grid.add("Flow control", flow, "serialFlow");
        grid.add("Lines", new javafx.scene.layout.HBox(12, dtr, rts), "serialLines");
        grid.add("Line ending", lineEnding, "serialLineEnding");
        decoder.addTo(grid);
        grid.add("USB", bindUsb, "serialBindUsb");
    }

    @Override
    public String kind() {
        return "serial";
    }

    @Override
    public String title() {
        return "Add a serial device";
    }

    @Override
    public Node view() {
        return grid;
    }

    @Override
    public Supplier<DeviceAdapter> adapter() {
        String device = FormGrid.required(name, "Name");
        String text = port.getEditor().getText() == null ? "" : port.getEditor().getText().strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Port must not be empty: pick one or type its path");
        }
        String path = text.contains(SEPARATOR) ? text.substring(0, text.indexOf(SEPARATOR)).strip() : text;
        String baudText = baud.getEditor().getText() == null ? "" : baud.getEditor().getText().strip();
        int rate;
        try {
            rate = Integer.parseInt(baudText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Baud rate: '" + baudText + "' is not a whole number");
        }
        SerialSettings settings = new SerialSettings(path, rate, dataBits.getValue(), parity.getValue(),
                stopBits.getValue(), flow.getValue(), dtr.isSelected(), rts.isSelected());
        DecoderSpec spec = decoder.spec();
        DelimitedFramer.LineEnding ending = lineEnding.getValue();
        if (bindUsb.isSelected()) {
            PortInfo info = ports.stream().filter(p -> p.path().equals(path)).findFirst().orElse(null);
            if (info == null || !info.isUsb()) {
                throw new IllegalArgumentException("Port " + path + " is not a listed USB device: it cannot be found by VID:PID");
            }
            UsbIdentity identity = UsbIdentity.parse(info.vidPid() + (info.serialNumber().isEmpty() ? "" : ":" + info.serialNumber()));
            return () -> SerialAdapter.boundTo(identity, device, settings, DelimitedFramer.lines(ending), spec.build(),
                    SerialForm::listPorts);
        }
        return () -> new SerialAdapter(device, settings, DelimitedFramer.lines(ending), spec.build());
    }

    /** The ports the system lists now (empty when listing fails: a typed path still works). */
    static List<PortInfo> listPorts() {
        try {
            return PortDiscovery.list();
        } catch (RuntimeException | LinkageError e) {
            return List.of();
        }
    }
}
