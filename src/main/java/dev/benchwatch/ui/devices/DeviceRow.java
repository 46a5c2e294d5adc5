package dev.benchwatch.ui.devices;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One device as the devices table shows it; written by {@link DevicesViewModel} only. */
public final class DeviceRow {
    private final String name;
    private final String kind;
    final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("DISCONNECTED");
    final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    final ReadOnlyDoubleWrapper rate = new ReadOnlyDoubleWrapper(0);
    final ReadOnlyLongWrapper errors = new ReadOnlyLongWrapper(0);
    long lastReadings = -1;
    long lastReadingsNanos;

    DeviceRow(String name, String kind) {
        this.name = name;
        this.kind = kind;
    }

    public String name() {
        return name;
    }

    /** simulator, serial, mqtt, replay. */
    public String kind() {
        return kind;
    }

    /** CONNECTED, CONNECTING, DISCONNECTED, REFUSED, TLS_FAILED, ... */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The device's last status message. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Readings per second. */
    public ReadOnlyDoubleProperty rateProperty() {
        return rate.getReadOnlyProperty();
    }

    /** Decoding errors so far. */
    public ReadOnlyLongProperty errorsProperty() {
        return errors.getReadOnlyProperty();
    }
}
