package dev.benchwatch.ui.devices;

import dev.benchwatch.codec.DecoderSpec;
import dev.benchwatch.device.DeviceAdapter;
import dev.benchwatch.device.mqtt.ClientCertificate;
import dev.benchwatch.device.mqtt.MqttAdapter;
import dev.benchwatch.device.mqtt.MqttCredentials;
import dev.benchwatch.device.mqtt.MqttSettings;
import dev.benchwatch.device.mqtt.MqttTls;
import dev.benchwatch.device.mqtt.TopicMapping;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

/**
 * An MQTT broker connection: host, port, TLS (CA, client certificate and key), user name and password,
 * topic filters, QoS, protocol version, topic-to-name mapping and payload format. The password and key
 * passphrase are kept in memory only and never written anywhere.
 */
final class MqttForm implements DeviceForm {
    private final FormGrid grid = new FormGrid();
    private final TextField name = FormGrid.text("broker", "device name");
    private final TextField host = FormGrid.text("localhost", "broker host");
    private final TextField port = FormGrid.text("1883", "1883, or 8883 with TLS");
    private final TextField topics = FormGrid.text("lab/+/+", "filters, comma separated: lab/+/temp, plant/#");
    private final ComboBox<Integer> qos = new ComboBox<>();
    private final ComboBox<String> version = new ComboBox<>();
    private final CheckBox persistent = new CheckBox("Persistent session (QoS 1 messages wait while away)");
    private final TextField deviceTemplate = FormGrid.text("{-2}", "{n}: topic level n, {-n}: from the end");
    private final TextField channelTemplate = FormGrid.text("{-1}", "{n}: topic level n, {-n}: from the end");
    private final CheckBox tls = new CheckBox("TLS");
    private final TextField caFile = FormGrid.text("", "CA certificate (PEM); empty: the system's CAs");
    private final TextField certFile = FormGrid.text("", "client certificate (PEM), for mutual TLS");
    private final TextField keyFile = FormGrid.text("", "client key (PKCS#8 PEM)");
    private final PasswordField keyPassphrase = new PasswordField();
    private final TextField username = FormGrid.text("", "optional");
    private final PasswordField password = new PasswordField();
    private final DecoderFields decoder = new DecoderFields(DecoderSpec.Format.JSON);

    MqttForm() {
        qos.getItems().addAll(0, 1, 2);
        qos.setValue(1);
        version.getItems().addAll("5", "3.1.1");
        version.setValue("5");
        tls.selectedProperty().addListener((o, was, on) -> {
            if (on && "1883".equals(port.getText().strip())) {
                port.setText("8883");
            } else if (!on && "8883".equals(port.getText().strip())) {
                port.setText("1883");
            }
        });
        for (TextField field : List.of(caFile, certFile, keyFile, keyPassphrase)) {
            field.disableProperty().bind(tls.selectedProperty().not());
        }
        keyPassphrase.setPromptText("only for an encrypted key; kept in memory only");
        password.setPromptText("kept in memory only, never saved");
        grid.add("Name", name, "mqttName");
        grid.add("Host", host, "mqttHost");
        grid.add("Port", port, "mqttPort");
        grid.add("Topics", topics, "mqttTopics");
        grid.add("QoS", qos, "mqttQos");
        grid.add("MQTT version", version, "mqttVersion");
        grid.add("Session", persistent, "mqttPersistent");
        grid.add("Device from", deviceTemplate, "mqttDeviceTemplate");
        grid.add("Channel from", channelTemplate, "mqttChannelTemplate");
        decoder.addTo(grid);
        grid.add("Security", tls, "mqttTls");
        grid.add("CA file", caFile, "mqttCaFile");
        grid.add("Client certificate", certFile, "mqttCertFile");
        grid.add("Client key", keyFile, "mqttKeyFile");
        grid.add("Key passphrase", keyPassphrase, "mqttKeyPassphrase");
        grid.add("User name", username, "mqttUsername");
        grid.add("Password", password, "mqttPassword");
    }

    @Override
    public String kind() {
        return "mqtt";
    }

    @Override
    public String title() {
        return "Add an MQTT broker";
    }

    @Override
    public Node view() {
        return grid;
    }

    @Override
    public Supplier<DeviceAdapter> adapter() {
        String device = FormGrid.required(name, "Name");
        List<String> filters = Arrays.stream(topics.getText().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        MqttSettings settings = new MqttSettings(FormGrid.required(host, "Host"), FormGrid.integer(port, "Port"),
                "benchwatch-" + device + "-" + ProcessHandle.current().pid(), version.getValue().equals("5") ? 5 : 3,
                !persistent.isSelected(), filters, qos.getValue(),
                new TopicMapping(deviceTemplate.getText().strip(), channelTemplate.getText().strip()));
        MqttTls security = null;
        if (tls.isSelected()) {
            boolean hasCert = !certFile.getText().isBlank();
            if (hasCert != !keyFile.getText().isBlank()) {
                throw new IllegalArgumentException("Mutual TLS needs both the client certificate and the client key");
            }
            ClientCertificate identity = hasCert ? new ClientCertificate(Path.of(certFile.getText().strip()),
                    Path.of(keyFile.getText().strip()),
                    keyPassphrase.getText().isEmpty() ? null : keyPassphrase.getText().toCharArray()) : null;
            security = new MqttTls(caFile.getText().isBlank() ? null : Path.of(caFile.getText().strip()), true, identity);
        }
        MqttCredentials credentials = username.getText().isBlank() ? null
                : MqttCredentials.fromPrompt(username.getText().strip(), password.getText().toCharArray());
        DecoderSpec spec = decoder.spec();
        MqttTls finalSecurity = security;
        new MqttAdapter(device, settings, credentials, finalSecurity, spec.build()).close(); // checks files now
        return () -> new MqttAdapter(device, settings, credentials, finalSecurity, spec.build());
    }
}
