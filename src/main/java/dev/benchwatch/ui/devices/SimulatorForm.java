package dev.benchwatch.ui.devices;

import dev.benchwatch.device.DeviceAdapter;
import dev.benchwatch.device.sim.SimulatedChannel;
import dev.benchwatch.device.sim.SimulatorDevice;
import dev.benchwatch.device.sim.Waveform;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;

/** A simulated device: one channel of a chosen waveform at a chosen rate, no hardware needed. */
final class SimulatorForm implements DeviceForm {
    /** The waveforms on offer, each with settings that look like a real sensor. */
    enum Shape {
        SINE_AND_NOISE("sine + noise"), STEPS("steps"), RANDOM_WALK("random walk"), NOISE_WITH_SPIKES("noise with spikes");

        private final String label;

        Shape(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }

        List<Waveform> waveforms() {
            return switch (this) {
                case SINE_AND_NOISE -> List.of(new Waveform.Sine(20, 5, 10), new Waveform.Noise(0, 0.2));
                case STEPS -> List.of(new Waveform.Steps(new double[] {0, 5, 10, 5}, 2), new Waveform.Noise(0, 0.05));
                case RANDOM_WALK -> List.of(new Waveform.RandomWalk(50, 0.5, 0, 100));
                case NOISE_WITH_SPIKES -> List.of(new Waveform.Noise(1, 0.1), new Waveform.Spikes(8, 0.002, true));
            };
        }
    }

    private final FormGrid grid = new FormGrid();
    private final TextField name;
    private final TextField channel = FormGrid.text("signal", "channel name");
    private final TextField unit = FormGrid.text("", "unit, e.g. °C");
    private final TextField rate = FormGrid.text("100", "readings per second");
    private final ComboBox<Shape> shape = new ComboBox<>();

    SimulatorForm(String suggestedName) {
        name = FormGrid.text(suggestedName, "device name");
        shape.getItems().addAll(Shape.values());
        shape.setValue(Shape.SINE_AND_NOISE);
        grid.add("Name", name, "simName");
        grid.add("Channel", channel, "simChannel");
        grid.add("Unit", unit, "simUnit");
        grid.add("Rate (per s)", rate, "simRate");
        grid.add("Waveform", shape, "simShape");
    }

    @Override
    public String kind() {
        return "simulator";
    }

    @Override
    public String title() {
        return "Add a simulated device";
    }

    @Override
    public Node view() {
        return grid;
    }

    @Override
    public Supplier<DeviceAdapter> adapter() {
        String device = FormGrid.required(name, "Name");
        double hz = FormGrid.number(rate, "Rate");
        SimulatedChannel simulated = new SimulatedChannel(FormGrid.required(channel, "Channel"), unit.getText().strip(),
                shape.getValue().waveforms());
        new SimulatorDevice(device, hz, List.of(simulated), 1).close(); // checks the rate and name now
        return () -> new SimulatorDevice(device, hz, List.of(simulated), System.nanoTime());
    }
}
