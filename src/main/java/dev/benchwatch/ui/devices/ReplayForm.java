package dev.benchwatch.ui.devices;

import dev.benchwatch.device.DeviceAdapter;
import dev.benchwatch.device.sim.NabRecording;
import dev.benchwatch.device.sim.RecordingReplay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.TextField;

/** A replay of a recorded {@code timestamp,value} CSV (the NAB format) at a chosen speed. */
final class ReplayForm implements DeviceForm {
    private final FormGrid grid = new FormGrid();
    private final TextField name = FormGrid.text("replay", "device name");
    private final TextField file = FormGrid.text("", "path to a timestamp,value CSV");
    private final TextField channel = FormGrid.text("value", "channel name");
    private final TextField speed = FormGrid.text("3600", "1 = real time; 3600 = an hour per second");

    ReplayForm() {
        grid.add("Name", name, "replayName");
        grid.add("Recording", file, "replayFile");
        grid.add("Channel", channel, "replayChannel");
        grid.add("Speed (x)", speed, "replaySpeed");
    }

    @Override
    public String kind() {
        return "replay";
    }

    @Override
    public String title() {
        return "Replay a recording";
    }

    @Override
    public Node view() {
        return grid;
    }

    @Override
    public Supplier<DeviceAdapter> adapter() {
        String device = FormGrid.required(name, "Name");
        Path path = Path.of(FormGrid.required(file, "Recording"));
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException("Recording " + path + " cannot be read");
        }
        NabRecording recording;
        try {
            recording = NabRecording.read(path);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Recording " + path + ": " + e.getMessage());
        }
        double factor = FormGrid.number(speed, "Speed");
        String channelName = FormGrid.required(channel, "Channel");
        return () -> new RecordingReplay(device, channelName, "", recording, factor, RecordingReplay.Timestamps.LIVE);
    }
}
