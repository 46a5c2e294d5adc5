package dev.benchwatch.ui.triggers;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One trigger as the trigger list shows it; written by {@link TriggersViewModel} only. */
public final class TriggerRow {
    private final String id;
    final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper();
    final ReadOnlyStringWrapper severity = new ReadOnlyStringWrapper();
    final ReadOnlyBooleanWrapper enabled = new ReadOnlyBooleanWrapper();
    final ReadOnlyStringWrapper mode = new ReadOnlyStringWrapper();
    final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper();
    final ReadOnlyLongWrapper firings = new ReadOnlyLongWrapper();
    final ReadOnlyDoubleWrapper value = new ReadOnlyDoubleWrapper(Double.NaN);

    TriggerRow(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    /** info, warning, critical. */
    public ReadOnlyStringProperty severityProperty() {
        return severity.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty enabledProperty() {
        return enabled.getReadOnlyProperty();
    }

    /** armed or shadow. */
    public ReadOnlyStringProperty modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** OK, PENDING, FIRING, CLEARED, with "acknowledged" when it is. */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty firingsProperty() {
        return firings.getReadOnlyProperty();
    }

    /** The value the trigger last decided on. */
    public ReadOnlyDoubleProperty valueProperty() {
        return value.getReadOnlyProperty();
    }
}
