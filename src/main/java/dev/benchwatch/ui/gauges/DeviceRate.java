package dev.benchwatch.ui.gauges;

import java.util.Objects;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * One row of {@link GaugesViewModel#deviceRates()}: an ingest source (a device) and the readings per second
 * the engine accepted from it between the view-model's last two updates.
 */
public final class DeviceRate {
    private final String device;
    private final ReadOnlyDoubleWrapper readingsPerSecond = new ReadOnlyDoubleWrapper(this, "readingsPerSecond");

    DeviceRate(String device) {
        this.device = Objects.requireNonNull(device, "device");
    }

    /** The ingest source's name, which is the device's name. */
    public String device() {
        return device;
    }

    public ReadOnlyDoubleProperty readingsPerSecondProperty() {
        return readingsPerSecond.getReadOnlyProperty();
    }

    public double getReadingsPerSecond() {
        return readingsPerSecond.get();
    }

    void setReadingsPerSecond(double value) {
        readingsPerSecond.set(value);
    }

    @Override
    public String toString() {
        return device + " " + getReadingsPerSecond() + "/s";
    }
}
