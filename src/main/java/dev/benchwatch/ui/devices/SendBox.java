package dev.benchwatch.ui.devices;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** Talks back to the selected board: text with a chosen line ending, or hex bytes. */
final class SendBox extends HBox {
    /** What follows the typed text on the wire. */
    enum Ending {
        LF("LF", "\n"), CRLF("CR LF", "\r\n"), CR("CR", "\r"), NONE("none", ""), HEX("hex bytes", null);

        final String label;
        final String bytes;

        Ending(String label, String bytes) {
            this.label = label;
            this.bytes = bytes;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    final TextField text = new TextField();
    final ComboBox<Ending> ending = new ComboBox<>();
    final Button send = new Button("Send");

    SendBox(DevicesViewModel model, java.util.function.Supplier<String> selectedDevice) {
        super(6);
        getStyleClass().add("send-box");
        text.setId("sendText");
        text.setPromptText("command to the selected device");
        ending.setId("sendEnding");
        ending.getItems().addAll(Ending.values());
        ending.setValue(Ending.LF);
        send.setId("sendButton");
        HBox.setHgrow(text, Priority.ALWAYS);
        Runnable doSend = () -> {
            String device = selectedDevice.get();
            if (device != null && model.send(device, text.getText(), ending.getValue().bytes == null ? ""
                    : ending.getValue().bytes, ending.getValue() == Ending.HEX)) {
                text.clear();
            }
        };
        send.setOnAction(e -> doSend.run());
        text.setOnAction(e -> doSend.run());
        getChildren().addAll(text, ending, send);
    }
}
