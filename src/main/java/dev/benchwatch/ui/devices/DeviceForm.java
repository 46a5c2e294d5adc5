package dev.benchwatch.ui.devices;

import dev.benchwatch.device.DeviceAdapter;
import java.util.function.Supplier;
import javafx.scene.Node;

/** The settings form of one kind of device, inside a {@link DeviceDialog}. */
interface DeviceForm {
    /** simulator, serial, mqtt, replay. */
    String kind();

    String title();

    Node view();

    /**
     * Checks the form and returns how to build the adapter (called again for every reconnect).
     *
     * @throws IllegalArgumentException with a message naming the field in error
     */
    Supplier<DeviceAdapter> adapter();
}
